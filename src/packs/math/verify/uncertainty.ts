// Uncertainty inequality (App. B.4): upper bounds on C4 from an even function f = P e^{-πx²}
// that is its own Fourier transform, read off from the largest sign change of a polynomial.
// Everything before the final division by 2π is exact rational arithmetic: the input doubles are
// taken at their exact binary values, and the root is bracketed by exact Sturm sequences.
import {
  ONE, ZERO, add, div, fromDouble, gcd, mul, neg, rat, sign, splitDouble, toDouble, type Rational,
} from '../exact/rational.js';
import { addRat, evalRat, mulRat, scaleRat, trimRat, type RatPoly } from '../exact/poly.js';
import { largestSignChangeRoot } from '../exact/roots.js';
import { integer, numbers, record } from './parse.js';
import { guarded, invalid, valid, type MathVerifier, type VerifyResult } from './types.js';

/** Physicists' Hermite polynomials H_0..H_n: H_k = 2x·H_{k−1} − 2(k−1)·H_{k−2}. */
export function hermite(n: number): RatPoly[] {
  const out: RatPoly[] = [[ONE], [ZERO, rat(2n)]];
  for (let k = 2; k <= n; k++) {
    const a = mulRat([ZERO, rat(2n)], out[k - 1]);
    out.push(addRat(a, scaleRat(out[k - 2], rat(BigInt(-2 * (k - 1))))));
  }
  return out.slice(0, n + 1);
}

/** Generalised Laguerre L_0..L_n with parameter α: (k+1)L_{k+1} = (2k+1+α−x)L_k − (k+α)L_{k−1}. */
export function laguerre(n: number, alpha: Rational): RatPoly[] {
  const out: RatPoly[] = [[ONE], trimRat([add(ONE, alpha), rat(-1n)])];
  for (let k = 1; k < n; k++) {
    const a = mulRat(trimRat([add(rat(BigInt(2 * k + 1)), alpha), rat(-1n)]), out[k]);
    const b = scaleRat(out[k - 1], add(rat(BigInt(k)), alpha));
    out.push(scaleRat(addRat(a, scaleRat(b, rat(-1n))), rat(1n, BigInt(k + 1))));
  }
  return out.slice(0, n + 1);
}

/** The score r / (2π) from a root bracket; r is rounded once to the nearest double. */
function scoreFromRoot(root: { lo: Rational; hi: Rational }): number {
  const r = toDouble(mul(add(root.lo, root.hi), rat(1n, 2n)));
  return r / (2 * Math.PI);
}

/**
 * Hermite form (Gonçalves, Oliveira e Silva, Steinerberger 2017): P = c0 H0 + c1 H4 + c2 H8 + c3 H12
 * with c3 chosen so that P(0) = 0, P negated if it tends to −∞. The score is r²/(2π) for r the
 * largest sign change of P(x)/x²; since P(x)/x² is even, r² is the largest sign change of Q(y),
 * P(x)/x² = Q(x²).
 */
export function verifyHermite(construction: unknown): VerifyResult {
  return guarded(() => {
    const c = record(construction);
    const coeffs = numbers(c.coefficients, 'coefficients', { minLength: 1, maxLength: 12 }).map(fromDouble);
    const m = coeffs.length;
    const H = hermite(4 * m);
    let partial: RatPoly = [];
    for (let i = 0; i < m; i++) partial = addRat(partial, scaleRat(H[4 * i], coeffs[i]));
    const last = H[4 * m];
    const lastCoeff = neg(div(evalRat(partial, ZERO), evalRat(last, ZERO)));
    let P = addRat(partial, scaleRat(last, lastCoeff));
    if (P.length === 0) return invalid('coefficients: the polynomial is identically zero');
    if (sign(P[P.length - 1]) < 0) P = scaleRat(P, rat(-1n));
    // P is even with P(0) = 0, so P = x²·Q(x²).
    const Q: RatPoly = [];
    for (let i = 2; i < P.length; i += 2) Q.push(P[i]);
    const root = largestSignChangeRoot(integerMultiple(Q));
    if (!root) return invalid('coefficients: P(x)/x² never changes sign, no bound follows');
    const c0 = toDouble(coeffs[0]);
    const ratio = (x: Rational) => (c0 === 0 ? 0 : toDouble(x) / c0);
    return valid(scoreFromRoot(root), { c1OverC0: m > 1 ? ratio(coeffs[1]) : 0, c3OverC0: ratio(lastCoeff) });
  });
}

/**
 * Laguerre form (Cohn–Gonçalves): g = Σ a_d L_d^{(α)}, α = dim/2 − 1, over even d = 0..4k+2 for k
 * double roots z_i, solving g(0) = 0, g'(0) = 1, g(z_i) = g'(z_i) = 0 exactly. The score is r/(2π),
 * r the largest sign change of g(x) / (x·Π(x − z_i)²).
 */
export function verifyLaguerre(construction: unknown): VerifyResult {
  return guarded(() => {
    const c = record(construction);
    const dim = integer(c.dimension, 'dimension');
    if (dim < 1 || dim > 64) return invalid(`dimension: expected an integer in 1..64, got ${dim}`);
    // Cost grows about as k^4 (≈ 3 s at k = 12), hence the cap.
    const zs = numbers(c.double_roots, 'double_roots', { minLength: 1, maxLength: 16 });
    if (c.num_double_roots !== undefined && integer(c.num_double_roots, 'num_double_roots') !== zs.length)
      return invalid(`num_double_roots: ${c.num_double_roots} differs from the ${zs.length} double_roots`);
    for (let i = 0; i < zs.length; i++) {
      if (!(zs[i] > 0)) return invalid(`double_roots[${i}]: must be positive, got ${zs[i]}`);
      for (let j = 0; j < i; j++) if (zs[j] === zs[i]) return invalid(`double_roots[${i}]: repeats double_roots[${j}]`);
    }
    const k = zs.length;
    const alpha = rat(BigInt(dim - 2), 2n);
    const L = laguerre(4 * k + 2, alpha);
    let q = laguerreQuotient(L, zs);
    if (!q) return invalid('double_roots: the interpolation system is singular');
    // f(0) = 0 = f̂(0), so −f is as admissible as f: take the sign that is eventually non-negative.
    if (q[q.length - 1] < 0n) q = q.map((c) => -c);
    const root = largestSignChangeRoot(q);
    if (!root) return invalid('double_roots: the quotient never changes sign, no bound follows');
    const zmax = Math.max(...zs);
    const score = scoreFromRoot(root);
    return valid(score, { rootSpan: zmax / (2 * Math.PI * score), meanGap: zmax / k });
  });
}

/** A positive integer multiple of a rational polynomial. */
function integerMultiple(p: RatPoly): bigint[] {
  return commonIntegers([p])[0];
}

/** Integer multiples Λ·p of rational polynomials, with one common positive Λ. */
function commonIntegers(polys: RatPoly[]): bigint[][] {
  let l = 1n;
  for (const p of polys) for (const c of p) l = (l / gcd(l, c.den)) * c.den;
  return polys.map((p) => p.map((c) => (c.num * l) / c.den));
}

/**
 * g / (x·Π(x − z_i)²) up to a positive factor, in integers: the basis is scaled to integers,
 * the system reduced by Bareiss elimination (y = det·a), and the division done as an exact
 * pseudo-division by x·Π(2^s_i x − m_i)². Null when the system is singular.
 */
function laguerreQuotient(L: RatPoly[], zs: number[]): bigint[] | null {
  const k = zs.length;
  const n = 2 * k + 2;
  const B = commonIntegers(Array.from({ length: n }, (_, j) => L[2 * j]));
  const dB = B.map((b) => b.slice(1).map((c, i) => c * BigInt(i + 1)));
  const deg = 4 * k + 2;
  const roots = zs.map((z) => {
    const { m, e } = splitDouble(z);
    return e >= 0 ? { m: m << BigInt(e), s: 0 } : { m, s: -e };
  });
  const M: bigint[][] = [];
  M.push([...B.map((b) => b[0] ?? 0n), 0n]);
  M.push([...dB.map((b) => b[0] ?? 0n), 1n]);
  for (const { m, s } of roots) {
    M.push([...B.map((b) => horner(b, m, s, deg)), 0n]);
    M.push([...dB.map((b) => horner(b, m, s, deg - 1)), 0n]);
  }
  // Dividing a row by the gcd of its entries leaves the solution unchanged and keeps Bareiss small.
  for (const row of M) {
    let g = 0n;
    for (const x of row) g = gcd(g, x);
    if (g > 1n) for (let j = 0; j <= n; j++) row[j] /= g;
  }
  let prev = 1n;
  for (let c = 0; c < n; c++) {
    let p = c;
    while (p < n && M[p][c] === 0n) p++;
    if (p === n) return null;
    if (p !== c) [M[p], M[c]] = [M[c], M[p]];
    const pivot = M[c][c];
    for (let i = c + 1; i < n; i++) {
      const f = M[i][c];
      for (let j = c + 1; j <= n; j++) M[i][j] = (pivot * M[i][j] - f * M[c][j]) / prev;
      M[i][c] = 0n;
    }
    prev = pivot;
  }
  const det = prev;
  const y: bigint[] = new Array(n).fill(0n);
  for (let i = n - 1; i >= 0; i--) {
    let acc = det * M[i][n];
    for (let j = i + 1; j < n; j++) acc -= M[i][j] * y[j];
    y[i] = acc / M[i][i];
  }
  // g̃ = Σ y_j B_j = det·Λ-scaled g.
  const g: bigint[] = new Array(deg + 1).fill(0n);
  for (let j = 0; j < n; j++) for (let c = 0; c < B[j].length; c++) g[c] += y[j] * B[j][c];
  let D: bigint[] = [0n, 1n];
  for (const { m, s } of roots) {
    const lin = [-m, 1n << BigInt(s)];
    D = mulInt(D, mulInt(lin, lin));
  }
  const q = pseudoDivideExact(g, D);
  if (!q) throw new Error('g is not divisible by x·Π(x − z_i)²');
  // The pseudo-division leaves a large common power of two (lc(D) is one); dropping it keeps the
  // root search's integers several times smaller.
  const shift = BigInt(commonTrailingZeros(q));
  const reduced = shift > 0n ? q.map((c) => c >> shift) : q;
  return det < 0n ? reduced.map((c) => -c) : reduced;
}

function commonTrailingZeros(p: bigint[]): number {
  let tz = Infinity;
  for (const c of p) {
    if (c === 0n) continue;
    let a = c < 0n ? -c : c;
    let z = 0;
    // Skip whole 64-bit words first: the common factor is tens of thousands of bits.
    while ((a & 0xffffffffffffffffn) === 0n) {
      a >>= 64n;
      z += 64;
    }
    while ((a & 1n) === 0n) {
      a >>= 1n;
      z++;
    }
    tz = Math.min(tz, z);
  }
  return tz === Infinity ? 0 : tz;
}

/** b(m / 2^s) · 2^(s·deg) for an integer polynomial b of degree ≤ deg. */
function horner(b: bigint[], m: bigint, s: number, deg: number): bigint {
  let acc = 0n;
  const step = 1n << BigInt(s);
  let pow = 1n;
  // Σ_c b_c m^c 2^(s(deg−c)): Horner from the top, scaling lower terms by growing powers of 2^s.
  for (let c = deg; c >= 0; c--) {
    acc = acc * m + (b[c] ?? 0n) * pow;
    pow *= step;
  }
  return acc;
}

function mulInt(a: bigint[], b: bigint[]): bigint[] {
  const out: bigint[] = new Array(a.length + b.length - 1).fill(0n);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) out[i + j] += a[i] * b[j];
  return out;
}

/** The quotient of lc(d)^(δ+1)·a by d when the remainder is zero, else null. */
function pseudoDivideExact(a: bigint[], d: bigint[]): bigint[] | null {
  let r = a.slice();
  while (r.length && r[r.length - 1] === 0n) r.pop();
  const dd = d.length - 1;
  const lc = d[dd];
  const delta = r.length - 1 - dd;
  if (delta < 0) return r.length === 0 ? [] : null;
  const f = lc ** BigInt(delta + 1);
  r = r.map((c) => c * f);
  const q: bigint[] = new Array(delta + 1).fill(0n);
  for (let t = delta; t >= 0; t--) {
    const top = r[t + dd];
    if (top % lc !== 0n) return null;
    const c = top / lc;
    q[t] = c;
    for (let i = 0; i <= dd; i++) r[t + i] -= c * d[i];
  }
  return r.every((c) => c === 0n) ? q : null;
}

export const uncertaintyVerifiers: MathVerifier[] = [
  {
    id: 'uncertainty_inequality_hermite',
    direction: 'min',
    tolerance: 0,
    toleranceNote: 'exact rational polynomial; the largest sign change is bracketed by Sturm sequences to 2^-90 and rounded once',
    verify: verifyHermite,
  },
  {
    id: 'uncertainty_inequality_laguerre',
    direction: 'min',
    tolerance: 0,
    toleranceNote: 'exact rational linear solve and polynomial division; root bracketed by Sturm sequences to 2^-90',
    verify: verifyLaguerre,
  },
];

