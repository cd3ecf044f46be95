// Sums versus differences (App. B.6): a set U of distinct non-negative integers with 0 ∈ U;
// the score 1 + ln(|U−U|/|U+U|)/ln(2·max U + 1) is a lower bound on the exponent C6.
// |U+U| and |U−U| are counted exactly with a windowed bitset over the sorted set: each pair is
// visited once, and the window (128 KiB of bits, cache-resident) keeps memory small even for max U ≈ 10^9.
import { integer, list, record } from './parse.js';
import { guarded, invalid, valid, type MathVerifier, type VerifyResult } from './types.js';

const WINDOW_BITS = 1 << 20;
const MAX_ELEMENTS = 100_000;
const MAX_VALUE = 2 ** 31 - 1;

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function countBits(words: Int32Array): number {
  let c = 0;
  for (let i = 0; i < words.length; i++) if (words[i] !== 0) c += popcount32(words[i]);
  return c;
}

/** Sets bit base + u[j] for j in [from, to); unrolled by four (the hot loop of both counts). */
function setBits(words: Int32Array, u: Int32Array, base: number, from: number, to: number): void {
  let j = from;
  // JavaScript masks shift counts to 5 bits, so 1 << k is 1 << (k mod 32).
  for (; j + 3 < to; j += 4) {
    const k0 = base + u[j], k1 = base + u[j + 1], k2 = base + u[j + 2], k3 = base + u[j + 3];
    words[k0 >> 5] |= 1 << k0;
    words[k1 >> 5] |= 1 << k1;
    words[k2 >> 5] |= 1 << k2;
    words[k3 >> 5] |= 1 << k3;
  }
  for (; j < to; j++) {
    const k = base + u[j];
    words[k >> 5] |= 1 << k;
  }
}

/** |U + U| for sorted distinct non-negative u. */
export function sumsetSize(u: Int32Array): number {
  const n = u.length;
  const top = 2 * u[n - 1];
  const words = new Int32Array(WINDOW_BITS >>> 5);
  let total = 0;
  for (let L = 0; L <= top; L += WINDOW_BITS) {
    words.fill(0);
    const R = L + WINDOW_BITS;
    // For increasing i, the j-range [lo, hi) with L ≤ u_i + u_j < R moves left.
    let lo = n;
    let hi = n;
    for (let i = 0; i < n; i++) {
      const ui = u[i];
      if (2 * ui >= R) break;
      while (lo > 0 && ui + u[lo - 1] >= L) lo--;
      while (hi > 0 && ui + u[hi - 1] >= R) hi--;
      const base = ui - L; // k = base + u_j lies in [0, WINDOW_BITS)
      setBits(words, u, base, lo > i ? lo : i, hi);
    }
    total += countBits(words);
  }
  return total;
}

/** |U − U| for sorted distinct u: 1 + 2·#{positive differences}. */
export function differenceSetSize(u: Int32Array): number {
  const n = u.length;
  const top = u[n - 1] - u[0];
  const words = new Int32Array(WINDOW_BITS >>> 5);
  let positive = 0;
  for (let L = 1; L <= top; L += WINDOW_BITS) {
    words.fill(0);
    const R = L + WINDOW_BITS;
    // For increasing i, the j-range with L ≤ u_j − u_i < R moves right.
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < n; i++) {
      const ui = u[i];
      while (lo < n && u[lo] - ui < L) lo++;
      while (hi < n && u[hi] - ui < R) hi++;
      if (lo >= n) break;
      setBits(words, u, -ui - L, lo, hi);
    }
    positive += countBits(words);
  }
  return 1 + 2 * positive;
}

export function verifySumsDifferences(construction: unknown, maxElements = MAX_ELEMENTS): VerifyResult {
  return guarded(() => {
    const c = record(construction);
    const raw = list(c.set, 'set', { minLength: 2, maxLength: maxElements });
    const u = new Int32Array(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const x = integer(raw[i], `set[${i}]`);
      if (x < 0 || x > MAX_VALUE) return invalid(`set[${i}]: expected an integer in 0..${MAX_VALUE}, got ${x}`);
      u[i] = x;
    }
    u.sort();
    for (let i = 1; i < u.length; i++) if (u[i] === u[i - 1]) return invalid(`set: the value ${u[i]} appears twice`);
    if (u[0] !== 0) return invalid('set: must contain 0 (the minimum must be 0)');
    const m = u[u.length - 1];
    const sums = sumsetSize(u);
    const diffs = differenceSetSize(u);
    if (diffs > 2 * m + 1) return invalid(`set: |U−U| = ${diffs} exceeds 2·max+1 (internal count error)`);
    const value = 1 + Math.log(diffs / sums) / Math.log(2 * m + 1);
    return valid(value, { logMax: Math.log10(m), fill: u.length / (m + 1) });
  });
}

const note = 'exact integer set arithmetic; elements must be distinct integers in 0..2^31−1 with minimum 0';

export const sumsDifferencesVerifiers: MathVerifier[] = [
  { id: 'sums_differences_2003', direction: 'max', tolerance: 0, toleranceNote: note, verify: (c) => verifySumsDifferences(c) },
  { id: 'sums_differences_54265', direction: 'max', tolerance: 0, toleranceNote: note, verify: (c) => verifySumsDifferences(c) },
];
