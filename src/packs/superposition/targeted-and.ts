// C7: targeted superpositional AND (Thm 12). For each gate (edge k–l) a random neuron set Σ_kl of size ≈ A = √(d/s);
// feature k writes with a random sign σ_{k,i} into Σ_k = ∪_l Σ_kl; neuron i computes ReLU(Σ_k σ_{k,i}ŷ_k − 1) and so
// fires iff two active features both have sign +1 there. AND(k,l) is read off as the mean activation over
// Σ^out_kl = {i ∈ Σ_kl : σ_{k,i} = σ_{l,i} = +1} (normalised by its actual size instead of the paper's 4/A).
import { bernoulliSubset, checkInt, checkNum, objStream, type Seed } from './sampling.js';
import { hash32 } from '../../core/rng.js';

export interface TargetedAnd {
  m: number;
  d: number;
  edges: Array<[number, number]>;
  /** Per feature: neuron indices and signs (CSC-like, duplicates merged). */
  featPtr: Int32Array;
  featIdx: Int32Array;
  featSign: Int8Array;
  /** Per edge: the read-off neurons Σ^out. */
  outPtr: Int32Array;
  outIdx: Int32Array;
}

export function buildTargetedAnd(opts: { m: number; d: number; s: number; edges: Array<[number, number]>; seed: Seed; tag?: string; scale?: number }): TargetedAnd {
  const m = checkInt('m', opts.m, 2);
  const d = checkInt('d', opts.d, 1);
  const s = checkInt('s', opts.s, 1);
  const scale = checkNum('scale', opts.scale ?? 1, 0, 1e6, true);
  const A = Math.min(d, scale * Math.sqrt(d / s));
  const tag = opts.tag ?? 'tand';
  // Signs σ_{k,i} are a fixed function of (k, i) so that every edge through k agrees on them.
  const salt = hash32(`${opts.seed}\u0000${tag}-sign`);
  const signOf = (k: number, i: number): number => {
    // A fixed pseudo-random sign per (k, i): murmur3-style mixing of the pair with a seed-dependent salt.
    let h = (salt ^ Math.imul(k + 1, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca77)) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
    return (h ^ (h >>> 16)) & 1 ? 1 : -1;
  };
  const perFeat: Map<number, number>[] = Array.from({ length: m }, () => new Map());
  const outLists: number[][] = [];
  opts.edges.forEach(([k, l], e) => {
    checkInt(`edges[${e}][0]`, k, 0, m - 1);
    checkInt(`edges[${e}][1]`, l, 0, m - 1);
    if (k === l) throw new RangeError(`edges[${e}] joins feature ${k} to itself`);
    const sigma = bernoulliSubset(objStream(opts.seed, `${tag}-edge`, e), d, A / d);
    const out: number[] = [];
    for (const i of sigma) {
      let sk = perFeat[k].get(i); if (sk === undefined) { sk = signOf(k, i); perFeat[k].set(i, sk); }
      let sl = perFeat[l].get(i); if (sl === undefined) { sl = signOf(l, i); perFeat[l].set(i, sl); }
      if (sk > 0 && sl > 0) out.push(i);
    }
    outLists.push(out);
  });
  const featPtr = new Int32Array(m + 1);
  perFeat.forEach((mp, k) => { featPtr[k + 1] = featPtr[k] + mp.size; });
  const featIdx = new Int32Array(featPtr[m]);
  const featSign = new Int8Array(featPtr[m]);
  perFeat.forEach((mp, k) => {
    let o = featPtr[k];
    for (const [i, sg] of [...mp.entries()].sort((x, y) => x[0] - y[0])) { featIdx[o] = i; featSign[o] = sg; o++; }
  });
  const outPtr = new Int32Array(outLists.length + 1);
  outLists.forEach((l, e) => { outPtr[e + 1] = outPtr[e] + l.length; });
  const outIdx = new Int32Array(outPtr[outLists.length]);
  outLists.forEach((l, e) => outIdx.set(l, outPtr[e]));
  return { m, d, edges: opts.edges, featPtr, featIdx, featSign, outPtr, outIdx };
}

/** Hidden activations ReLU(Σ_k σ_{k,i} ŷ_k − 1) for input read-offs ŷ (length m). */
export function targetedActivate(T: TargetedAnd, yhat: ArrayLike<number>): Float64Array {
  const a = new Float64Array(T.d).fill(-1);
  for (let k = 0; k < T.m; k++) {
    const y = yhat[k];
    if (y === 0) continue;
    for (let j = T.featPtr[k]; j < T.featPtr[k + 1]; j++) a[T.featIdx[j]] += T.featSign[j] * y;
  }
  for (let i = 0; i < T.d; i++) if (a[i] < 0) a[i] = 0;
  return a;
}

/** AND read-off per edge: mean activation over Σ^out (0 and counted as empty when Σ^out is empty). */
export function targetedRead(T: TargetedAnd, a: ArrayLike<number>): { values: Float64Array; empty: number } {
  const E = T.edges.length;
  const values = new Float64Array(E);
  let empty = 0;
  for (let e = 0; e < E; e++) {
    const n = T.outPtr[e + 1] - T.outPtr[e];
    if (n === 0) { empty++; continue; }
    let s = 0;
    for (let j = T.outPtr[e]; j < T.outPtr[e + 1]; j++) s += a[T.outIdx[j]];
    values[e] = s / n;
  }
  return { values, empty };
}
