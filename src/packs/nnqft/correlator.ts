// Monte Carlo n-point functions (full or connected) with jackknife errors, next to the exact values.
import { validateArch, type ArchSpec } from './arch.js';
import { sampleMomentsParallel } from './parallel.js';
import type { EnsembleOptions } from './ensemble.js';
import { exactConnected, exactFull, gpPrediction, hasExact } from './exact.js';
import { connected, jackknife, type Tuple } from './moments.js';
import { validatePoints, type Points } from './points.js';

export interface CorrelatorRequest extends EnsembleOptions {
  order: 2 | 4 | 6;
  connected?: boolean;
}

export interface CorrelatorResult {
  arch: ArchSpec;
  points: Points;
  order: number;
  connected: boolean;
  networks: number;
  chunks: number;
  seed: number | string;
  estimate: number;
  stderr: number;
  /** Exact finite-N value where a closed form or quadrature exists. */
  exact?: number;
  /** (estimate − exact)/stderr. */
  z?: number;
  /** Gaussian-process (N = ∞) value of the full n-point function. */
  gp?: number;
}

/** One n-point function at exactly n points (x₁, …, x_n). */
export async function correlator(spec: ArchSpec, points: Points, req: CorrelatorRequest): Promise<CorrelatorResult> {
  validateArch(spec);
  validatePoints(points, spec.d);
  if (![2, 4, 6].includes(req.order)) throw new RangeError(`order must be 2, 4 or 6, got ${req.order}`);
  if (points.length !== req.order) throw new RangeError(`points: an order-${req.order} function needs ${req.order} points, got ${points.length}`);
  const t: Tuple = points.map((_, i) => i);
  const isConnected = req.connected ?? false;
  const cs = await sampleMomentsParallel(spec, points, [t], req);
  const est = jackknife(cs, (m) => (isConnected ? connected(t, m) : m(t)));
  const out: CorrelatorResult = {
    arch: spec, points, order: req.order, connected: isConnected, networks: req.networks, chunks: cs.counts.length,
    seed: req.seed ?? 1, estimate: est.estimate, stderr: est.stderr,
  };
  if (hasExact(spec)) {
    out.exact = isConnected ? exactConnected(spec, points, t) : exactFull(spec, points, t);
    out.z = (est.estimate - out.exact) / est.stderr;
    out.gp = gpPrediction(spec, points, t);
  }
  return out;
}
