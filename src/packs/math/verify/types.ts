// Shared shapes for the math verifiers: each scores a construction object (the `construction`
// field of a published data file, or a program's output) from its data alone.

export type Direction = 'max' | 'min';

export interface VerifyResult {
  valid: boolean;
  /** The score recomputed from the data; null when the construction is rejected. */
  value: number | null;
  /** Why the construction was rejected (set when `valid` is false). */
  reason?: string;
  /** Cheap behaviour descriptors computed alongside the score (for MAP-Elites). */
  features?: Record<string, number>;
}

export interface MathVerifier {
  /** The `problem` field of the published data file, e.g. `heilbronn_triangle_11`. */
  id: string;
  aliases?: string[];
  direction: Direction;
  /**
   * Slack allowed in the constraint checks (0: the checks are the reference's exact comparisons).
   * Scores themselves are plain double computations in the reference's order of operations.
   */
  tolerance: number;
  /** One sentence on how constraints are compared (exact integers, plain doubles, …). */
  toleranceNote: string;
  verify(construction: unknown): VerifyResult;
}

export function invalid(reason: string): VerifyResult {
  return { valid: false, value: null, reason };
}

/** An accepted construction; a non-finite score (overflow, 0/0) is rejected instead. */
export function valid(value: number, features?: Record<string, number>): VerifyResult {
  if (!Number.isFinite(value)) return invalid(`the score evaluates to ${value}`);
  return features ? { valid: true, value, features } : { valid: true, value };
}

/** Thrown by the input checks in parse.ts; verifiers turn it into an `invalid` result. */
export class ShapeError extends Error {}

/** Runs a verifier body, turning ShapeError into a rejection with its message. */
export function guarded(body: () => VerifyResult): VerifyResult {
  try {
    return body();
  } catch (e) {
    if (e instanceof ShapeError) return invalid(e.message);
    throw e;
  }
}
