// Max/min distance ratio (App. B.8): n points in R^d; the score is (max distance / min distance)²,
// lower is better. Distances are Euclidean norms of coordinate differences, as in scipy's pdist.
import { normalizeScale, offsetProblem, rows, record } from './parse.js';
import { guarded, invalid, valid, type MathVerifier, type VerifyResult } from './types.js';

export function pairwiseDistances(points: number[][]): number[] {
  const out: number[] = [];
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) {
      let s = 0;
      for (let k = 0; k < points[i].length; k++) {
        const d = points[i][k] - points[j][k];
        s += d * d;
      }
      out.push(Math.sqrt(s));
    }
  return out;
}

export function verifyDistanceRatio(construction: unknown, n: number, dim: number): VerifyResult {
  return guarded(() => {
    const c = record(construction);
    // Exact power-of-two rescaling: the ratio is scale-invariant, tiny coordinates must not underflow.
    const raw = rows(c.points, 'points', dim, { length: n });
    const far = offsetProblem(raw, 'points');
    if (far) return invalid(far);
    const flat = normalizeScale(raw.flat());
    const pts = raw.map((_, i) => flat.slice(i * dim, (i + 1) * dim));
    const d = pairwiseDistances(pts);
    let lo = Infinity;
    let hi = 0;
    for (const x of d) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    if (!(lo > 0)) return invalid('points: two points coincide (minimum distance 0)');
    const value = (hi / lo) ** 2;
    // How many pairs are (nearly) at the minimum / maximum distance: rigidity of the configuration.
    const nearMin = d.filter((x) => x <= lo * 1.01).length / d.length;
    const nearMax = d.filter((x) => x >= hi * 0.99).length / d.length;
    return valid(value, { nearMinPairs: nearMin, nearMaxPairs: nearMax });
  });
}

const note = 'no constraints beyond distinct finite points; plain double distances';

export const distanceRatioVerifiers: MathVerifier[] = [
  { id: 'min_max_distance_ratio_16_2d', direction: 'min', tolerance: 0, toleranceNote: note, verify: (c) => verifyDistanceRatio(c, 16, 2) },
  { id: 'min_max_distance_ratio_14_3d', direction: 'min', tolerance: 0, toleranceNote: note, verify: (c) => verifyDistanceRatio(c, 14, 3) },
];
