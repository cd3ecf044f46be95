// Reflection positivity of a 2-point function: with θ the reflection τ → −τ of the first coordinate and
// points xᵢ at τᵢ > 0, the matrix Mᵢⱼ = G(θxᵢ, xⱼ) must be positive semi-definite.
import { symmetricEigen } from '../../core/eigen.js';
import { kernelCauchy, kernelCosGauss } from './kernels.js';
import { canonicalSigmaA2, freeScalarContinuum, freeScalarG2 } from './radial.js';
import { norm2, sub, type Points } from './points.js';

export type TwoPoint = (x: number[], y: number[]) => number;

export const reflect = (x: number[]): number[] => [-x[0], ...x.slice(1)];

export function rpMatrix(g: TwoPoint, pts: Points): number[][] {
  pts.forEach((p, i) => { if (!(p[0] > 0)) throw new RangeError(`points[${i}]: the time coordinate τ (first coordinate) must be > 0`); });
  const M = pts.map((x) => pts.map((y) => g(reflect(x), y)));
  // G(θx, y) = G(θy, x) for reflection- and translation-invariant G; symmetrise away rounding only.
  return M.map((row, i) => row.map((v, j) => 0.5 * (v + M[j][i])));
}

export interface RpResult {
  kernel: string;
  points: number;
  minEigenvalue: number;
  maxEigenvalue: number;
  /** λ_min/λ_max: RP within rounding when ≥ −tolerance. */
  relative: number;
  tolerance: number;
  positive: boolean;
}

export function rpTest(name: string, g: TwoPoint, pts: Points, tolerance = 1e-9): RpResult {
  const M = rpMatrix(g, pts);
  const { values } = symmetricEigen(M);
  const lo = values[0], hi = values[values.length - 1];
  const relative = lo / Math.max(Math.abs(hi), 1e-300);
  return { kernel: name, points: pts.length, minEigenvalue: lo, maxEigenvalue: hi, relative, tolerance, positive: relative >= -tolerance };
}

/** Points with τ on (0, τmax] and, for d = 2, spatial coordinate on [−smax, smax]: an nτ × ns grid. */
export function rpGrid(d: 1 | 2, ntau: number, tauMax: number, ns = 1, sMax = 0): Points {
  const pts: Points = [];
  for (let i = 1; i <= ntau; i++) {
    const tau = (tauMax * i) / ntau;
    if (d === 1) pts.push([tau]);
    else for (let j = 0; j < ns; j++) pts.push([tau, ns === 1 ? 0 : -sMax + (2 * sMax * j) / (ns - 1)]);
  }
  return pts;
}

export type RpKernel = 'gaussian' | 'cauchy' | 'free' | 'free-continuum';
export const RP_KERNELS: readonly RpKernel[] = ['gaussian', 'cauchy', 'free', 'free-continuum'];

/** The named 2-point functions of the notes' RP table (σ_a = σ_b = m = 1; free scalar canonically normalised). */
export function namedKernel(kernel: RpKernel, d: number, o: { mass?: number; cutoff?: number; sigmaB?: number } = {}): TwoPoint {
  const m = o.mass ?? 1;
  switch (kernel) {
    case 'gaussian': return (x, y) => kernelCosGauss(Math.SQRT2, o.sigmaB ?? 1, x, y);
    case 'cauchy':
      if (d !== 1) throw new RangeError(`the Cauchy kernel is the d = 1 example, got d = ${d}`);
      return (x, y) => kernelCauchy(Math.SQRT2, m, x, y);
    case 'free': {
      const L = o.cutoff ?? 10;
      const sa = Math.sqrt(canonicalSigmaA2(d, L));
      const cache = new Map<string, number>();
      return (x, y) => {
        const r = Math.sqrt(norm2(sub(x, y)));
        const key = r.toPrecision(12);
        let v = cache.get(key);
        if (v === undefined) { v = freeScalarG2(d, m, L, sa, r); cache.set(key, v); }
        return v;
      };
    }
    case 'free-continuum': return (x, y) => freeScalarContinuum(d, m, Math.sqrt(norm2(sub(x, y))));
  }
}
