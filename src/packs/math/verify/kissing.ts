// Kissing configuration (App. B.11, Lemma 1): non-zero integer vectors C ⊂ Z^d with
// min_{x≠y} |x − y|² ≥ max_x |x|² give |C| touching unit spheres. Checked exactly in BigInt.
import { integer, list, record } from './parse.js';
import { guarded, invalid, valid, type MathVerifier, type VerifyResult } from './types.js';

const MAX_VECTORS = 5000;

function exactDistance(x: bigint[], y: bigint[], nx: bigint, ny: bigint): bigint {
  let dot = 0n;
  for (let k = 0; k < x.length; k++) dot += x[k] * y[k];
  return nx + ny - 2n * dot;
}

export function verifyKissing(construction: unknown, dim: number): VerifyResult {
  return guarded(() => {
    const c = record(construction);
    const rowsIn = list(c.vectors, 'vectors', { minLength: 1, maxLength: MAX_VECTORS });
    const n = rowsIn.length;
    const vs: bigint[][] = rowsIn.map((row, i) =>
      list(row, `vectors[${i}]`, { length: dim }).map((x, k) => BigInt(integer(x, `vectors[${i}][${k}]`))),
    );
    const norms = vs.map((v) => v.reduce((s, x) => s + x * x, 0n));
    let maxNorm = 0n;
    for (let i = 0; i < n; i++) {
      if (norms[i] === 0n) return invalid(`vectors[${i}]: the zero vector is not allowed`);
      if (norms[i] > maxNorm) maxNorm = norms[i];
    }
    // Each pair is screened in doubles; only pairs whose squared distance is within the rounding
    // bound of max|z|² are decided in BigInt. The bound is generous: the double error of
    // |x|² + |y|² − 2x·y is below 12·2^-53·(|x|² + |y|² + 2Σ|x_k y_k|) ≤ 3e-15·(|x|² + |y|²).
    const xs = vs.map((v) => v.map(Number));
    const nd = norms.map(Number);
    const maxD = Number(maxNorm);
    let minDist = Infinity;
    for (let i = 0; i < n; i++) {
      const x = xs[i];
      for (let j = i + 1; j < n; j++) {
        const y = xs[j];
        let dot = 0;
        for (let k = 0; k < dim; k++) dot += x[k] * y[k];
        const d = nd[i] + nd[j] - 2 * dot;
        const err = 1e-14 * (nd[i] + nd[j]) + 1e-15 * maxD;
        if (d < minDist) minDist = d;
        if (d - err > maxD) continue;
        const exact = exactDistance(vs[i], vs[j], norms[i], norms[j]);
        if (exact < maxNorm) {
          return invalid(
            exact === 0n
              ? `vectors[${i}] and vectors[${j}] are equal`
              : `vectors[${i}] and vectors[${j}]: squared distance is below the largest squared norm`,
          );
        }
      }
    }
    let minNorm = maxNorm;
    for (const q of norms) if (q < minNorm) minNorm = q;
    // Norm spread: 0 when all vectors have the same length.
    const normRatio = Number(minNorm) / Number(maxNorm);
    const slack = n < 2 ? 1 : Math.max(0, minDist / maxD - 1);
    return valid(n, { normRatio, distanceSlack: slack });
  });
}

export const kissingVerifiers: MathVerifier[] = [
  {
    id: 'kissing_number_11',
    direction: 'max',
    tolerance: 0,
    toleranceNote: 'exact: integer coordinates, squared norms and distances in BigInt',
    verify: (c) => verifyKissing(c, 11),
  },
];
