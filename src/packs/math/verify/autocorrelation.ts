// Autocorrelation inequalities (AlphaEvolve App. B.1–B.3): step functions with n equal-width
// heights on [-1/4, 1/4], scored through the full discrete self-convolution (length 2n − 1).
import { guarded, invalid, valid, type MathVerifier, type VerifyResult } from './types.js';
import { normalizeScale, numbers, record } from './parse.js';

const MAX_STEPS = 20_000;

export function selfConvolution(h: number[]): Float64Array {
  const n = h.length;
  const out = new Float64Array(2 * n - 1);
  for (let i = 0; i < n; i++) {
    const hi = h[i];
    if (hi === 0) continue;
    for (let j = 0; j < n; j++) out[i + j] += hi * h[j];
  }
  return out;
}

/** The heights, rescaled by a power of two (exact; every score here is scale-invariant). */
function heights(construction: unknown, nonNegative: boolean): number[] {
  const c = record(construction);
  const h = numbers(c.heights, 'heights', { minLength: 1, maxLength: MAX_STEPS, min: nonNegative ? 0 : undefined });
  return normalizeScale(h);
}

function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
}

function argmax(xs: ArrayLike<number>, abs = false): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) {
    const a = abs ? Math.abs(xs[i]) : xs[i];
    if (a > (abs ? Math.abs(xs[best]) : xs[best])) best = i;
  }
  return best;
}

/** Where the convolution peaks, as a fraction of its support (0 = left end, 1 = right end). */
function peakPosition(conv: Float64Array, abs = false): number {
  return conv.length === 1 ? 0.5 : argmax(conv, abs) / (conv.length - 1);
}

/** Fraction of the heights that are zero (sparsity of the step function). */
function zeroFraction(h: number[]): number {
  return h.filter((x) => x === 0).length / h.length;
}

/** C1 upper bound: 2n·max(h∗h)/(Σh)², non-negative heights (the reference does not test the sign). */
export function verifyFirst(construction: unknown): VerifyResult {
  return guarded(() => {
    const h = heights(construction, true);
    const s = sum(h);
    if (!(s > 0)) return invalid('heights: the sum must be positive');
    const conv = selfConvolution(h);
    const value = (2 * h.length * conv[argmax(conv)]) / (s * s);
    return valid(value, { peakPosition: peakPosition(conv), zeroFraction: zeroFraction(h) });
  });
}

/**
 * C2 lower bound: ‖c‖₂²/(‖c‖₁‖c‖∞) for c = h∗h read as a piecewise-linear curve on 2n+1 equal
 * pieces of [-1/2, 1/2] with a zero knot at each end; each piece's square integrated exactly.
 */
export function verifySecond(construction: unknown): VerifyResult {
  return guarded(() => {
    const h = heights(construction, true);
    const conv = selfConvolution(h);
    const m = conv.length;
    // Same knot widths as linspace(-0.5, 0.5, m + 2) differenced.
    const knots = new Float64Array(m + 2);
    const step = 1 / (m + 1);
    for (let i = 0; i < m + 2; i++) knots[i] = -0.5 + i * step;
    knots[m + 1] = 0.5;
    let l2 = 0;
    for (let i = 0; i <= m; i++) {
      const y1 = i === 0 ? 0 : conv[i - 1];
      const y2 = i === m ? 0 : conv[i];
      const w = knots[i + 1] - knots[i];
      l2 += (w / 3) * (y1 * y1 + y1 * y2 + y2 * y2);
    }
    let l1 = 0;
    let inf = 0;
    for (let i = 0; i < m; i++) {
      l1 += Math.abs(conv[i]);
      inf = Math.max(inf, Math.abs(conv[i]));
    }
    l1 /= m + 1;
    if (!(inf > 0)) return invalid('heights: all zero, the score is undefined');
    return valid(l2 / (l1 * inf), { peakPosition: peakPosition(conv), zeroFraction: zeroFraction(h) });
  });
}

function negativeFraction(h: number[]): number {
  return h.filter((x) => x < 0).length / h.length;
}

/** C3 upper bound: |2n·max(h∗h)/(Σh)²| with signed heights (maximum of the signed convolution). */
export function verifyThird(construction: unknown): VerifyResult {
  return guarded(() => {
    const h = heights(construction, false);
    const s = sum(h);
    if (s === 0) return invalid('heights: the sum is zero, the score is undefined');
    const conv = selfConvolution(h);
    const value = Math.abs((2 * h.length * conv[argmax(conv)]) / (s * s));
    return valid(value, { peakPosition: peakPosition(conv), negativeFraction: negativeFraction(h) });
  });
}

/** C3′ upper bound: 2n·max|h∗h|/(Σh)² (absolute value inside the maximum). */
export function verifyThirdAbs(construction: unknown): VerifyResult {
  return guarded(() => {
    const h = heights(construction, false);
    const s = sum(h);
    if (s === 0) return invalid('heights: the sum is zero, the score is undefined');
    const conv = selfConvolution(h);
    const k = argmax(conv, true);
    const value = (2 * h.length * Math.abs(conv[k])) / (s * s);
    return valid(value, { peakPosition: peakPosition(conv, true), negativeFraction: negativeFraction(h) });
  });
}

const plain = 'plain double arithmetic as in the reference; no constraint needs a tolerance';

export const autocorrelationVerifiers: MathVerifier[] = [
  { id: 'first_autocorrelation', direction: 'min', tolerance: 0, toleranceNote: plain + ' (heights must be ≥ 0)', verify: verifyFirst },
  { id: 'second_autocorrelation', direction: 'max', tolerance: 0, toleranceNote: plain + ' (heights must be ≥ 0)', verify: verifySecond },
  { id: 'third_autocorrelation', direction: 'min', tolerance: 0, toleranceNote: plain, verify: verifyThird },
  { id: 'third_autocorrelation_abs', direction: 'min', tolerance: 0, toleranceNote: plain, verify: verifyThirdAbs },
];
