// The common shape of a one-hidden-layer U-AND construction as seen by the error measurement.

export interface UandModel {
  /** Number of input features. */
  m: number;
  /** Number of hidden ReLU neurons. */
  d: number;
  /** Parameters that identify the construction (printed in reports and CLI output). */
  params: Record<string, number | string | boolean>;
  /** Hidden activation for the s-sparse input with these active features (sorted). */
  activate(actives: Int32Array): Float64Array;
  /** Read-off r_{k,l}·a of the AND of features k ≠ l. */
  read(a: Float64Array, k: number, l: number): number;
  /** Optional fast path: read-offs of (k, l) for every l into out (length m); out[k] is unspecified. */
  readRow?(a: Float64Array, k: number, out: Float64Array): void;
  /** Optional: pairs of inactive features most likely to have a large error for this activation. */
  riskPairs?(a: Float64Array, actives: Int32Array, max: number, pick: (n: number) => number): Array<[number, number]>;
  /** Number of reads that hit an empty read-off support (construction-specific; 0 if not applicable). */
  emptyReads: number;
}
