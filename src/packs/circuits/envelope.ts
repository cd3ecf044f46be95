// The certified envelope ℓ_X(p): on a lattice interval [p_r, p_{r+1}] the smaller of the two
// adjacent certificates' curves (Φ_a(p) − E̲(p))/k, where E̲ is the binomial entropy with its
// ends replaced by chords on [0, η] and [1−η, 1]. All values are enclosures; the verifiers use
// the upper ends. Any subset of certificates gives an upper bound of the pointwise minimum over
// all of them, which is Lip-Lipschitz when every curve is, so no continuity condition is needed.
import * as I from '../../core/interval.js';
import type { Iv } from '../../core/interval.js';
import { bernstein, binomialRow, lipschitzUpper, localLipschitzUpper, phiAt, type Certificate } from './certificate.js';

/** Enclosure of E_k(p) = −Σ P_i log₂ P_i. */
export function binomialEntropyIv(k: number, p: number): Iv {
  const C = binomialRow(k);
  const P: Iv = { lo: p, hi: p };
  const Q = I.sub({ lo: 1, hi: 1 }, P);
  const Qc: Iv = { lo: Math.max(0, Q.lo), hi: Math.min(1, Q.hi) };
  let s: Iv = { lo: 0, hi: 0 };
  for (let i = 0; i <= k; i++) {
    let term: Iv = { lo: C[i], hi: C[i] };
    for (let t = 0; t < i; t++) term = I.mul(term, P);
    for (let t = 0; t < k - i; t++) term = I.mul(term, Qc);
    term = { lo: Math.max(0, term.lo), hi: Math.min(1, term.hi) };
    s = I.add(s, I.negXLog2X(term));
  }
  return s;
}

/** Enclosure of the binary entropy h(p) in bits. */
export function binaryEntropyIv(p: number): Iv {
  return binomialEntropyIv(1, p);
}

export interface ClippedEntropy {
  k: number;
  eta: number;
  /** Enclosure of E_k(η) (= E_k(1−η) by symmetry). */
  atEta: Iv;
  /** Upper bound of E_k(η)/η, the largest slope of E̲. */
  slopeUpper: number;
}

export function clippedEntropy(k: number, eta: number): ClippedEntropy {
  if (!(eta > 0 && eta < 0.5)) throw new RangeError(`eta must lie in (0, 0.5), got ${eta}`);
  const atEta = binomialEntropyIv(k, eta);
  return { k, eta, atEta, slopeUpper: I.div(atEta, { lo: eta, hi: eta }).hi };
}

/** Enclosure of E̲(p). The chord parts use E_k(η) at both ends (E_k(1−η) = E_k(η)). */
export function clippedEntropyAt(ce: ClippedEntropy, p: number): Iv {
  if (p < ce.eta) return I.div(I.scale(ce.atEta, p), { lo: ce.eta, hi: ce.eta });
  const oneMinus = I.sub({ lo: 1, hi: 1 }, { lo: ce.eta, hi: ce.eta });
  if (p > oneMinus.hi) return I.div(I.mul(ce.atEta, I.sub({ lo: 1, hi: 1 }, { lo: p, hi: p })), { lo: ce.eta, hi: ce.eta });
  if (p >= ce.eta && p <= oneMinus.lo) return binomialEntropyIv(ce.k, p);
  // p within rounding of 1−η: take the hull of both formulas (both are valid lower bounds there).
  const a = binomialEntropyIv(ce.k, p);
  const b = I.div(I.mul(ce.atEta, I.sub({ lo: 1, hi: 1 }, { lo: p, hi: p })), { lo: ce.eta, hi: ce.eta });
  return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}

export interface Envelope {
  k: number;
  /** Interior lattice points, increasing. */
  points: number[];
  bern: Iv[][];
  lip: number[];
  /**
   * For lattice interval iv (between points iv−1 and iv), a Lipschitz bound valid on the interval
   * widened by LOCAL_MARGIN for every certificate used there.
   */
  localLip: number[];
  ce: ClippedEntropy;
}

/** Widening of each lattice interval for the local Lipschitz bounds (≥ any grid half-step used). */
export const LOCAL_MARGIN = 0.006;

export function buildEnvelope(k: number, certs: Certificate[], eta: number): Envelope {
  for (let r = 1; r < certs.length; r++) if (!(certs[r].p > certs[r - 1].p)) throw new RangeError(`certificate points must increase (index ${r})`);
  const ce = clippedEntropy(k, eta);
  const bern = certs.map((c) => bernstein(c.a, k));
  const points = certs.map((c) => c.p);
  const localLip: number[] = [];
  for (let iv = 0; iv <= points.length; iv++) {
    const lo = (iv === 0 ? 0 : points[iv - 1]) - LOCAL_MARGIN;
    const hi = (iv === points.length ? 1 : points[iv]) + LOCAL_MARGIN;
    let L = 0;
    for (const r of [iv - 1, iv]) if (r >= 0 && r < points.length) L = Math.max(L, localLipschitzUpper(bern[r], k, lo, hi, ce.slopeUpper));
    localLip.push(L);
  }
  return { k, points, bern, lip: bern.map((b) => lipschitzUpper(b, k, ce.slopeUpper)), localLip, ce };
}

/** Enclosure of certificate r's curve (Φ_{a_r}(p) − E̲(p))/k, given E̲(p). */
export function curveAt(env: Envelope, r: number, p: number, ent: Iv): Iv {
  return I.div(I.sub(phiAt(env.bern[r], p), ent), { lo: env.k, hi: env.k });
}

/** Index of the lattice interval holding p: 0 for [0, p_1], L for [p_L, 1]. */
export function intervalOf(env: Envelope, p: number): number {
  let lo = 0, hi = env.points.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (env.points[mid] <= p) lo = mid + 1; else hi = mid; }
  return lo;
}

/** Upper bound of ℓ(p) using the certificates at the ends of interval `iv` (one at the ends of [0,1]). */
export function envelopeUpper(env: Envelope, p: number, iv = intervalOf(env, p), ent = clippedEntropyAt(env.ce, p)): number {
  const L = env.points.length;
  let best = Infinity;
  if (iv - 1 >= 0) best = Math.min(best, curveAt(env, iv - 1, p, ent).hi);
  if (iv < L) best = Math.min(best, curveAt(env, iv, p, ent).hi);
  return best;
}

/** Interior points where curve r at p_r is strictly above a neighbour's curve there (informational). */
export function continuityFailures(env: Envelope): number[] {
  const bad: number[] = [];
  for (let r = 0; r < env.points.length; r++) {
    const p = env.points[r];
    const ent = clippedEntropyAt(env.ce, p);
    const own = curveAt(env, r, p, ent);
    for (const s of [r - 1, r + 1]) if (s >= 0 && s < env.points.length && own.lo > curveAt(env, s, p, ent).hi) { bad.push(r); break; }
  }
  return bad;
}
