// evolab as a library: load or define a problem, evolve it, open a stored run.
//
//   import { evolve, loadProblem, defineProblem, openRun } from 'evolab';
//
// The `evolab` command is built on these same functions. See docs/api.md.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultConfig, mergeConfig, storedConfig, type RunConfig } from './engine/config.js';
import { evolve as evolveLoop, type Progress, type RunSummary } from './engine/controller.js';
import { evaluateProgram, type Evaluation } from './engine/evaluator.js';
import { loadProblemFolder, looksLikeFolder } from './engine/folder/load.js';
import { createMutator } from './engine/mutators/create.js';
import type { Mutator } from './engine/mutator.js';
import type { Problem } from './engine/problem.js';
import { closeSandboxes, refusal } from './engine/sandbox/sandbox.js';
import { openSqliteStore, SCHEMA_VERSION } from './engine/store/sqlite-store.js';
import type { RunMeta } from './engine/store/store.js';
import type { CandidateRecord } from './engine/candidate.js';
import { findProblem } from './packs/registry.js';

export type { CandidateRecord } from './engine/candidate.js';
export type { RunConfig } from './engine/config.js';
export type { Progress, RunSummary } from './engine/controller.js';
export type { Evaluation } from './engine/evaluator.js';
export type { Mutator, MutationContext, Proposal } from './engine/mutator.js';
export type { CascadeStage, DescriptorSpec, Direction, MetricSpec, Problem, Verdict } from './engine/problem.js';
export type { Language, SandboxLimits, SandboxResult } from './engine/sandbox/sandbox.js';
export { reject } from './engine/problem.js';
export { runInSandbox, closeSandboxes } from './engine/sandbox/sandbox.js';
export { evaluateProgram } from './engine/evaluator.js';
export { parseProgram } from './engine/blocks.js';

/** A built-in problem by id or alias, or a problem folder by path (evolab.yaml or OpenEvolve's layout). */
export function loadProblem(idOrPath: string): Problem {
  if (looksLikeFolder(idOrPath)) return loadProblemFolder(idOrPath).problem;
  const p = findProblem(idOrPath);
  if (!p) throw new Error(`unknown problem ${JSON.stringify(idOrPath)} (a built-in id, or a problem folder's path)`);
  return p;
}

/** A problem written in code: `pack`, `title`, `description` and `descriptors` may be left out. */
export type ProblemDefinition = Omit<Problem, 'pack' | 'title' | 'description' | 'descriptors'> & Partial<Pick<Problem, 'pack' | 'title' | 'description' | 'descriptors'>>;

/** Checks a problem written in code and returns it; errors name the field. */
export function defineProblem(problem: ProblemDefinition): Problem {
  const fail = (field: string, expected: string) => {
    throw new TypeError(`defineProblem: ${field}: expected ${expected}`);
  };
  if (typeof problem.id !== 'string' || !/^[A-Za-z0-9][\w-]{0,63}$/.test(problem.id)) fail('id', 'letters, digits, _ and - (at most 64)');
  if (typeof problem.initialProgram !== 'string' || !/EVOLVE-BLOCK-START/.test(problem.initialProgram)) fail('initialProgram', 'program text with EVOLVE-BLOCK-START/END marker lines');
  if (!Array.isArray(problem.metrics) || problem.metrics.length === 0) fail('metrics', 'a non-empty list of {name, direction, description}');
  for (const [i, m] of problem.metrics.entries()) if (m.direction !== 'max' && m.direction !== 'min') fail(`metrics[${i}].direction`, '"max" or "min"');
  if (!problem.metrics.some((m) => m.name === problem.primaryMetric)) fail('primaryMetric', 'the name of one of the metrics');
  if (typeof problem.verify !== 'function' && typeof problem.verifyAsync !== 'function') fail('verify', 'a function (output, stage) => Verdict');
  if (problem.language !== undefined && problem.language !== 'javascript' && problem.language !== 'python') fail('language', '"javascript" or "python"');
  return { pack: 'user', title: problem.id, description: '', descriptors: [], ...problem };
}

export interface EvolveOptions {
  /** A Problem, a built-in id, or a problem folder's path. */
  problem: Problem | string;
  /** The run directory (created; must not hold a run). */
  out: string;
  /** Settings as in a config file (iterations, workers, seed, database, limits, llm, …), or a RunConfig already validated. */
  config?: Record<string, unknown> | RunConfig;
  /** A mutator of your own; by default the one `config.mutator` names (offline). */
  mutator?: Mutator;
  onProgress?: (p: Progress) => void;
  /** Aborting stops after the candidates in flight; the run can be resumed. */
  signal?: AbortSignal;
  /** Aborting abandons the candidates in flight (nothing half-done is stored). */
  abort?: AbortSignal;
}

/** A configuration object as given: settings to validate, or a RunConfig (it carries `extra`). */
function runConfigOf(config: Record<string, unknown> | RunConfig | undefined): RunConfig {
  if (config && Object.hasOwn(config, 'extra') && Object.hasOwn(config, 'database')) return config as RunConfig;
  return mergeConfig(defaultConfig(1), (config ?? {}) as Record<string, unknown>);
}

export interface EvolveResult extends RunSummary {
  runDir: string;
}

/** Runs an evolution into `out` and returns its summary (the CLI's `evolab run`). */
export async function evolve(opts: EvolveOptions): Promise<EvolveResult> {
  const problem = typeof opts.problem === 'string' ? loadProblem(opts.problem) : opts.problem;
  const refused = refusal();
  if (refused) throw new Error(refused);
  const config = runConfigOf(opts.config);
  const runDir = resolve(opts.out);
  if (existsSync(join(runDir, 'run.db'))) throw new Error(`${runDir} already holds a run (use openRun(...).resume())`);
  const mutator = opts.mutator ?? (await createMutator(config));
  mkdirSync(runDir, { recursive: true });
  const store = openSqliteStore(join(runDir, 'run.db'));
  store.create({ problemId: problem.id, seed: config.seed, config: config as unknown as Record<string, unknown>, createdAt: new Date().toISOString(), schema: SCHEMA_VERSION, ...(problem.origin ? { origin: problem.origin } : {}) });
  try {
    const summary = await evolveLoop({ problem, store, config, mutator, stop: opts.signal, abort: opts.abort, onProgress: opts.onProgress });
    return { runDir, ...summary };
  } finally {
    store.close();
  }
}

export interface OpenedRun {
  meta: RunMeta;
  candidates(): CandidateRecord[];
  /** The best valid candidate, or null. */
  best(): CandidateRecord | null;
  /**
   * Continues the run: `iterations` more candidates, or a whole new `config` (validated); a
   * problem defined in code must be passed again.
   */
  resume(opts?: { iterations?: number; config?: RunConfig; problem?: Problem; mutator?: Mutator; onProgress?: (p: Progress) => void; signal?: AbortSignal; abort?: AbortSignal }): Promise<RunSummary>;
}

/** Opens a stored run (read, or resume). */
export function openRun(runDir: string): OpenedRun {
  const file = join(resolve(runDir), 'run.db');
  if (!existsSync(file)) throw new Error(`${runDir} is not a run directory (no run.db in it)`);
  const read = <T>(f: (s: ReturnType<typeof openSqliteStore>) => T): T => {
    const store = openSqliteStore(file);
    try {
      return f(store);
    } finally {
      store.close();
    }
  };
  const meta = read((s) => s.meta());
  if (!meta) throw new Error(`${runDir}: the store holds no run`);
  return {
    meta,
    candidates: () => read((s) => s.all()),
    best: () => read((s) => s.all().filter((r) => r.status === 'valid').reduce<CandidateRecord | null>((b, r) => (b === null || r.fitness > b.fitness ? r : b), null)),
    async resume(o = {}) {
      const problem = o.problem ?? (meta.origin ? loadProblemFolder(meta.origin.path).problem : loadProblem(meta.problemId));
      if (problem.id !== meta.problemId) throw new Error(`this run is for ${meta.problemId}, not ${problem.id}`);
      const store = openSqliteStore(file);
      try {
        let config = o.config ?? storedConfig(meta.config, 1);
        if (o.iterations !== undefined) config = { ...config, iterations: (store.lastCheckpoint()?.seq ?? 0) + o.iterations };
        const mutator = o.mutator ?? (await createMutator(config));
        store.updateConfig(config as unknown as Record<string, unknown>);
        return await evolveLoop({ problem, store, config, mutator, stop: o.signal, abort: o.abort, onProgress: o.onProgress });
      } finally {
        store.close();
      }
    },
  };
}

/** Evaluates one program against a problem, as `evolab eval` does. */
export async function evaluate(problem: Problem | string, source: string): Promise<Evaluation & { score: number | null }> {
  const p = typeof problem === 'string' ? loadProblem(problem) : problem;
  const ev = await evaluateProgram(p, source);
  return { ...ev, score: ev.status === 'valid' ? ev.metrics[p.primaryMetric] : null };
}

/** Stops the pooled sandbox servers so that the process can exit at once (they also die with it). */
export function shutdown(): void {
  closeSandboxes();
}

