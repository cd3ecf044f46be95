// Feature encodings Φ (columns φ_k in R^{d0}) and their read-offs. Features are regenerated from
// (seed, k), so m = 10^5 features need no m×d0 storage; `FeatureBank` caches a dense copy when it fits.
import { checkInt, fillNormal, objStream, type Seed } from './sampling.js';

export type FeatureKind = 'gaussian' | 'rademacher';

export interface FeatureSpec { seed: Seed; m: number; d0: number; kind?: FeatureKind }

/** φ_k: a unit vector, Gaussian normalised (Cor 29) or random ±1/√d0 (Rademacher). */
export function featureVector(spec: FeatureSpec, k: number, out: Float64Array = new Float64Array(spec.d0)): Float64Array {
  checkInt('feature index k', k, 0, spec.m - 1);
  const rng = objStream(spec.seed, `phi-${spec.kind ?? 'gaussian'}`, k);
  if ((spec.kind ?? 'gaussian') === 'rademacher') {
    const v = 1 / Math.sqrt(spec.d0);
    for (let i = 0; i < spec.d0; i++) out[i] = rng.u32() & 1 ? v : -v;
    return out;
  }
  fillNormal(rng, out);
  let n = 0;
  for (let i = 0; i < spec.d0; i++) n += out[i] * out[i];
  const inv = 1 / Math.sqrt(n);
  for (let i = 0; i < spec.d0; i++) out[i] *= inv;
  return out;
}

/** Feature vectors with an optional dense cache (row k = φ_k, Float32). */
export class FeatureBank {
  readonly spec: FeatureSpec;
  private dense: Float32Array | null;
  private tmp: Float64Array;
  constructor(spec: FeatureSpec, maxDenseBytes = 256 * 2 ** 20) {
    checkInt('m', spec.m, 1);
    checkInt('d0', spec.d0, 1);
    this.spec = spec;
    this.tmp = new Float64Array(spec.d0);
    this.dense = null;
    if (spec.m * spec.d0 * 4 <= maxDenseBytes) {
      const D = new Float32Array(spec.m * spec.d0);
      for (let k = 0; k < spec.m; k++) D.set(featureVector(spec, k, this.tmp), k * spec.d0);
      this.dense = D;
    }
  }
  get m(): number { return this.spec.m; }
  get d0(): number { return this.spec.d0; }
  /** φ_k into `out` (a view of the cache when dense). */
  get(k: number, out: Float64Array = new Float64Array(this.spec.d0)): Float64Array {
    if (this.dense) {
      const o = k * this.spec.d0;
      for (let i = 0; i < this.spec.d0; i++) out[i] = this.dense[o + i];
      return out;
    }
    return featureVector(this.spec, k, out);
  }
  /** x = Σ_k b_k φ_k for the active set (plus optional per-feature coefficients). */
  encode(actives: ArrayLike<number>, coef?: ArrayLike<number>): Float64Array {
    const x = new Float64Array(this.spec.d0);
    for (let j = 0; j < actives.length; j++) {
      const v = this.get(actives[j], this.tmp);
      const c = coef ? coef[j] : 1;
      for (let i = 0; i < x.length; i++) x[i] += c * v[i];
    }
    return x;
  }
  /** Read-off φ_k · x (R = Φᵀ, footnote 1). */
  read(x: ArrayLike<number>, k: number): number {
    const d0 = this.spec.d0;
    let s = 0;
    if (this.dense) {
      const o = k * d0;
      for (let i = 0; i < d0; i++) s += this.dense[o + i] * x[i];
      return s;
    }
    const v = featureVector(this.spec, k, this.tmp);
    for (let i = 0; i < d0; i++) s += v[i] * x[i];
    return s;
  }
  /** All read-offs Φᵀx (length m). */
  readAll(x: ArrayLike<number>): Float64Array {
    const out = new Float64Array(this.spec.m);
    for (let k = 0; k < this.spec.m; k++) out[k] = this.read(x, k);
    return out;
  }
}

/** Max |φ_k·φ_l| over k ≠ l (coherence μ) for a bank small enough to compare all pairs. */
export function coherence(bank: FeatureBank): number {
  const m = bank.m;
  let mu = 0;
  const a = new Float64Array(bank.d0);
  for (let k = 0; k < m; k++) {
    bank.get(k, a);
    for (let l = k + 1; l < m; l++) mu = Math.max(mu, Math.abs(bank.read(a, l)));
  }
  return mu;
}
