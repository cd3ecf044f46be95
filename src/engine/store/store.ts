// Where a run lives. The engine talks only to this interface, so another backend (e.g. a shared
// PostgreSQL store) can be added without touching the engine.
import type { RngState } from '../../core/rng.js';
import type { CandidateRecord } from '../candidate.js';
import type { ProblemOrigin } from '../problem.js';

export interface RunMeta {
  problemId: string;
  seed: string;
  /** The validated run configuration (JSON data). */
  config: Record<string, unknown>;
  createdAt: string;
  /** Version of the store layout. */
  schema: number;
  /** Where a problem that is not built in came from (absent for built-in problems). */
  origin?: ProblemOrigin;
}

/** State needed to continue exactly after the candidate it is stored with. */
export interface Checkpoint {
  rng: RngState;
}

export interface RunStore {
  readonly location: string;
  /** Writes the run's metadata; fails if the store already holds a run. */
  create(meta: RunMeta): void;
  meta(): RunMeta | null;
  /** Updates the stored configuration (e.g. a resumed run's new iteration target). */
  updateConfig(config: Record<string, unknown>): void;
  /** Commits one candidate and the checkpoint after it, atomically. */
  put(rec: CandidateRecord, checkpoint: Checkpoint): void;
  /** All candidates in sequence order. */
  all(): CandidateRecord[];
  get(seq: number): CandidateRecord | null;
  count(): number;
  /** Checkpoint stored with the highest sequence number, with that number. */
  lastCheckpoint(): { seq: number; checkpoint: Checkpoint } | null;
  close(): void;
}
