// Toll-and-potential certificates (a, b) for the GA05 bound and their rigorous checks.
// (a, b) is ε-valid when S(i,u) = Σ_j Σ_v A_j[u][v]·2^{−a_ij − b_iu + b_jv} ≤ 1 − ε for every node;
// then f_{C_X(km,h)}(Ber p) ≤ (Φ_a(p) − E_k(p))/k for all p once m ≥ Γ(b)/(−log₂(1−ε)).
// Every check here uses outward-rounded arithmetic, so a pass is a proof (given the theorem).
import * as I from '../../core/interval.js';
import type { Iv } from '../../core/interval.js';
import type { Transitions } from './transitions.js';
import { applyRight } from './ga05.js';

export interface Certificate {
  /** Lattice point the certificate was optimised for (informational; validity does not depend on it). */
  p: number;
  /** Tolls a_ij, K×K row-major. */
  a: number[];
  /** Potentials b_iu, K×H row-major. */
  b: number[];
}

/** Rigorous upper bound of max_{i,u} S(i,u). */
export function maxConstraintUpper(t: Transitions, c: Certificate): number {
  const K = t.k + 1;
  const H = t.H;
  if (c.a.length !== K * K) throw new RangeError(`certificate a must have ${K * K} entries, got ${c.a.length}`);
  if (c.b.length !== K * H) throw new RangeError(`certificate b must have ${K * H} entries, got ${c.b.length}`);
  for (const [name, arr] of [['a', c.a], ['b', c.b]] as const) {
    arr.forEach((v, q) => { if (!Number.isFinite(v) || Math.abs(v) > 900) throw new RangeError(`certificate ${name}[${q}] must be a finite number of size < 900, got ${v}`); });
  }
  const ea = c.a.map((v) => I.exp2({ lo: -v, hi: -v }).hi);
  const ebNeg = c.b.map((v) => I.exp2({ lo: -v, hi: -v }).hi);
  const eb = c.b.map((v) => I.exp2({ lo: v, hi: v }).hi);
  // T_j[u] = Σ_v A_j[u][v]·2^{b_jv}, rounded up (A has exact small integer entries).
  const T = new Float64Array(K * H);
  for (let j = 0; j < K; j++) {
    const m = t.mats[j];
    for (let u = 0; u < H; u++) {
      let s = 0;
      for (let q = m.rowPtr[u]; q < m.rowPtr[u + 1]; q++) s = I.up(s + I.up(m.val[q] * eb[j * H + m.col[q]]));
      T[j * H + u] = s;
    }
  }
  let worst = 0;
  for (let i = 0; i < K; i++) {
    for (let u = 0; u < H; u++) {
      let s = 0;
      for (let j = 0; j < K; j++) s = I.up(s + I.up(ea[i * K + j] * T[j * H + u]));
      worst = Math.max(worst, I.up(s * ebNeg[i * H + u]));
    }
  }
  return worst;
}

/** Γ(b) = max b − min b, rounded up. */
export function potentialSpread(c: Certificate): number {
  let lo = Infinity, hi = -Infinity;
  for (const v of c.b) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  return I.up(hi - lo);
}

/** Lower bound of −log₂(1−ε) (it is ≥ ε/ln 2 ≥ ε·1.4426). */
export function negLog2OneMinus(eps: number): number {
  return I.down(eps * 1.4426);
}

export function binomialRow(n: number): number[] {
  const r = [1];
  for (let j = 1; j <= n; j++) r.push((r[j - 1] * (n - j + 1)) / j);
  return r;
}

/** Bernstein coefficients ā_t = Σ_{i+j=t} C(k,i)C(k,j) a_ij / C(2k,t), as enclosures. */
export function bernstein(a: number[], k: number): Iv[] {
  const K = k + 1;
  const Ck = binomialRow(k);
  const C2 = binomialRow(2 * k);
  const out: Iv[] = [];
  for (let t = 0; t <= 2 * k; t++) {
    let s: Iv = { lo: 0, hi: 0 };
    for (let i = Math.max(0, t - k); i <= Math.min(k, t); i++) s = I.add(s, I.scale({ lo: a[i * K + t - i], hi: a[i * K + t - i] }, Ck[i] * Ck[t - i]));
    out.push(I.div(s, { lo: C2[t], hi: C2[t] }));
  }
  return out;
}

/** Enclosure of Φ_a(p) = Σ_t ā_t C(2k,t) p^t (1−p)^{2k−t} for a double p in [0, 1]. */
export function phiAt(bern: Iv[], p: number): Iv {
  const n = bern.length - 1;
  const C = binomialRow(n);
  const P: Iv = { lo: p, hi: p };
  const Q = I.sub({ lo: 1, hi: 1 }, P);
  let s: Iv = { lo: 0, hi: 0 };
  // powers by repeated multiplication
  const pp: Iv[] = [{ lo: 1, hi: 1 }];
  const qq: Iv[] = [{ lo: 1, hi: 1 }];
  for (let t = 1; t <= n; t++) { pp.push(I.mul(pp[t - 1], P)); qq.push(I.mul(qq[t - 1], { lo: Math.max(0, Q.lo), hi: Q.hi })); }
  for (let t = 0; t <= n; t++) s = I.add(s, I.mul(bern[t], I.scale(I.mul(pp[t], qq[n - t]), C[t])));
  return s;
}

/** Upper bound of the Lipschitz constant of (Φ_a − E̲)/k: (2k·max_t |ā_{t+1} − ā_t| + slopeE)/k. */
export function lipschitzUpper(bern: Iv[], k: number, entropySlopeUpper: number): number {
  let d = 0;
  for (let t = 0; t + 1 < bern.length; t++) {
    const diff = I.sub(bern[t + 1], bern[t]);
    d = Math.max(d, Math.abs(diff.lo), Math.abs(diff.hi));
  }
  return I.up(I.up(I.up(2 * k * d) + entropySlopeUpper) / k);
}

export interface ExtractOptions {
  eps: number;
  /** Extra shift added to every toll (covers the decimal rounding of stored numbers). */
  delta?: number;
  /** Decimal places kept in the stored numbers. */
  digits?: number;
}

/**
 * Turns tolls a and any positive vector w into an ε-valid certificate: b = log₂ w, S₀ = max S,
 * a ← a + log₂ S₀ − log₂(1−ε) + δ, numbers rounded to `digits` decimals (tolls upwards), then
 * re-checked rigorously; δ grows until the rigorous check passes.
 */
export function extractCertificate(t: Transitions, a: Float64Array, w: Float64Array, p: number, opts: ExtractOptions): { cert: Certificate; maxS: number } {
  const K = t.k + 1;
  const H = t.H;
  const digits = opts.digits ?? 10;
  const scaleD = 10 ** digits;
  const b = Array.from(w, (v) => Math.round(Math.log2(v) * scaleD) / scaleD);
  const wr = Float64Array.from(b, (v) => Math.pow(2, v));
  const E = a.map((v) => Math.pow(2, -v));
  const mw = new Float64Array(K * H);
  applyRight({ K, H, t }, E, wr, mw, new Float64Array(K * H));
  let s0 = 0;
  for (let q = 0; q < K * H; q++) s0 = Math.max(s0, mw[q] / wr[q]);
  let delta = opts.delta ?? 2e-9;
  for (let attempt = 0; attempt < 12; attempt++) {
    const shift = Math.log2(s0) - Math.log2(1 - opts.eps) + delta;
    const cert: Certificate = { p, a: Array.from(a, (v) => Math.ceil((v + shift) * scaleD) / scaleD), b };
    const maxS = maxConstraintUpper(t, cert);
    if (maxS <= I.down(1 - opts.eps)) return { cert, maxS };
    delta *= 4;
  }
  throw new Error(`could not make the certificate at p = ${p} valid`);
}

/**
 * Upper bound of the Lipschitz constant of (Φ_a − E̲)/k on [lo, hi] only:
 * |Φ'| ≤ 2k·Σ_t |ā_{t+1} − ā_t|·max_{[lo,hi]} B_{t,2k−1}, with B_{t,n}(p) ≤ C(n,t)·hi^t·(1−lo)^{n−t}.
 * Far from where a toll's type is likely, its coefficient's jump is multiplied by a tiny basis value.
 */
export function localLipschitzUpper(bern: Iv[], k: number, lo: number, hi: number, entropySlopeUpper: number): number {
  const n = 2 * k - 1;
  const C = binomialRow(n);
  const l = Math.max(0, lo), h = Math.min(1, hi);
  const oneMinusLo = I.up(1 - l);
  let s = 0;
  for (let t = 0; t <= n; t++) {
    const diff = I.sub(bern[t + 1], bern[t]);
    const d = Math.max(Math.abs(diff.lo), Math.abs(diff.hi));
    let b = C[t];
    for (let e = 0; e < t; e++) b = I.up(b * h);
    for (let e = 0; e < n - t; e++) b = I.up(b * oneMinusLo);
    s = I.up(s + I.up(d * Math.min(1, b)));
  }
  // Both this and the global bound are valid on [lo, hi]; keep the smaller.
  return Math.min(I.up(I.up(I.up(2 * k * s) + entropySlopeUpper) / k), lipschitzUpper(bern, k, entropySlopeUpper));
}
