// Width dependence: deviation of the Monte Carlo n-point functions from the Gaussian-process prediction
// (the normalised deviation m_n of the experiments, with the chunk-spread "background"), and power-law
// fits of connected correlators against N with slope intervals.
import { powerLawFit, std, type LineFit } from '../../core/stats.js';
import type { ArchSpec } from './arch.js';
import { sampleMomentsParallel } from './parallel.js';
import type { EnsembleOptions } from './ensemble.js';
import { exactConnected, gpPrediction, hasExact } from './exact.js';
import { connected, jackknife, perChunk, sortedTuples, type Tuple } from './moments.js';
import type { Points } from './points.js';

export interface Deviation {
  order: number;
  /** Mean over sorted index tuples of |Ĝ − G_GP|/|G_GP|. */
  m: number;
  /** Mean over tuples of (std of the chunk estimates)/|G_GP|. */
  background: number;
  tuples: number;
}

/** Normalised deviation from the GP for each order, averaged over all sorted tuples of the point set. */
export async function gpDeviation(spec: ArchSpec, points: Points, orders: (2 | 4 | 6)[], opts: EnsembleOptions): Promise<Deviation[]> {
  const P = points.length;
  const maxOrder = Math.max(...orders);
  const cs = await sampleMomentsParallel(spec, points, sortedTuples(P, maxOrder), opts);
  return orders.map((n) => {
    const tuples = sortedTuples(P, n);
    let m = 0, bg = 0;
    for (const t of tuples) {
      const gp = gpPrediction(spec, points, t);
      const est = jackknife(cs, (mm) => mm(t)).estimate;
      m += Math.abs(est - gp) / Math.abs(gp);
      bg += std(perChunk(cs, (mm) => mm(t))) / Math.abs(gp);
    }
    return { order: n, m: m / tuples.length, background: bg / tuples.length, tuples: tuples.length };
  });
}

export interface WidthPoint { N: number; estimate: number; stderr: number; exact?: number }

/** Monte Carlo connected correlator of tuple t at each width. */
export async function connectedVsWidth(make: (N: number) => ArchSpec, widths: number[], points: Points, t: Tuple, opts: EnsembleOptions): Promise<WidthPoint[]> {
  const out: WidthPoint[] = [];
  for (const N of widths) {
    const spec = make(N);
    const cs = await sampleMomentsParallel(spec, points, [t], opts);
    const e = jackknife(cs, (m) => connected(t, m));
    out.push({ N, ...e, ...(hasExact(spec) ? { exact: exactConnected(spec, points, t) } : {}) });
  }
  return out;
}

/**
 * Fit |G_c| ≈ C N^k over the widths whose estimate is resolved (|estimate| > minZ·stderr, same sign as
 * the first); returns the fit or null with fewer than three resolved widths.
 */
export function fitWidthSlope(pts: WidthPoint[], minZ = 3, level = 0.95): (LineFit & { used: number[] }) | null {
  const sign = Math.sign(pts[0]?.estimate ?? 0);
  const use = pts.filter((p) => Math.abs(p.estimate) > minZ * p.stderr && Math.sign(p.estimate) === sign);
  if (use.length < 3) return null;
  return { ...powerLawFit(use.map((p) => p.N), use.map((p) => Math.abs(p.estimate)), level), used: use.map((p) => p.N) };
}

/**
 * Exact m_n at each width from the N = 1 correlators: with independent neurons G_c4 ∝ 1/N and G_c6 ∝ 1/N²,
 * so G⁽⁴⁾ − G_GP = G_c4 and G⁽⁶⁾ − G_GP = Σ₁₅ G₂G_c4 + G_c6 follow from one exact evaluation per tuple.
 */
export function exactDeviation(make: (N: number) => ArchSpec, points: Points, order: 4 | 6, widths: number[]): number[] {
  const spec = make(1);
  const terms = sortedTuples(points.length, order).map((t) => {
    const gp = Math.abs(gpPrediction(spec, points, t));
    if (order === 4) return { a: exactConnected(spec, points, t), b: 0, gp };
    let a = 0;
    for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) {
      const rest = t.filter((_, k) => k !== i && k !== j);
      a += exactConnected(spec, points, [t[i], t[j]]) * exactConnected(spec, points, rest);
    }
    return { a, b: exactConnected(spec, points, t), gp };
  });
  return widths.map((N) => terms.reduce((s, x) => s + Math.abs(x.a / N + x.b / (N * N)) / x.gp, 0) / terms.length);
}
