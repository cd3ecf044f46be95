// C3 / C3': a randomly initialised ReLU layer (Gaussian weights, zero bias) read off with signs (Thm 3, Thm 15).
// r_{k,l} = sgn(w_k)∘sgn(w_l) / (d·δ·c_D(s−2)), with c_D(s') = E[sgn x sgn y ReLU(x + y + z)], z ~ N(0, s').
import { FeatureBank, type FeatureKind } from './features.js';
import type { UandModel } from './model.js';
import { checkInt, checkNum, fillNormal, objStream, type Seed } from './sampling.js';
import { normalCdf } from '../../core/stats.js';

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** E ReLU(a + z) for z ~ N(0, σ²) (σ = 0 allowed). */
export function expectedRelu(a: number, sigma: number): number {
  if (sigma === 0) return Math.max(0, a);
  const t = a / sigma;
  return a * normalCdf(t) + sigma * INV_SQRT_2PI * Math.exp(-0.5 * t * t);
}

/**
 * c_D(s') = E[sgn(x) sgn(y) ReLU(x + y + z)], x, y ~ N(0,1), z ~ N(0, s'), by 2-D midpoint quadrature over
 * the positive quadrant after folding the four sign quadrants (accuracy ~1e-6).
 */
export function cDGaussian(sPrime: number, step = 0.005, range = 8.5): number {
  checkNum("s'", sPrime, 0, 1e6);
  const sz = Math.sqrt(sPrime);
  const n = Math.ceil(range / step);
  const w = new Float64Array(n);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) { xs[i] = (i + 0.5) * step; w[i] = INV_SQRT_2PI * Math.exp(-0.5 * xs[i] * xs[i]) * step; }
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const s = xs[i] + xs[j], dxy = xs[i] - xs[j];
      const f = expectedRelu(s, sz) + expectedRelu(-s, sz) - expectedRelu(dxy, sz) - expectedRelu(-dxy, sz);
      total += f * w[i] * w[j];
    }
  }
  return total;
}

/** The same constant for ±1 weights: ¼(h(2) − 2h(0) + h(−2)), h(a) = E ReLU(a + Σ_{s'} ±1) (exact). */
export function cDRademacher(sPrime: number): number {
  checkInt("s'", sPrime, 0, 1000);
  const h = (a: number): number => {
    let e = 0;
    let binom = 1;
    for (let j = 0; j <= sPrime; j++) {
      e += binom * Math.max(0, a + 2 * j - sPrime);
      binom = (binom * (sPrime - j)) / (j + 1);
    }
    return e / 2 ** sPrime;
  };
  return 0.25 * (h(2) - 2 * h(0) + h(-2));
}

const cdCache = new Map<number, number>();
function cD(sPrime: number): number {
  let v = cdCache.get(sPrime);
  if (v === undefined) { v = cDGaussian(sPrime, 0.01); cdCache.set(sPrime, v); }
  return v;
}

/** η = 1/(d·δ·c_D(s − 2)): makes the (1,1) read-off unbiased at exactly s active features. */
export function readoffScale(d: number, s: number, delta = 1): number {
  return 1 / (d * delta * cD(s - 2));
}

export interface RandomUandParams {
  m: number;
  d: number;
  /** Exact sparsity the read-off is calibrated for (η uses c_D(s − 2)). */
  s: number;
  seed: Seed;
  /** Weight scale δ (cancels in the read-off; kept to check scale invariance). */
  delta?: number;
  superposed?: boolean;
  d0?: number;
  featureKind?: FeatureKind;
  /** Bytes allowed for cached per-feature sign vectors. */
  cacheBytes?: number;
}

export interface RandomUand extends UandModel {
  eta: number;
  /** Hidden activation ReLU(W x) for an arbitrary input vector (superposed construction only). */
  activateVector(x: ArrayLike<number>): Float64Array;
  bank: FeatureBank | null;
  /** Preactivation image of feature k (w_k basis-aligned, Wφ_k superposed). */
  column(k: number): Float32Array;
}

export function buildRandomUand(params: RandomUandParams): RandomUand {
  const m = checkInt('m', params.m, 2);
  const d = checkInt('d', params.d, 1);
  const s = checkInt('s', params.s, 2, m);
  const delta = checkNum('delta', params.delta ?? 1, 0, 1e6, true);
  const superposed = params.superposed ?? false;
  const d0 = superposed ? checkInt('d0', params.d0 ?? d, 1) : m;
  const eta = readoffScale(d, s, delta);
  let bank: FeatureBank | null = null;
  let Wd: Float32Array | null = null; // d × d0 row-major (superposed)
  if (superposed) {
    bank = new FeatureBank({ seed: params.seed, m, d0, kind: params.featureKind ?? 'gaussian' }, 64 * 2 ** 20);
    Wd = new Float32Array(d * d0);
    fillNormal(objStream(params.seed, 'gauss-W'), Wd, delta);
  }
  const maxCached = Math.max(16, Math.floor((params.cacheBytes ?? 128 * 2 ** 20) / (4 * d)));
  const cache = new Map<number, Float32Array>();
  const tmpPhi = new Float64Array(d0);
  const tmpCol = new Float64Array(d);
  function column(k: number): Float32Array {
    let v = cache.get(k);
    if (v) return v;
    v = new Float32Array(d);
    if (!superposed) {
      fillNormal(objStream(params.seed, 'gauss-col', k), tmpCol, delta);
      v.set(tmpCol);
    } else {
      const phi = bank!.get(k, tmpPhi);
      for (let i = 0; i < d; i++) {
        let acc = 0;
        const o = i * d0;
        for (let t = 0; t < d0; t++) acc += Wd![o + t] * phi[t];
        v[i] = acc;
      }
    }
    if (cache.size >= maxCached) cache.delete(cache.keys().next().value as number);
    cache.set(k, v);
    return v;
  }
  const activateVector = (x: ArrayLike<number>): Float64Array => {
    if (!Wd) throw new Error('activateVector needs the superposed construction');
    const a = new Float64Array(d);
    for (let i = 0; i < d; i++) {
      let acc = 0;
      const o = i * d0;
      for (let t = 0; t < d0; t++) acc += Wd[o + t] * x[t];
      a[i] = acc > 0 ? acc : 0;
    }
    return a;
  };
  return {
    m, d, eta, column, emptyReads: 0, activateVector, bank,
    params: { construction: superposed ? 'random-superposed' : 'random', m, d, s, delta, d0, eta, seed: String(params.seed) },
    activate(actives) {
      const a = new Float64Array(d);
      if (!superposed) {
        for (const k of actives) { const w = column(k); for (let i = 0; i < d; i++) a[i] += w[i]; }
      } else {
        return activateVector(bank!.encode(actives));
      }
      for (let i = 0; i < d; i++) if (a[i] < 0) a[i] = 0;
      return a;
    },
    read(a, k, l) {
      const u = column(k), v = column(l);
      let acc = 0;
      for (let i = 0; i < d; i++) {
        const ai = a[i];
        if (ai !== 0) acc += (u[i] > 0) === (v[i] > 0) ? ai : -ai;
      }
      return eta * acc;
    },
  };
}

/**
 * Single-feature read-off constant E[sgn(x) ReLU(x + z)] for independent z: since ReLU(t) − ReLU(−t) = t,
 * folding x ↦ −x gives E[x·1(x>0)] = 1/√(2π) whatever the distribution of z.
 */
export const C_SINGLE = INV_SQRT_2PI;
