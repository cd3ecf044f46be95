// What the engine records about every candidate program it tried.

export type CandidateStatus =
  | 'valid' // ran, verified, eligible for the database
  | 'invalid' // ran, but the verifier rejected the output or a cascade threshold stopped it
  | 'crashed' // the sandbox reported an error, timeout, memory or output overflow
  | 'diff-failed' // the proposed change could not be applied
  | 'cache-hit'; // identical to an earlier candidate; its result was reused

export interface StageResult {
  stage: string;
  valid: boolean;
  reason?: string;
  metrics: Record<string, number>;
  ms: number;
}

export interface CandidateRecord {
  /** Position in the run's history (0 = the initial program). */
  seq: number;
  /** sha256 of the program source. */
  hash: string;
  source: string;
  parentSeq: number | null;
  island: number;
  generation: number;
  status: CandidateStatus;
  /** The change that produced it (SEARCH/REPLACE text, a rewrite, or a mutator's description). */
  diff: string;
  mutator: string;
  metrics: Record<string, number>;
  features: Record<string, number>;
  /** Primary metric oriented so that larger is better (NaN when not valid). */
  fitness: number;
  reason: string | null;
  stderrTail: string;
  stages: StageResult[];
  /** Wall-clock split: mutation, sandbox, verification (ms). */
  timings: { mutateMs: number; runMs: number; verifyMs: number };
  /** Output data of the last stage that ran (kept so the verdict can be re-checked from data alone). */
  output: unknown;
  /** Extra data a mutator wants stored with the candidate (prompts, responses, token usage, step sizes). */
  mutatorData: Record<string, unknown> | null;
  createdAt: string;
}
