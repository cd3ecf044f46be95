// C1 / C2 / C5: the sparse Bernoulli U-AND layer (Thm 1, Thm 2, Lemma 5).
// W_in[i,k] = 1 with probability p = c/d^{1/n}, bias −(n−1); the AND of a tuple is read off as the average
// activation over the neurons connected to every member (Γ(k1..kn)).
import { FeatureBank, type FeatureKind } from './features.js';
import type { UandModel } from './model.js';
import { checkInt, checkNum, type Seed } from './sampling.js';
import { randomSparse, intersectCols, sparseColumnSum, type SparseSigned } from './sparse.js';

export interface SparseUandParams {
  m: number;
  d: number;
  seed: Seed;
  /** Fan-in of the ANDs (2 = pairs; Lemma 5 for n > 2). */
  n?: number;
  /** Density constant: p = c/d^{1/n}. Defaults to (n ln m + 4)^{1/n}. */
  c?: number;
  /** Explicit connection probability (overrides c). */
  p?: number;
  /** Inputs in superposition (C2): x = Φb in R^{d0}, first layer W_in·Φᵀ. */
  superposed?: boolean;
  d0?: number;
  featureKind?: FeatureKind;
}

/** Practical density constant (notes §4): c^n ≈ n ln m + 4, so that no Γ(k1..kn) is empty. */
export function defaultDensityConstant(m: number, n = 2): number {
  return Math.pow(n * Math.log(m) + 4, 1 / n);
}

export interface SparseUand extends UandModel {
  W: SparseSigned;
  p: number;
  n: number;
  bank: FeatureBank | null;
  /** Dense W_in·Φᵀ (d × d0, row-major) for superposed inputs. */
  Wp: Float32Array | null;
  readTuple(a: Float64Array, ks: number[]): number;
}

export function buildSparseUand(params: SparseUandParams): SparseUand {
  const m = checkInt('m', params.m, 2);
  const d = checkInt('d', params.d, 1);
  const n = checkInt('n', params.n ?? 2, 1, 8);
  const c = params.c ?? defaultDensityConstant(m, n);
  checkNum('c', c, 0, 1e6, true);
  const p = params.p ?? Math.min(1, c / Math.pow(d, 1 / n));
  checkNum('p', p, 0, 1, true);
  const W = randomSparse(params.seed, 'uand-W', d, m, p, false);
  let bank: FeatureBank | null = null;
  let Wp: Float32Array | null = null;
  const d0 = params.superposed ? checkInt('d0', params.d0 ?? d, 1) : m;
  if (params.superposed) {
    bank = new FeatureBank({ seed: params.seed, m, d0, kind: params.featureKind ?? 'gaussian' });
    Wp = new Float32Array(d * d0);
    const phi = new Float64Array(d0);
    for (let k = 0; k < m; k++) {
      bank.get(k, phi);
      for (let j = W.colPtr[k]; j < W.colPtr[k + 1]; j++) {
        const o = W.colIdx[j] * d0;
        for (let t = 0; t < d0; t++) Wp[o + t] += phi[t];
      }
    }
  }
  const bias = -(n - 1);
  const sum = new Float64Array(m);
  const cnt = new Int32Array(m);
  const common: number[] = [];
  const model: SparseUand = {
    m, d, W, p, n, bank, Wp, emptyReads: 0,
    params: { construction: params.superposed ? 'superposed' : 'sparse', m, d, n, c, p, d0, seed: String(params.seed) },
    activate(actives) {
      let pre: Float64Array;
      if (!Wp) {
        pre = sparseColumnSum(W, actives);
      } else {
        const x = bank!.encode(actives);
        pre = new Float64Array(d);
        for (let i = 0; i < d; i++) {
          let s = 0;
          const o = i * d0;
          for (let t = 0; t < d0; t++) s += Wp[o + t] * x[t];
          pre[i] = s;
        }
      }
      for (let i = 0; i < d; i++) pre[i] = Math.max(0, pre[i] + bias);
      return pre;
    },
    read(a, k, l) {
      common.length = 0;
      const g = intersectCols(W, k, l, common);
      if (g === 0) { model.emptyReads++; return 0; }
      let s = 0;
      for (const i of common) s += a[i];
      return s / g;
    },
    readTuple(a, ks) {
      let set = Array.from(W.colIdx.subarray(W.colPtr[ks[0]], W.colPtr[ks[0] + 1]));
      for (let t = 1; t < ks.length; t++) {
        const other = new Set(W.colIdx.subarray(W.colPtr[ks[t]], W.colPtr[ks[t] + 1]));
        set = set.filter((i) => other.has(i));
      }
      if (set.length === 0) { model.emptyReads++; return 0; }
      let s = 0;
      for (const i of set) s += a[i];
      return s / set.length;
    },
    readRow(a, k, out) {
      // Σ over i ∈ Γ(k) of a_i into every feature l connected to i: cost Σ_{i∈Γ(k)} |S_i| ≈ p²dm.
      sum.fill(0); cnt.fill(0);
      for (let j = W.colPtr[k]; j < W.colPtr[k + 1]; j++) {
        const i = W.colIdx[j];
        const ai = a[i];
        for (let r = W.rowPtr[i]; r < W.rowPtr[i + 1]; r++) { const l = W.rowIdx[r]; sum[l] += ai; cnt[l]++; }
      }
      for (let l = 0; l < m; l++) {
        if (cnt[l] === 0) { if (l !== k) model.emptyReads++; out[l] = 0; } else out[l] = sum[l] / cnt[l];
      }
    },
    riskPairs(a, actives, max, pick) {
      // Inactive pairs sharing a neuron that fires (basis inputs) or one of the most active neurons (superposed).
      const act = new Set(actives);
      const order = Array.from({ length: d }, (_, i) => i).filter((i) => a[i] > 0).sort((x, y) => a[y] - a[x]);
      const top = order.slice(0, Math.max(1, Math.min(order.length, 64)));
      const out: Array<[number, number]> = [];
      if (top.length === 0 || a[top[0]] <= 0) return out;
      for (let t = 0; t < max * 4 && out.length < max; t++) {
        const i = top[pick(top.length)];
        const len = W.rowPtr[i + 1] - W.rowPtr[i];
        if (len < 2) continue;
        const k = W.rowIdx[W.rowPtr[i] + pick(len)];
        const l = W.rowIdx[W.rowPtr[i] + pick(len)];
        if (k !== l && !act.has(k) && !act.has(l)) out.push([Math.min(k, l), Math.max(k, l)]);
      }
      return out;
    },
  };
  return model;
}
