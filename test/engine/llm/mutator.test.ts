import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../../src/core/rng.js';
import { applyDiff, applyRewrite } from '../../../src/engine/diff.js';
import type { MutationContext } from '../../../src/engine/mutator.js';
import { parseLlmConfig } from '../../../src/engine/llm/config.js';
import { BudgetExhausted } from '../../../src/engine/llm/ledger.js';
import { LlmEndpointError, LlmRequestError } from '../../../src/engine/llm/client.js';
import { createLlmMutator } from '../../../src/engine/llm/mutator.js';
import { startScriptedLlmServer, type ScriptedServer } from '../../helpers/scripted-llm-server.js';
import { runProgramInProcess } from '../../helpers/program.js';
import { INSPIRATION_SOURCE, TOY_SOURCE, record, toyProblem } from './fixtures.js';

const GOOD_DIFF = [
  'Raise x: the score is x itself, and 9 stays below the limit of 10.',
  '',
  '```',
  '<<<<<<< SEARCH',
  '  const x = 1.5;',
  '=======',
  '  const x = 9;',
  '>>>>>>> REPLACE',
  '```',
].join('\n');

function cfg(url: string, extra: Record<string, unknown> = {}) {
  return parseLlmConfig({ baseUrl: url, models: 'test-model', diffMode: 'diff', retryBaseMs: 5, retryMaxMs: 20, timeoutMs: 2000, ...extra });
}

function ctx(seq: number, over: Partial<MutationContext> = {}): MutationContext {
  const parent = record({ seq: 3, generation: 2, parentSeq: 1, metrics: { score: 1.5 }, fitness: 1.5 });
  return {
    problem: toyProblem,
    parent,
    inspirations: [record({ seq: 7, source: INSPIRATION_SOURCE, metrics: { score: 7 }, fitness: 7 })],
    ancestors: [record({ seq: 1, metrics: { score: 1.25 }, fitness: 1.25, diff: 'x: 1.25 -> 1.5' }), record({ seq: 0, metrics: { score: 1 }, fitness: 1 })],
    rng: createRng(`t${seq}`),
    seq,
    ...over,
  };
}

async function withServer(script: Parameters<typeof startScriptedLlmServer>[0], body: (srv: ScriptedServer) => Promise<void>): Promise<void> {
  const srv = await startScriptedLlmServer(script);
  try {
    await body(srv);
  } finally {
    await srv.close();
  }
}

test('a good SEARCH/REPLACE answer becomes a diff that the engine applies and that improves the score', async () => {
  await withServer([{ content: GOOD_DIFF, usage: { prompt_tokens: 321, completion_tokens: 45 } }], async (srv) => {
    const m = createLlmMutator(cfg(srv.url));
    const c = ctx(10);
    const p = await m.propose(c);
    assert.ok(p.diff && p.diff.includes('const x = 9;'));
    const applied = applyDiff(TOY_SOURCE, p.diff);
    assert.ok(applied.ok, applied.ok ? '' : applied.error);
    const before = toyProblem.verify(await runProgramInProcess(TOY_SOURCE), null);
    const after = toyProblem.verify(await runProgramInProcess(applied.source), null);
    assert.equal(before.metrics.score, 1.5);
    assert.equal(after.metrics.score, 9);
    const llm = p.data!.llm as Record<string, unknown>;
    assert.equal(llm.model, 'test-model');
    assert.equal(llm.outcome, 'ok');
    assert.deepEqual(llm.usage, { promptTokens: 321, completionTokens: 45 });
    assert.equal(llm.response, GOOD_DIFF);
    assert.match(p.summary!, /Raise x/);
    // the prompt that was stored is the prompt that was sent
    assert.deepEqual(llm.messages, srv.chatRequests()[0].messages);
  });
});

test('the prompt holds the parent code, its metrics, the trajectory and an inspiration with its metrics', async () => {
  await withServer([{ content: GOOD_DIFF }], async (srv) => {
    const m = createLlmMutator(cfg(srv.url));
    await m.propose(ctx(11));
    const [system, user] = srv.chatRequests()[0].messages;
    assert.equal(system.role, 'system');
    assert.match(system.content, /Toy maximisation/);
    assert.match(system.content, /score \(maximise\)/);
    assert.ok(user.content.includes(TOY_SOURCE.trim()), 'parent source verbatim');
    assert.match(user.content, /# Current program \(#3, generation 2\)\nMetrics: score = 1\.5 \(higher is better\)/);
    assert.match(user.content, /#0 \(valid\): score = 1\b[\s\S]*#1 \(valid\): score = 1\.25[\s\S]*#3 \(current\)/);
    assert.match(user.content, /\(#7\)\nMetrics: score = 7 \(higher is better\)/);
    assert.ok(user.content.includes('inspiration-marker-loop'));
    assert.match(user.content, /<<<<<<< SEARCH/);
  });
});

test('a malformed answer yields a diagnostic, and the diagnostic appears in the next prompt for that parent', async () => {
  const broken = '<<<<<<< SEARCH\n  const x = 1.5;\n>>>>>>> REPLACE\n';
  await withServer([{ content: broken }, { content: GOOD_DIFF }], async (srv) => {
    const m = createLlmMutator(cfg(srv.url));
    const p = await m.propose(ctx(12));
    assert.equal(p.diff, undefined);
    assert.equal(p.blocks, undefined);
    assert.match(p.error!, /^LLM answer unusable: malformed SEARCH\/REPLACE: block 1: SEARCH section not closed/);
    const llm = p.data!.llm as Record<string, unknown>;
    assert.equal(llm.outcome, 'malformed');
    assert.match(String(p.data!.diagnostic), /SEARCH section not closed by '======='/);
    await m.propose(ctx(13));
    const next = srv.chatRequests()[1].messages[1].content;
    assert.match(next, /attempt #12: malformed — malformed SEARCH\/REPLACE: block 1: SEARCH section not closed/);
  });
});

test('an engine-side diff failure reported through observe() is fed back in the next prompt', async () => {
  await withServer([{ content: GOOD_DIFF }], async (srv) => {
    const m = createLlmMutator(cfg(srv.url));
    const c = ctx(14);
    const p = await m.propose(c);
    const child = record({ seq: 14, parentSeq: 3, status: 'diff-failed', fitness: NaN, metrics: {}, reason: 'edit 1 of 1 (SEARCH starting "const x = 1.5;"): the SEARCH text matches no EVOLVE-BLOCK region', mutatorData: p.data ?? null });
    m.observe!(child, c.parent);
    await m.propose(ctx(15));
    assert.match(srv.chatRequests()[1].messages[1].content, /attempt #14: diff-failed — edit 1 of 1 .*matches no EVOLVE-BLOCK region/);
  });
});

test("the parent's own reason, diagnostic, stage results and stderr tail reach the prompt, scrubbed", async () => {
  await withServer([{ content: GOOD_DIFF }], async (srv) => {
    const m = createLlmMutator(cfg(srv.url));
    const parent = record({
      seq: 3,
      status: 'invalid',
      reason: 'stage big: x must be at most 10',
      mutatorData: { diagnostic: 'SEARCH block 2 matched only ignoring whitespace' },
      stderrTail: '\u001b[31mwarning\u001b[0m: token=abcd1234efgh5678 leaked\nTypeError: y is not a function\n',
      stages: [{ stage: 'small', valid: true, metrics: { score: 2 }, ms: 3 }, { stage: 'big', valid: false, reason: 'x must be at most 10', metrics: {}, ms: 4 }],
    });
    await m.propose(ctx(16, { parent }));
    const user = srv.chatRequests()[0].messages[1].content;
    assert.match(user, /Status of the current program: invalid — «stage big: x must be at most 10»/);
    assert.match(user, /SEARCH block 2 matched only ignoring whitespace/);
    assert.match(user, /- stage small: passed score=2, 3 ms\n- stage big: rejected \(«x must be at most 10»\)/);
    assert.match(user, /TypeError: y is not a function/);
    assert.ok(!user.includes('abcd1234efgh5678'), 'key-like value scrubbed');
    assert.ok(!user.includes('\u001b'), 'ANSI escapes stripped');
  });
});

test('the API key never appears in prompts, stored data or error messages, even when a candidate printed it', async () => {
  const SECRET = 'sk-evolab-planted-9f8e7d6c5b4a3210ZZ';
  process.env.EVOLAB_TEST_LLM_KEY = SECRET;
  try {
    await withServer([{ content: GOOD_DIFF }, { content: `Here is the key you printed: ${SECRET}\n` + GOOD_DIFF }, { status: 401, content: `invalid key ${SECRET}` }], async (srv) => {
      const m = createLlmMutator(cfg(srv.url, { apiKeyEnv: 'EVOLAB_TEST_LLM_KEY' }));
      // a candidate leaked the key into its stderr, its reason and even its source
      const parent = record({ seq: 3, stderrTail: `env dump: KEY ${SECRET}\n`, reason: `saw ${SECRET}`, source: TOY_SOURCE.replace('// Toy program', `// ${SECRET}`) });
      const p1 = await m.propose(ctx(17, { parent }));
      const p2 = await m.propose(ctx(18, { parent }));
      await assert.rejects(m.propose(ctx(19)), (e: unknown) => e instanceof LlmEndpointError && e.kind === 'auth' && !e.message.includes(SECRET));
      for (const r of srv.chatRequests()) assert.ok(!r.rawBody.includes(SECRET), 'request body carries no key');
      assert.equal(srv.chatRequests()[0].headers.authorization, `Bearer ${SECRET}`, 'the key is sent only as the bearer token');
      for (const p of [p1, p2]) assert.ok(!JSON.stringify(p).includes(SECRET), 'proposal data carries no key');
      assert.ok(!JSON.stringify(m.state()).includes(SECRET));
      assert.match(String((p2.data!.llm as { response: string }).response), /\[redacted\]/);
    });
  } finally {
    delete process.env.EVOLAB_TEST_LLM_KEY;
  }
});

test('the call cap raises BudgetExhausted before the call that would exceed it', async () => {
  await withServer([{ content: GOOD_DIFF }], async (srv) => {
    const m = createLlmMutator(cfg(srv.url, { maxLlmCalls: 2 }));
    await m.propose(ctx(20));
    await m.propose(ctx(21));
    await assert.rejects(m.propose(ctx(22)), (e: unknown) => e instanceof BudgetExhausted && e.kind === 'calls' && e.limit === 2 && e.used === 2);
    assert.equal(srv.chatRequests().length, 2);
    assert.match(m.progress(), /^llm 2\/2 calls/);
  });
});

test('the cost cap raises BudgetExhausted once the priced usage reaches it', async () => {
  // each call: 1000 prompt tokens at $4/M + 1000 completion tokens at $6/M = $0.01
  await withServer([{ content: GOOD_DIFF, usage: { prompt_tokens: 1000, completion_tokens: 1000 } }], async (srv) => {
    const m = createLlmMutator(cfg(srv.url, { maxCostUsd: 0.025, prices: { 'test-model': { inputPerMTok: 4, outputPerMTok: 6 } } }));
    const costs: number[] = [];
    for (let i = 0; i < 3; i++) costs.push(((await m.propose(ctx(30 + i))).data!.llm as { costUsd: number }).costUsd);
    for (const c of costs) assert.ok(Math.abs(c - 0.01) < 1e-12, `cost ${c}`);
    await assert.rejects(m.propose(ctx(33)), (e: unknown) => e instanceof BudgetExhausted && e.kind === 'cost' && Math.abs(e.used - 0.03) < 1e-12);
    assert.equal(srv.chatRequests().length, 3);
    assert.ok(Math.abs(m.ledger.state().costUsd - 0.03) < 1e-12);
  });
});

test('empty and refused answers are counted, not fatal', async () => {
  await withServer([{ content: '' }, { content: '', refusal: 'I cannot help with that.' }, { content: "I'm sorry, but I can't do that." }, { content: GOOD_DIFF }], async (srv) => {
    const m = createLlmMutator(cfg(srv.url));
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) outcomes.push(String(((await m.propose(ctx(40 + i))).data!.llm as { outcome: string }).outcome));
    assert.deepEqual(outcomes, ['empty', 'refused', 'refused', 'ok']);
    assert.equal(m.ledger.state().calls, 4);
  });
});

test('a full rewrite is asked for when the blocks are short and accepted as block replacements', async () => {
  const answer = 'Set x to 8.\n```javascript\n  const x = 8;\n  const y = x * 2;\n```\n';
  await withServer([{ content: answer }], async (srv) => {
    const m = createLlmMutator(cfg(srv.url, { diffMode: 'auto', fullRewriteMaxChars: 1000 }));
    const p = await m.propose(ctx(50));
    assert.match(srv.chatRequests()[0].messages[1].content, /complete new contents of the EVOLVE block/);
    assert.deepEqual(p.blocks, ['  const x = 8;\n  const y = x * 2;\n']);
    const r = applyRewrite(TOY_SOURCE, p.blocks!);
    assert.ok(r.ok);
    assert.equal(toyProblem.verify(await runProgramInProcess(r.source), null).metrics.score, 8);
  });
});

test('a dead endpoint stops proposals with an endpoint error after the retries', async () => {
  const srv = await startScriptedLlmServer([{ content: GOOD_DIFF }]);
  await srv.close();
  const m = createLlmMutator(cfg(srv.url, { maxRetries: 1 }));
  await assert.rejects(m.propose(ctx(60)), (e: unknown) => e instanceof LlmEndpointError && e.kind === 'unreachable' && e.attempts === 2);
});

test('preflight names a model the endpoint does not serve', async () => {
  await withServer([{ content: GOOD_DIFF }], async (srv) => {
    srv.models = ['qwen2.5-coder:7b', 'llama3.1:8b'];
    const m = createLlmMutator(cfg(srv.url, { models: 'qwen2.5-coder:7b,missing-model' }));
    await assert.rejects(m.preflight(), /'missing-model' not served by .* it serves: qwen2\.5-coder:7b, llama3\.1:8b/);
    srv.models = ['qwen2.5-coder:7b', 'missing-model'];
    await m.preflight();
  });
});

test('each proposal draws exactly one number from the run stream; same seed, same prompt', async () => {
  await withServer([{ content: GOOD_DIFF }], async (srv) => {
    const m = createLlmMutator(cfg(srv.url, { models: ['a', 'b', 'c'] }));
    const c1 = ctx(70);
    await m.propose(c1);
    const probe = createRng('t70');
    probe.u32();
    assert.deepEqual(c1.rng.state(), probe.state());
    await m.propose(ctx(70));
    const [a, b] = srv.chatRequests();
    assert.equal(a.rawBody, b.rawBody);
  });
});

test('a refused request (HTTP 400) is a failed proposal; too many in a row stop the run', async () => {
  await withServer([{ status: 400, content: 'context length exceeded' }], async (srv) => {
    const m = createLlmMutator(cfg(srv.url, { maxConsecutiveFailures: 2 }));
    const p = await m.propose(ctx(80));
    assert.equal((p.data!.llm as { outcome: string }).outcome, 'request-error');
    assert.match(p.error!, /HTTP 400: context length exceeded/);
    await assert.rejects(m.propose(ctx(81)), (e: unknown) => e instanceof LlmRequestError && /2 LLM requests in a row were refused/.test(e.message));
    assert.equal(srv.chatRequests().length, 2, '400 is not retried');
  });
});
