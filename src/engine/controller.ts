// The evolution loop: database → mutator → sandbox → verifier → store → database.
// Every candidate is committed with the RNG state right after it was prepared, so a run killed at
// any moment resumes from the store, and with one worker the history is identical to an
// uninterrupted run with the same seed.
import { createHash } from 'node:crypto';
import { createRng, type Rng } from '../core/rng.js';
import { markerLanguage, parseProgram } from './blocks.js';
import type { CandidateRecord } from './candidate.js';
import type { RunConfig } from './config.js';
import { addCandidate, best, createDatabase, inspirations, islandFor, selectParent, type Database } from './database.js';
import { applyDiff, applyRewrite, describeChange } from './diff.js';
import { evaluateProgram, type Evaluation } from './evaluator.js';
import { normaliseCode } from './js-tokens.js';
import { StopRun, type Mutator, type Proposal } from './mutator.js';
import type { Problem } from './problem.js';
import type { RunStore } from './store/store.js';


/** Python text with trailing spaces and blank lines dropped (indentation is meaning, so it stays). */
function normalisePython(src: string): string {
  return src.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '').join('\n');
}

export interface Progress {
  seq: number;
  target: number;
  best: number | null;
  evaluations: number;
  valid: number;
  cacheHits: number;
  failedDiffs: number;
  evalsPerSecond: number;
  elapsedSeconds: number;
}

export interface RunSummary {
  problem: string;
  best: { score: number; hash: string; seq: number; metrics: Record<string, number> } | null;
  candidates: number;
  evaluations: number;
  valid: number;
  cacheHits: number;
  failedDiffs: number;
  stoppedBy: 'iterations' | 'time' | 'plateau' | 'interrupt' | 'mutator';
  message: string | null;
}

export interface EvolveOptions {
  problem: Problem;
  store: RunStore;
  config: RunConfig;
  mutator: Mutator;
  /** Graceful stop: no new candidates; in-flight ones finish and are stored. */
  stop?: AbortSignal;
  /** Hard stop: in-flight candidates are abandoned (nothing half-done is stored). */
  abort?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Behaviour-cache key: the problem plus its blocks with comments and layout removed. */
export function cacheKey(problemId: string, source: string): string {
  const normalise = markerLanguage(source) === 'python' ? normalisePython : normaliseCode;
  return sha256(problemId + '\u0000' + parseProgram(source).blocks.map(normalise).join('\u0000'));
}

function baseRecord(seq: number, source: string, parent: CandidateRecord | null, island: number): CandidateRecord {
  return {
    seq,
    hash: sha256(source),
    source,
    parentSeq: parent ? parent.seq : null,
    island,
    generation: parent ? parent.generation + 1 : 0,
    status: 'crashed',
    diff: '',
    mutator: '',
    metrics: {},
    features: {},
    fitness: NaN,
    reason: null,
    stderrTail: '',
    stages: [],
    timings: { mutateMs: 0, runMs: 0, verifyMs: 0 },
    output: null,
    mutatorData: null,
    createdAt: new Date().toISOString(),
  };
}

function withEvaluation(rec: CandidateRecord, ev: Evaluation): CandidateRecord {
  return {
    ...rec,
    status: ev.status,
    metrics: ev.metrics,
    features: ev.features,
    fitness: ev.fitness,
    reason: ev.reason,
    stderrTail: ev.stderrTail,
    stages: ev.stages,
    output: ev.output,
    timings: { ...rec.timings, runMs: ev.runMs, verifyMs: ev.verifyMs },
  };
}

interface Prepared {
  rec: CandidateRecord;
  /** Set when the change could not be applied or repeats a known program. */
  done: boolean;
  rng: ReturnType<Rng['state']>;
}

export async function evolve(opts: EvolveOptions): Promise<RunSummary> {
  const { problem, store, config, mutator } = opts;
  const history = store.all();
  const db: Database = createDatabase(config.database, problem.descriptors, (history[0]?.source ?? problem.initialProgram).length);
  const cache = new Map<string, number>();
  const counts = { evaluations: 0, valid: 0, cacheHits: 0, failedDiffs: 0 };
  const bySeq = new Map<number, CandidateRecord>();

  const record = (rec: CandidateRecord) => {
    bySeq.set(rec.seq, rec);
    addCandidate(db, rec);
    if (rec.status === 'cache-hit') counts.cacheHits++;
    else if (rec.status === 'diff-failed') counts.failedDiffs++;
    else {
      counts.evaluations++;
      if (rec.status === 'valid') counts.valid++;
      const key = cacheKey(problem.id, rec.source);
      if (!cache.has(key)) cache.set(key, rec.seq);
    }
    const parent = rec.parentSeq === null ? null : bySeq.get(rec.parentSeq);
    if (parent && mutator.observe) mutator.observe(rec, parent);
  };

  // Rebuild the database, cache and mutator statistics from the stored history.
  for (const rec of history) record(rec);

  let rng: Rng;
  const last = store.lastCheckpoint();
  if (history.length === 0) {
    rng = createRng(config.seed);
    const rec0 = baseRecord(0, problem.initialProgram, null, 0);
    const ev = await evaluateProgram(problem, problem.initialProgram, config.limits, opts.abort);
    const initial = { ...withEvaluation(rec0, ev), mutator: 'initial' };
    if (initial.status !== 'valid') throw new Error(`the initial program of ${problem.id} is not valid: ${initial.reason}`);
    store.put(initial, { rng: rng.state() });
    record(initial);
  } else {
    rng = createRng(last!.checkpoint.rng);
  }

  let nextSeq = (last?.seq ?? 0) + 1;
  const target = config.iterations;
  const started = performance.now();
  const sessionStart = counts.evaluations;
  let stoppedBy: RunSummary['stoppedBy'] = 'iterations';
  let message: string | null = null;
  // The last candidate that set a new best, from the history, so a resumed run's plateau count
  // continues where the interrupted one left off.
  let lastImprovement = 0;
  let bestFitness = -Infinity;
  for (const rec of bySeq.values()) {
    if (rec.status === 'valid' && rec.fitness > bestFitness) {
      bestFitness = rec.fitness;
      lastImprovement = rec.seq;
    }
  }

  const progress = () =>
    opts.onProgress?.({
      seq: nextSeq - 1,
      target,
      best: best(db) ? best(db)!.metrics[problem.primaryMetric] : null,
      ...counts,
      evalsPerSecond: (counts.evaluations - sessionStart) / Math.max(1e-9, (performance.now() - started) / 1000),
      elapsedSeconds: (performance.now() - started) / 1000,
    });

  const prepare = async (seq: number): Promise<Prepared> => {
    const island = islandFor(db, seq);
    const fixed = mutator.parentFor?.(seq);
    const parentSeq = fixed !== undefined && db.programs.has(fixed) ? fixed : selectParent(db, island, rng).seq;
    const parent = db.programs.get(parentSeq)!;
    const t0 = performance.now();
    const ancestors: CandidateRecord[] = [];
    for (let p = parent.parentSeq; p !== null && ancestors.length < 5; p = bySeq.get(p)?.parentSeq ?? null) {
      const a = bySeq.get(p);
      if (a) ancestors.push(a);
    }
    const proposal: Proposal = await mutator.propose({
      problem,
      parent,
      inspirations: inspirations(db, island, parentSeq, rng),
      ancestors,
      rng,
      seq,
      signal: opts.abort,
    });
    const mutateMs = performance.now() - t0;
    const applied = proposal.error
      ? { ok: false as const, error: proposal.error }
      : proposal.diff !== undefined
        ? applyDiff(parent.source, proposal.diff)
        : proposal.blocks !== undefined
          ? applyRewrite(parent.source, proposal.blocks)
          : { ok: false as const, error: 'the mutator proposed no change' };
    const source = applied.ok ? applied.source : parent.source;
    const rec: CandidateRecord = {
      ...baseRecord(seq, source, parent, island),
      mutator: mutator.name,
      diff: proposal.diff ?? (applied.ok ? describeChange(parent.source, source) : ''),
      mutatorData: { ...(proposal.data ?? {}), ...(proposal.summary ? { summary: proposal.summary } : {}) },
      timings: { mutateMs, runMs: 0, verifyMs: 0 },
    };
    if (!applied.ok) return { rec: { ...rec, status: 'diff-failed', reason: applied.error }, done: true, rng: rng.state() };
    const hit = cache.get(cacheKey(problem.id, source));
    if (hit !== undefined) {
      const orig = bySeq.get(hit)!;
      const copy = { ...rec, status: 'cache-hit' as const, metrics: orig.metrics, features: orig.features, fitness: orig.fitness, reason: `same program as #${hit}` };
      return { rec: copy, done: true, rng: rng.state() };
    }
    return { rec, done: false, rng: rng.state() };
  };

  const finish = (p: Prepared, rec: CandidateRecord) => {
    store.put(rec, { rng: p.rng });
    record(rec);
    if (rec.status === 'valid' && rec.fitness > bestFitness) {
      bestFitness = rec.fitness;
      lastImprovement = rec.seq;
    }
    progress();
  };

  let stopped = false;
  let failure: unknown = null;
  /** Decides once why the run stops; later checks by other workers keep the first reason. */
  const shouldStop = (): boolean => {
    if (stopped) return true;
    const reason: RunSummary['stoppedBy'] | null =
      opts.stop?.aborted || opts.abort?.aborted ? 'interrupt'
        : nextSeq > target ? 'iterations'
          : config.timeSeconds !== null && (performance.now() - started) / 1000 >= config.timeSeconds ? 'time'
            : config.plateau > 0 && nextSeq - lastImprovement > config.plateau ? 'plateau'
              : null;
    if (reason === null) return false;
    stoppedBy = reason;
    stopped = true;
    return true;
  };

  const slot = async (): Promise<void> => {
    while (!shouldStop()) {
      const seq = nextSeq++;
      let prepared: Prepared;
      try {
        prepared = await prepare(seq);
      } catch (e) {
        if (!(e instanceof StopRun)) throw e;
        if (!stopped) stoppedBy = opts.stop?.aborted || opts.abort?.aborted ? 'interrupt' : 'mutator';
        stopped = true;
        message = e.message;
        return;
      }
      if (prepared.done) {
        finish(prepared, prepared.rec);
        continue;
      }
      const ev = await evaluateProgram(problem, prepared.rec.source, config.limits, opts.abort);
      if (opts.abort?.aborted) return; // abandoned: nothing half-done is stored
      finish(prepared, withEvaluation(prepared.rec, ev));
    }
  };

  // A worker that fails stops the others before the error is passed on, so nothing is written
  // to the store after evolve() has returned.
  const guarded = async (): Promise<void> => {
    try {
      await slot();
    } catch (e) {
      if (failure === null) failure = e;
      stopped = true;
    }
  };
  progress();
  await Promise.all(Array.from({ length: Math.max(1, config.workers) }, guarded));
  if (failure !== null) throw failure;
  if (opts.abort?.aborted) stoppedBy = 'interrupt';
  const b = best(db);
  return {
    problem: problem.id,
    best: b ? { score: b.metrics[problem.primaryMetric], hash: b.hash, seq: b.seq, metrics: b.metrics } : null,
    candidates: bySeq.size,
    ...counts,
    stoppedBy,
    message,
  };
}
