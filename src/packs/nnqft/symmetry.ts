// Translation and rotation invariance as paired differences: the same networks are evaluated at a point
// set and at its transformed copy, so the difference's error bar is not inflated by the correlators' own spread.
import type { ArchSpec } from './arch.js';
import { sampleMomentsParallel } from './parallel.js';
import type { EnsembleOptions } from './ensemble.js';
import { exactConnected, hasExact } from './exact.js';
import { connected, jackknife, type Tuple } from './moments.js';
import type { Points } from './points.js';

export interface PairedDifference {
  /** Monte Carlo G(transformed) − G(original). */
  estimate: number;
  stderr: number;
  /** estimate/stderr: consistent with invariance when |z| ≲ 3. */
  z: number;
  /** Exact difference where known (0 for an invariant theory). */
  predicted?: number;
  /** (estimate − predicted)/stderr. */
  zPredicted?: number;
}

/** Paired difference of the connected n-point function (n = points.length) between `points` and `moved`. */
export async function pairedDifference(spec: ArchSpec, points: Points, moved: Points, opts: EnsembleOptions): Promise<PairedDifference> {
  if (moved.length !== points.length) throw new RangeError('moved must have as many points as points');
  const n = points.length;
  const t: Tuple = points.map((_, i) => i), u: Tuple = points.map((_, i) => i + n);
  const cs = await sampleMomentsParallel(spec, [...points, ...moved], [t, u], opts);
  const e = jackknife(cs, (m) => connected(u, m) - connected(t, m));
  const out: PairedDifference = { estimate: e.estimate, stderr: e.stderr, z: e.estimate / e.stderr };
  if (hasExact(spec)) {
    out.predicted = exactConnected(spec, moved, t) - exactConnected(spec, points, t);
    out.zPredicted = (e.estimate - out.predicted) / e.stderr;
  }
  return out;
}
