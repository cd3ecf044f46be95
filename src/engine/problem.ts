// The one interface every pack implements to expose a problem to the engine.
import type { Language } from './sandbox/runtimes.js';
import type { SandboxLimits, SandboxResult } from './sandbox/limits.js';
// A problem's program is an ES module whose EVOLVE-BLOCK regions may change; the program's
// exported `run(input)` returns plain data, and the problem's `verify` scores that data alone.

export type Direction = 'max' | 'min';

export interface MetricSpec {
  name: string;
  direction: Direction;
  /** What the metric measures and its unit. */
  description: string;
}

/** A MAP-Elites axis read from `Verdict.features[name]`; values outside [min, max] are clamped. */
export interface DescriptorSpec {
  name: string;
  min: number;
  max: number;
  bins: number;
  description?: string;
}

/** One step of an evaluation cascade: cheap stages first, later ones only above a threshold. */
export interface CascadeStage {
  name: string;
  /** Passed to the program's `run(input)`; must be JSON data. */
  input: unknown;
  /** Candidates whose primary metric at this stage is worse than this stop here (rejected). */
  threshold?: number;
  /** Wall-clock limit for this stage; defaults to the problem's `timeoutMs`. */
  timeoutMs?: number;
}

export interface Verdict {
  valid: boolean;
  /** Why the output was rejected (required when `valid` is false). */
  reason?: string;
  /** Metric values computed by the verifier from the output data (never taken from the program). */
  metrics: Record<string, number>;
  /** Behaviour descriptors for MAP-Elites, keyed by `DescriptorSpec.name`. */
  features?: Record<string, number>;
}

export interface Problem {
  /** Stable identifier used on the command line, e.g. `circle_packing_square_26`. */
  id: string;
  /** Other names accepted on the command line. */
  aliases?: string[];
  /** The pack that provides it, e.g. `math`. */
  pack: string;
  title: string;
  /** What is optimised, in which direction and units; shown to users and to language models. */
  description: string;
  /**
   * The program: a JavaScript ES module exporting `run(input)`, or a Python module defining
   * `run(input)` or `main()`, with EVOLVE-BLOCK-START/END marker comments (`//` or `#`).
   */
  initialProgram: string;
  /** The program's language; JavaScript when absent. */
  language?: Language;
  metrics: MetricSpec[];
  /** Name of the metric that ranks programs; must be in `metrics`. */
  primaryMetric: string;
  /** Cascade stages; when absent the program runs once with input `null`. */
  stages?: CascadeStage[];
  descriptors: DescriptorSpec[];
  /** Default wall-clock limit per stage (ms). */
  timeoutMs?: number;
  /** Default memory limit for the candidate process (MiB). */
  memoryMb?: number;
  /**
   * Scores the program's output data. Must be deterministic and must not trust any value the
   * program computed about itself: recompute every metric from the data.
   * `stage` is the cascade stage that produced the output (null when there are no stages).
   */
  verify(output: unknown, stage: CascadeStage | null): Verdict;
  /**
   * An asynchronous verifier (e.g. an evaluator that runs in a jail of its own); when present the
   * engine calls it instead of `verify`.
   */
  verifyAsync?(output: unknown, stage: CascadeStage | null, signal?: AbortSignal): Promise<Verdict>;
  /**
   * Turns a candidate's source into the program the sandbox runs (e.g. an OpenEvolve evaluator
   * that imports the candidate); the candidate's source is what evolves and is stored.
   */
  wrapProgram?(source: string): string;
  /** Host folders the program may read inside the jail (read-only), e.g. its problem folder. */
  readOnly?: string[];
  /**
   * Runs a program of a language the sandbox has no runner for (a command template in the same
   * jail); `language` is then unset and `languageName` names it for prompts.
   */
  runProgram?(source: string, input: unknown, limits: SandboxLimits, signal?: AbortSignal): Promise<SandboxResult>;
  languageName?: string;
  /** Where a problem that is not built in came from, so that later commands can load it again. */
  origin?: ProblemOrigin;
}

/** A problem loaded from a folder: its path and a digest of its files when the run started. */
export interface ProblemOrigin {
  kind: 'folder';
  path: string;
  hash: string;
}

/** Shorthand for a rejected output. */
export function reject(reason: string): Verdict {
  return { valid: false, reason, metrics: {} };
}
