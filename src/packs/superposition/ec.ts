// C10: the error-correction layer (Lemma 7, Thm 22). A fresh signed sparse code Φ^u ∈ {−1,0,1}^{d×m} with
// density p = κ/√(ds); the layer computes round(Φ^u·ŷ) where ŷ are the input read-offs, and the output
// read-off is b̂_k = φ^u_k·h/|Γ_k| (the signed average over the feature's neurons; exact when no errors).
import { checkInt, checkNum, type Seed } from './sampling.js';
import { randomSparse, type SparseSigned } from './sparse.js';

/** round_[0,1](x) = 3(ReLU(x − 1/3) − ReLU(x − 2/3)): 0 below 1/3, 1 above 2/3. */
export function roundUnit(x: number): number {
  // Same function as the two-ReLU form, written as a clamp so that plateaus are exact integers in floating point.
  return Math.min(1, Math.max(0, 3 * x - 1));
}

/**
 * round_[−a,a](x) = Σ_{j<a} round_[0,1](x − j) − Σ_{j<a} round_[0,1](−x − j): 4a ReLUs, equal to n on
 * n + (−1/3, 1/3) for integers |n| ≤ a, clipped to ±a beyond.
 */
export function roundStair(x: number, a = 2): number {
  let r = 0;
  for (let j = 0; j < a; j++) r += roundUnit(x - j) - roundUnit(-x - j);
  return r;
}

/** The staircase as (slope, bias) pairs of its ReLUs: roundStair(x) = Σ w·ReLU(σx − t). */
export function roundStairRelus(a = 2): Array<{ sign: 1 | -1; shift: number; weight: number }> {
  const out: Array<{ sign: 1 | -1; shift: number; weight: number }> = [];
  for (let j = 0; j < a; j++) {
    for (const sign of [1, -1] as const) {
      out.push({ sign, shift: j + 1 / 3, weight: 3 * sign }, { sign, shift: j + 2 / 3, weight: -3 * sign });
    }
  }
  return out;
}

export interface EcLayer {
  m: number;
  d: number;
  p: number;
  code: SparseSigned; // Φ^u, d × m
  /** Staircase range a (round_[−a,a]); hidden width 4a·d. */
  a: number;
}

export function buildEcLayer(opts: { m: number; d: number; s: number; seed: Seed; tag?: string; kappa?: number; a?: number }): EcLayer {
  const m = checkInt('m', opts.m, 1);
  const d = checkInt('d', opts.d, 1);
  const s = checkInt('s', opts.s, 1);
  const kappa = checkNum('kappa', opts.kappa ?? 1, 0, 1e6, true);
  const p = Math.min(1, kappa / Math.sqrt(d * s));
  return { m, d, p, a: checkInt('a', opts.a ?? 2, 1, 16), code: randomSparse(opts.seed, opts.tag ?? 'ec', d, m, p, true) };
}

/** Preactivation z = Φ^u·ŷ (before rounding). */
export function ecPreactivation(L: EcLayer, yhat: ArrayLike<number>): Float64Array {
  const z = new Float64Array(L.d);
  const W = L.code;
  for (let k = 0; k < L.m; k++) {
    const y = yhat[k];
    if (y === 0) continue;
    for (let j = W.colPtr[k]; j < W.colPtr[k + 1]; j++) z[W.colIdx[j]] += W.colSign[j] * y;
  }
  return z;
}

/** The layer output h = round(Φ^u ŷ) (or Φ^u ŷ unrounded when `round` is false: the ablation). */
export function ecApply(L: EcLayer, yhat: ArrayLike<number>, round = true): Float64Array {
  const z = ecPreactivation(L, yhat);
  if (round) for (let i = 0; i < L.d; i++) z[i] = roundStair(z[i], L.a);
  return z;
}

/** Read-offs b̂_k = φ^u_k·h/|Γ_k| for every feature (0 for a feature with no neurons). */
export function ecReadAll(L: EcLayer, h: ArrayLike<number>): Float64Array {
  const W = L.code;
  const out = new Float64Array(L.m);
  for (let k = 0; k < L.m; k++) {
    const n = W.colPtr[k + 1] - W.colPtr[k];
    if (n === 0) continue;
    let s = 0;
    for (let j = W.colPtr[k]; j < W.colPtr[k + 1]; j++) s += W.colSign[j] * h[W.colIdx[j]];
    out[k] = s / n;
  }
  return out;
}

/** Neurons lying in the supports of ≥ 3 active features (the only way |Σ active signs| can exceed 2). */
export function countCollisions(L: EcLayer, actives: ArrayLike<number>): number {
  const hits = new Uint16Array(L.d);
  const W = L.code;
  for (let t = 0; t < actives.length; t++) {
    const k = actives[t];
    for (let j = W.colPtr[k]; j < W.colPtr[k + 1]; j++) hits[W.colIdx[j]]++;
  }
  let n = 0;
  for (const h of hits) if (h >= 3) n++;
  return n;
}
