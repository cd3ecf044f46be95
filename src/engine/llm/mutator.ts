// The LLM mutator: picks a model and an instruction, builds a prompt, calls the endpoint and turns
// the answer into a Proposal. Everything it sent and received goes into `Proposal.data`.
import { stream } from '../../core/rng.js';
import type { CandidateRecord } from '../candidate.js';
import type { MutationContext, Mutator, Proposal } from '../mutator.js';
import { parseProgram } from '../blocks.js';
import { createChatClient, LlmEndpointError, LlmRequestError, type ChatClient, type ChatResult } from './client.js';
import type { LlmConfig, ModelSpec } from './config.js';
import { childReward, createEnsemble, type EnsembleState } from './ensemble.js';
import { createLedger, type Ledger, type LedgerState } from './ledger.js';
import { createMetaPromptPopulation, type MetaPromptState } from './meta-prompt.js';
import { buildPrompt, type AttemptNote } from './prompt.js';
import { parseAnswer } from './response.js';
import { head } from './scrub.js';

export interface LlmMutatorState {
  ledger: LedgerState;
  ensemble: EnsembleState;
  meta: MetaPromptState | null;
  /** Recent outcomes (true = the change applied and ran), newest last; drives the rewrite fallback. */
  recent: boolean[];
  attempts: [number, AttemptNote[]][];
}

export interface LlmMutator extends Mutator {
  readonly ledger: Ledger;
  /** Fails early with a clear message when the endpoint is down or does not serve a configured model. */
  preflight(signal?: AbortSignal): Promise<void>;
  state(): LlmMutatorState;
  restore(state: LlmMutatorState): void;
  /** Rebuilds ledger, bandit, meta-prompt and feedback memory from a resumed run's records (in seq order). */
  restoreFromHistory(records: CandidateRecord[]): void;
  /** One line for the progress display. */
  progress(): string;
}

export interface LlmMutatorDeps {
  /** Where API keys are read from (defaults to `process.env`). */
  env?: Record<string, string | undefined>;
}

interface StoredCall {
  model: string;
  usage?: { promptTokens: number; completionTokens: number } | null;
  costUsd?: number;
  added?: { id: string; text: string; parentId: string | null } | null;
}

interface StoredLlm extends StoredCall {
  instructionId?: string | null;
  outcome?: Outcome;
  diagnostic?: string;
}

function llmData(rec: CandidateRecord): StoredLlm | null {
  const llm = rec.mutatorData?.llm as StoredLlm | undefined;
  return llm && typeof llm.model === 'string' ? llm : null;
}

const RECENT = 8;
const ATTEMPTS_PER_PARENT = 3;
const ATTEMPT_PARENTS = 256;

type Outcome = 'ok' | 'empty' | 'refused' | 'malformed' | 'truncated' | 'request-error';

export function createLlmMutator(config: LlmConfig, deps: LlmMutatorDeps = {}): LlmMutator {
  const clients = new Map<string, ChatClient>();
  const clientFor = (m: ModelSpec): ChatClient => {
    const k = `${m.baseUrl}\u0000${m.apiKeyEnv ?? ''}`;
    let c = clients.get(k);
    if (!c) {
      c = createChatClient({ baseUrl: m.baseUrl, apiKeyEnv: m.apiKeyEnv, env: deps.env, timeoutMs: config.timeoutMs, maxRetries: config.maxRetries, retryBaseMs: config.retryBaseMs, retryMaxMs: config.retryMaxMs });
      clients.set(k, c);
    }
    return c;
  };
  // Keys are read now, so a missing variable fails at start-up rather than mid-run.
  for (const m of [...config.models, ...config.metaPrompt.models]) clientFor(m);
  const redactAll = <T>(v: T): T => [...clients.values()].reduce((x, c) => c.redact(x), v);

  const ledger = createLedger({ prices: config.prices, maxLlmCalls: config.maxLlmCalls, maxCostUsd: config.maxCostUsd });
  const ensemble = createEnsemble(config.models, { selection: config.selection, exploration: config.ucbExploration, costAware: config.costAware });
  const meta = config.metaPrompt.enabled ? createMetaPromptPopulation(config.metaPrompt) : null;
  const byName = new Map(config.models.map((m) => [m.name, m]));
  let recent: boolean[] = [];
  let attempts = new Map<number, AttemptNote[]>();
  let consecutiveRequestErrors = 0;
  /** Seqs proposed by this instance whose children have not been observed yet. */
  const proposed = new Set<number>();

  const absorb = (rec: CandidateRecord, parent: CandidateRecord | null): void => {
    const d = rec.mutatorData ?? {};
    const mc = d.metaPrompt as StoredCall | null | undefined;
    if (mc && typeof mc.model === 'string') {
      ledger.absorb(mc.model, mc.usage ?? null, mc.costUsd ?? 0);
      // the stored id is kept so children's instructionId still refers to it
      if (meta && mc.added) meta.add(mc.added.text, mc.added.parentId, mc.added.id);
    }
    const llm = llmData(rec);
    if (!llm) return;
    ledger.absorb(llm.model, llm.usage ?? null, llm.costUsd ?? 0);
    meta?.tick();
    if (parent && llm.outcome && llm.outcome !== 'ok') {
      remember(parent.seq, { seq: rec.seq, status: llm.outcome, reason: llm.diagnostic ?? '' });
      pushRecent(false);
    }
  };

  const remember = (parentSeq: number, note: AttemptNote): void => {
    const list = attempts.get(parentSeq) ?? [];
    if (list.some((a) => a.seq === note.seq)) return;
    list.unshift(note);
    attempts.delete(parentSeq); // re-insert: the map's order is least recently touched first
    attempts.set(parentSeq, list.slice(0, ATTEMPTS_PER_PARENT));
    while (attempts.size > ATTEMPT_PARENTS) attempts.delete(attempts.keys().next().value as number);
  };
  const pushRecent = (ok: boolean): void => {
    recent.push(ok);
    if (recent.length > RECENT) recent = recent.slice(-RECENT);
  };

  async function call(model: ModelSpec, messages: { role: 'system' | 'user' | 'assistant'; content: string }[], random: () => number, signal?: AbortSignal): Promise<{ r: ChatResult; costUsd: number }> {
    ledger.check();
    ledger.begin(model.name);
    const r = await clientFor(model).complete({ model: model.name, messages, temperature: model.temperature, maxTokens: model.maxTokens, reasoning: model.reasoning, signal, random });
    return { r, costUsd: ledger.settle(model.name, r.usage) };
  }

  async function evolveInstruction(ctx: MutationContext, random: () => number, rng: ReturnType<typeof stream>): Promise<Record<string, unknown> | null> {
    if (!meta) return null;
    // Keep at least one call for the mutation itself, so the instruction call is never the last.
    if (ledger.limits.maxLlmCalls !== null && ledger.state().calls + 2 > ledger.limits.maxLlmCalls) return null;
    const models = config.metaPrompt.models;
    const model = models[rng.int(models.length)];
    const { messages, parentId } = meta.evolvePrompt(`${ctx.problem.title}. ${head(ctx.problem.description, 600)}`, rng);
    const safe = redactAll(messages);
    try {
      const { r, costUsd } = await call(model, safe, random, ctx.signal);
      const text = meta.parse(r.text);
      const added = text ? meta.add(text, parentId) : null;
      return { model: model.name, messages: safe, response: r.text, usage: r.usage, costUsd, added: added ? { id: added.id, text: added.text, parentId } : null };
    } catch (e) {
      if (e instanceof LlmRequestError) return { model: model.name, error: e.message };
      throw e;
    }
  }

  const mutator: LlmMutator = {
    name: 'llm',
    ledger,
    async propose(ctx: MutationContext): Promise<Proposal> {
      ledger.check();
      // One draw from the run's stream per proposal, whatever happens on the network, keeps the
      // engine's sequence reproducible; everything else comes from this derived stream.
      const rng = stream(ctx.rng.u32(), 'llm-mutator', ctx.seq);
      proposed.add(ctx.seq);
      const random = (): number => rng.float();
      const modelName = ensemble.pick(rng);
      const model = byName.get(modelName)!;
      const instruction = meta ? meta.pick(rng, config.ucbExploration) : null;
      const metaDue = meta ? meta.tick() : false;

      const failing = recent.length >= 4 && recent.filter((x) => !x).length / recent.length >= 0.5;
      const short = blockChars(ctx.parent.source) <= config.fullRewriteMaxChars;
      const coin = rng.float();
      const mode: 'diff' | 'full' = config.diffMode === 'auto' ? (short || (failing && coin < 0.5) ? 'full' : 'diff') : config.diffMode;

      const built = buildPrompt(
        {
          problem: ctx.problem,
          parent: ctx.parent,
          inspirations: ctx.inspirations,
          ancestors: ctx.ancestors,
          attempts: attempts.get(ctx.parent.seq) ?? [],
          mode,
          instruction,
          extraInstructions: config.extraInstructions,
          maxInspirations: config.maxInspirations,
          maxAncestors: config.maxAncestors,
          feedbackMaxChars: config.feedbackMaxChars,
        },
        rng,
      );
      const messages = redactAll(built.messages);
      const metaCall = metaDue ? await evolveInstruction(ctx, random, rng) : null;

      const base = {
        model: model.name,
        baseUrl: model.baseUrl,
        temperature: model.temperature,
        maxTokens: model.maxTokens,
        mode,
        variant: built.variant,
        inspirations: built.inspirationSeqs,
        instructionId: instruction?.id ?? null,
        instruction: instruction?.text ?? null,
        messages,
      };
      let r: ChatResult;
      let costUsd: number;
      try {
        ({ r, costUsd } = await call(model, messages, random, ctx.signal));
        consecutiveRequestErrors = 0;
      } catch (e) {
        if (!(e instanceof LlmRequestError)) throw e;
        if (++consecutiveRequestErrors >= config.maxConsecutiveFailures) {
          throw new LlmRequestError(`${consecutiveRequestErrors} LLM requests in a row were refused (llm.maxConsecutiveFailures); last: ${e.message}`, e.status);
        }
        const diagnostic = `request refused: ${e.message}`;
        remember(ctx.parent.seq, { seq: ctx.seq, status: 'request-error', reason: diagnostic });
        pushRecent(false);
        return redactAll(failed({ llm: { ...base, outcome: 'request-error' as Outcome, diagnostic }, metaPrompt: metaCall, ledger: totals() }, diagnostic));
      }

      const blockCount = blockBodies(ctx.parent.source)?.length ?? 1;
      const parsed = parseAnswer(r.text, { mode, blockCount, finishReason: r.finishReason, refusal: r.refusal });
      const call_ = {
        ...base,
        servedModel: r.servedModel,
        response: r.text,
        refusal: r.refusal,
        finishReason: r.finishReason,
        usage: r.usage,
        costUsd,
        latencyMs: Math.round(r.latencyMs),
        attempts: r.attempts,
        retries: r.retries,
      };
      if (parsed.kind === 'diff' || parsed.kind === 'blocks') {
        const data = { llm: { ...call_, outcome: 'ok' as Outcome, explanation: parsed.explanation, notes: parsed.notes }, metaPrompt: metaCall, ledger: totals() };
        const summary = `llm(${model.name}): ${parsed.explanation ? head(parsed.explanation.split('\n')[0], 160) : parsed.kind === 'diff' ? `${parsed.edits.length} edit(s)` : 'rewrite'}`;
        // The whole proposal is redacted: a model could echo the key into code or its explanation.
        return redactAll(parsed.kind === 'diff' ? { diff: parsed.diff, summary, data } : { blocks: parsed.blocks, summary, data });
      }
      const outcome: Outcome = parsed.kind === 'refusal' ? 'refused' : parsed.kind;
      remember(ctx.parent.seq, { seq: ctx.seq, status: outcome, reason: parsed.diagnostic });
      pushRecent(false);
      return redactAll(failed({ llm: { ...call_, outcome, diagnostic: parsed.diagnostic }, metaPrompt: metaCall, ledger: totals() }, parsed.diagnostic));
    },

    observe(child: CandidateRecord, parent: CandidateRecord) {
      const llm = llmData(child);
      if (!llm) return; // not an LLM child
      // A child this instance did not propose comes from a resumed run's history: take its
      // calls into the ledger and its evolved instruction into the population first.
      if (!proposed.delete(child.seq)) absorb(child, parent);
      const reward = childReward(child, parent);
      ensemble.update(llm.model, reward, llm.costUsd ?? 0);
      if (meta && llm.instructionId) meta.update(llm.instructionId, reward);
      if (llm.outcome && llm.outcome !== 'ok') return; // remembered when it was proposed
      pushRecent(child.status !== 'diff-failed');
      if (child.status === 'diff-failed' || child.status === 'crashed' || child.status === 'invalid') {
        remember(parent.seq, { seq: child.seq, status: child.status, reason: head(child.reason ?? '', 600) });
      }
    },

    async preflight(signal) {
      const seen = new Set<ChatClient>();
      for (const m of [...config.models, ...config.metaPrompt.models]) {
        const c = clientFor(m);
        if (seen.has(c)) continue;
        seen.add(c);
        const ids = await c.listModels(signal);
        if (ids === null) continue; // no /models route: the first call will tell
        const want = [...config.models, ...config.metaPrompt.models].filter((x) => clientFor(x) === c).map((x) => x.name);
        const missing = want.filter((w) => !ids.includes(w));
        if (missing.length > 0) {
          const list = missing.map((x) => `'${x}'`).join(', ');
          throw new LlmEndpointError(`model${missing.length > 1 ? 's' : ''} ${list} not served by ${c.baseUrl}; it serves: ${head(ids.join(', '), 400) || '(none)'} (check llm.models / --llm-model)`, 'not-found', 404, 1);
        }
      }
    },

    state: () => ({ ledger: ledger.state(), ensemble: ensemble.state(), meta: meta ? meta.state() : null, recent: [...recent], attempts: [...attempts.entries()].map(([k, v]) => [k, v.map((a) => ({ ...a }))]) }),
    restore(s) {
      ledger.restore(s.ledger);
      ensemble.restore(s.ensemble);
      if (meta && s.meta) meta.restore(s.meta);
      recent = [...s.recent];
      attempts = new Map(s.attempts);
    },
    restoreFromHistory(records) {
      const bySeq = new Map(records.map((r) => [r.seq, r]));
      for (const rec of [...records].sort((a, b) => a.seq - b.seq)) {
        const parent = rec.parentSeq === null ? undefined : bySeq.get(rec.parentSeq);
        if (parent) mutator.observe!(rec, parent);
        else absorb(rec, null);
      }
    },
    progress: () => ledger.summary(),
  };

  function totals(): { calls: number; promptTokens: number; completionTokens: number; costUsd: number } {
    const s = ledger.state();
    return { calls: s.calls, promptTokens: s.promptTokens, completionTokens: s.completionTokens, costUsd: s.costUsd };
  }

  return mutator;
}

/**
 * Calls, tokens and cost of a stored run, summed from its candidates' `mutatorData` (for
 * `evolab best` and reports); `summary` is the same one-line form as the progress display.
 */
export function llmUsageFromRecords(records: CandidateRecord[]): { state: LedgerState; summary: string } {
  const led = createLedger({ prices: {}, maxLlmCalls: null, maxCostUsd: null });
  for (const rec of records) {
    const d = rec.mutatorData ?? {};
    for (const c of [d.metaPrompt, d.llm] as (StoredCall | null | undefined)[]) {
      if (c && typeof c.model === 'string') led.absorb(c.model, c.usage ?? null, c.costUsd ?? 0);
    }
  }
  return { state: led.state(), summary: led.summary() };
}

/** The parent's EVOLVE block bodies, or null when its markers are malformed (the engine reports that). */
function blockBodies(source: string): string[] | null {
  try {
    return parseProgram(source).blocks;
  } catch {
    return null;
  }
}

function blockChars(source: string): number {
  return (blockBodies(source) ?? []).reduce((n, b) => n + b.length, 0);
}

/** A proposal that carries no change: the engine records it as a failed diff with the diagnostic as reason. */
function failed(data: Record<string, unknown>, diagnostic: string): Proposal {
  return { error: `LLM answer unusable: ${diagnostic}`, summary: `llm: ${head(diagnostic, 160)}`, data: { ...data, diagnostic } };
}
