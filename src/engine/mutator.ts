// The mutator interface: given a parent and inspirations, propose a change to the EVOLVE-BLOCK regions.
import type { Rng } from '../core/rng.js';
import type { Problem } from './problem.js';
import type { CandidateRecord } from './candidate.js';

export interface MutationContext {
  problem: Problem;
  parent: CandidateRecord;
  /** Top and diverse programs from the database, best first. */
  inspirations: CandidateRecord[];
  /** The parent's ancestors, nearest first (for trajectories in prompts). */
  ancestors: CandidateRecord[];
  /** The run's random stream: mutators must draw all randomness from it (reproducibility). */
  rng: Rng;
  /** Sequence number the child will get. */
  seq: number;
  /** Abort signal: set when the run is stopping; long mutators should give up. */
  signal?: AbortSignal;
}

/**
 * A proposal changes only the EVOLVE-BLOCK regions, either as SEARCH/REPLACE diff text or as full
 * replacements of each block (in order). The engine applies it and refuses edits outside the blocks.
 */
export interface Proposal {
  diff?: string;
  blocks?: string[];
  /** Short human-readable description of the change. */
  summary?: string;
  /** Stored with the candidate (e.g. prompt, response, model, usage, step size). Must be JSON data. */
  data?: Record<string, unknown>;
  /** Set when no usable change came back (malformed answer, refusal): recorded as a failed diff. */
  error?: string;
}

export interface Mutator {
  readonly name: string;
  propose(ctx: MutationContext): Promise<Proposal>;
  /** A fixed parent for candidate `seq` (replayed histories); undefined lets the database choose. */
  parentFor?(seq: number): number | undefined;
  /** Called after the child is scored, so adaptive mutators can learn (bandits, step sizes). */
  observe?(child: CandidateRecord, parent: CandidateRecord): void;
}

/** Thrown by a mutator to end the run gracefully (budget spent, replay exhausted, endpoint dead). */
export class StopRun extends Error {}
