// Erdős minimum overlap (App. B.5): a step function h on [0, 2] with n equal steps, values in
// [0, 1] and ∫h = 1 (Σh = n/2); score (2/n)·max over shifts of Σ_i h_i (1 − h_{i+s}).
import { roundedSum } from '../exact/rational.js';
import { numbers, record } from './parse.js';
import { guarded, invalid, valid, type MathVerifier, type VerifyResult } from './types.js';

export function verifyErdos(construction: unknown): VerifyResult {
  return guarded(() => {
    const c = record(construction);
    const h = numbers(c.heights, 'heights', { minLength: 1, maxLength: 20_000, min: 0, max: 1 });
    const n = h.length;
    // The reference compares numpy's sum with n/2 exactly; a correctly rounded sum agrees with it
    // on the published data, while a naive left-to-right loop does not.
    const s = roundedSum(h);
    if (s !== n / 2) return invalid(`heights: the sum must be exactly ${n / 2} (integral 1), got ${s}`);
    let best = -Infinity;
    let bestShift = 0;
    // Full cross-correlation of h with 1 − h: lags −(n−1)..(n−1).
    for (let s = -(n - 1); s <= n - 1; s++) {
      let acc = 0;
      const lo = Math.max(0, -s);
      const hi = Math.min(n, n - s);
      for (let i = lo; i < hi; i++) acc += h[i] * (1 - h[i + s]);
      if (acc > best) {
        best = acc;
        bestShift = s;
      }
    }
    const value = (best / n) * 2;
    let mid = 0;
    for (let i = 0; i < n; i++) mid += h[i] * Math.abs((i + 0.5) / n - 0.5);
    return valid(value, { peakShift: (bestShift + n - 1) / (2 * n - 2 || 1), spread: mid / (n / 2) });
  });
}

export const erdosVerifiers: MathVerifier[] = [
  {
    id: 'erdos_minimum_overlap',
    direction: 'min',
    tolerance: 0,
    toleranceNote: 'range [0, 1] compared exactly; Σh = n/2 tested on the correctly rounded sum (no tolerance)',
    verify: verifyErdos,
  },
];
