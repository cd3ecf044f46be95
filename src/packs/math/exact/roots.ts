// Largest real root of odd multiplicity of an integer polynomial on (0, ∞), found exactly by
// Descartes' rule of signs on dyadic intervals (Vincent–Collins–Akritas bisection), visiting
// intervals from the top. Only integer additions, shifts and small multiplications are used, so
// it stays fast for coefficients of tens of thousands of bits, where Sturm sequences do not.
import { bigAbs, rat, type Rational } from './rational.js';

export type IntPoly = bigint[];

function trim(p: IntPoly): IntPoly {
  let d = p.length;
  while (d > 0 && p[d - 1] === 0n) d--;
  return p.slice(0, d);
}

/** p(x + 1), in place on a copy (additions only). */
function shiftByOne(p: IntPoly): IntPoly {
  const a = p.slice();
  const d = a.length - 1;
  for (let i = 0; i < d; i++) for (let j = d - 1; j >= i; j--) a[j] += a[j + 1];
  return a;
}

/** p(x + c) for an integer c. */
function shiftBy(p: IntPoly, c: bigint): IntPoly {
  if (c === 0n) return p.slice();
  const a = p.slice();
  const d = a.length - 1;
  for (let i = 0; i < d; i++) for (let j = d - 1; j >= i; j--) a[j] += c * a[j + 1];
  return a;
}

function variations(p: IntPoly): number {
  let v = 0;
  let last = 0n;
  for (const c of p) {
    if (c === 0n) continue;
    if (last !== 0n && (c > 0n) !== (last > 0n)) v++;
    last = c;
  }
  return v;
}

/** Sign of p(a / 2^k), exactly. */
export function signAt(p: IntPoly, a: bigint, k: number): -1 | 0 | 1 {
  const d = p.length - 1;
  if (d < 0) return 0;
  let acc = p[d];
  let pow = 1n;
  const step = 1n << BigInt(k);
  for (let i = d - 1; i >= 0; i--) {
    pow *= step;
    acc = acc * a + p[i] * pow;
  }
  return acc > 0n ? 1 : acc < 0n ? -1 : 0;
}

/**
 * Descartes bound for roots in the open interval (i·2^j, (i+1)·2^j): sign variations of
 * (x+1)^d · p_I(1/(x+1)) with p_I(x) = p(2^j (i + x)), up to a positive factor.
 */
function descartes(p: IntPoly, i: bigint, j: number): number {
  const d = p.length - 1;
  // p(2^j x) times 2^{-j d} when j < 0, so all coefficients stay integers.
  const scaled = p.map((c, k) => (j >= 0 ? c << BigInt(j * k) : c << BigInt(-j * (d - k))));
  const shifted = shiftBy(scaled, i);
  return variations(shiftByOne(shifted.reverse()));
}

/**
 * The largest root of odd multiplicity of p in (0, ∞), as a dyadic bracket [lo, hi] with
 * hi − lo ≤ 2^-bits · hi; null when p does not change sign on (0, ∞). Root clusters narrower
 * than 2^-bits·hi are judged by the sign change across them.
 */
export function largestSignChangeRoot(p: IntPoly, bits = 90): { lo: Rational; hi: Rational } | null {
  p = trim(p);
  // Drop the factor x^t: it only contributes the root 0.
  let t = 0;
  while (t < p.length && p[t] === 0n) t++;
  p = p.slice(t);
  if (p.length < 2) return null;
  let maxc = 0n;
  for (let i = 0; i < p.length - 1; i++) if (bigAbs(p[i]) > maxc) maxc = bigAbs(p[i]);
  const bound = 2n + maxc / bigAbs(p[p.length - 1]);
  const K = bound.toString(2).length; // every root lies in (0, 2^K)
  // Stack of intervals (i·2^j, (i+1)·2^j); the upper half is pushed last so it is popped first.
  const stack: [bigint, number][] = [[0n, K]];
  while (stack.length) {
    const [i, j] = stack.pop()!;
    // Endpoints as a / 2^k.
    const k = Math.max(0, -j);
    const lo = j >= 0 ? i << BigInt(j) : i;
    const hi = j >= 0 ? (i + 1n) << BigInt(j) : i + 1n;
    const sHi = signAt(p, hi, k);
    if (sHi === 0) {
      // A root exactly at a dyadic endpoint: it is the largest candidate left; test its sign change.
      const eps = k + bits + 8;
      const above = signAt(p, (hi << BigInt(eps - k)) + 1n, eps);
      const below = signAt(p, (hi << BigInt(eps - k)) - 1n, eps);
      if (above !== below) return { lo: rat(hi, 1n << BigInt(k)), hi: rat(hi, 1n << BigInt(k)) };
    }
    const v = descartes(p, i, j);
    if (v === 0) continue;
    // Stop splitting once the interval is narrower than 2^-bits of its upper end.
    const tiny = hi.toString(2).length - k - j >= bits;
    if (v === 1 || tiny) {
      const sLo = signAt(p, lo, k);
      // One simple root always changes sign; a tiny cluster counts only if its net sign changes.
      if (v !== 1 && sLo !== 0 && sLo === sHi) continue;
      return refine(p, lo, hi, k, bits);
    }
    stack.push([2n * i, j - 1], [2n * i + 1n, j - 1]);
  }
  return null;
}

/** Bisection on the sign of p inside (lo, hi)/2^k, where p(lo) and p(hi) differ in sign. */
function refine(p: IntPoly, lo: bigint, hi: bigint, k: number, bits: number): { lo: Rational; hi: Rational } {
  // A root exactly at lo (not the one sought): start just above it instead.
  if (signAt(p, lo, k) === 0) {
    const e = bits + 16;
    lo = (lo << BigInt(e)) + 1n;
    hi <<= BigInt(e);
    k += e;
  }
  const sLo = signAt(p, lo, k);
  for (let it = 0; it < 10_000; it++) {
    if ((hi - lo) << BigInt(bits) <= hi) break;
    lo <<= 1n;
    hi <<= 1n;
    k += 1;
    const m = (lo + hi) >> 1n;
    const sm = signAt(p, m, k);
    if (sm === 0) return { lo: rat(m, 1n << BigInt(k)), hi: rat(m, 1n << BigInt(k)) };
    if (sm === sLo) lo = m;
    else hi = m;
  }
  return { lo: rat(lo, 1n << BigInt(k)), hi: rat(hi, 1n << BigInt(k)) };
}
