// Depth-2 linear circuits C = (A, B) with weights in {0, ±1}, stored gate-major: AT = Aᵀ
// (gates × inputs) and B (gates × outputs). Row vectors flow x ↦ xA ↦ xAB, so C computes AB.
// Gate-major storage makes sum (stack gates), Kronecker product and transpose one-liners.
import {
  colCounts, fromDense, kron as kronInt, multiplyDense, nnz, toDense, transpose as transposeInt, vstack,
  type SparseInt,
} from '../../core/sparse-int.js';
import { mulmod, modp, PRIME } from './modp.js';
import { applyMod, checkBits } from './disjointness.js';
import type { Rng } from '../../core/rng.js';

export interface Circuit {
  /** Aᵀ: one row per middle gate, listing the inputs wired to it. */
  AT: SparseInt;
  /** B: one row per middle gate, listing the outputs it feeds. */
  B: SparseInt;
}

export function gates(c: Circuit): number {
  return c.AT.rows;
}

/** Builds a circuit from dense A (inputs × gates) and B (gates × outputs). */
export function fromMatrices(A: number[][], B: number[][]): Circuit {
  const at = transposeInt(fromDense(A));
  const b = fromDense(B);
  if (at.rows !== b.rows) throw new RangeError(`A has ${at.rows} columns but B has ${b.rows} rows`);
  checkWeights(at, 'A');
  checkWeights(b, 'B');
  return { AT: at, B: b };
}

function checkWeights(m: SparseInt, name: string): void {
  for (let k = 0; k < nnz(m); k++) {
    const v = m.val[k];
    if (v !== 1 && v !== -1) throw new RangeError(`${name} has weight ${v}; weights must be 0 or ±1`);
  }
}

export function matrixA(c: Circuit): number[][] {
  return toDense(transposeInt(c.AT));
}

export function matrixB(c: Circuit): number[][] {
  return toDense(c.B);
}

/** S(C) = nnz(A) + nnz(B). */
export function size(c: Circuit): number {
  return nnz(c.AT) + nnz(c.B);
}

/** L_C(x) = nnz of row x of A, for every input x. */
export function leftDegrees(c: Circuit): Int32Array {
  return colCounts(c.AT);
}

/** R_C(y) = nnz of column y of B, for every output y. */
export function rightDegrees(c: Circuit): Int32Array {
  return colCounts(c.B);
}

/** D(C) = max over inputs and outputs of their degree (middle-gate degrees do not count). */
export function degree(c: Circuit): number {
  let d = 0;
  for (const v of leftDegrees(c)) d = Math.max(d, v);
  for (const v of rightDegrees(c)) d = Math.max(d, v);
  return d;
}

/** Concatenation sum: ([A A′], [B; B′]), computing M + M′. */
export function sum(c: Circuit, d: Circuit): Circuit {
  return { AT: vstack(c.AT, d.AT), B: vstack(c.B, d.B) };
}

/** Kronecker product (A⊗A′, B⊗B′), computing M⊗M′. */
export function kron(c: Circuit, d: Circuit): Circuit {
  return { AT: kronInt(c.AT, d.AT), B: kronInt(c.B, d.B) };
}

/** Cᵀ = (Bᵀ, Aᵀ), computing Mᵀ. */
export function transpose(c: Circuit): Circuit {
  return { AT: c.B, B: c.AT };
}

/** The exact product AB as a dense matrix (small circuits only). */
export function product(c: Circuit): number[][] {
  return multiplyDense(transposeInt(c.AT), c.B);
}

export interface ExactCheck {
  ok: boolean;
  /** First input row where AB differs from R_n (absent when ok). */
  badRow?: number;
  /** Number of (gate-path) products accumulated: Σ_g nnz(A[:,g])·nnz(B[g,:]). */
  work: number;
}

/**
 * Exact check that AB = R_n, one row at a time: row x of AB must be 1 exactly on the 2^{n−|x|}
 * masks disjoint from x and 0 elsewhere. Integer arithmetic; cost Σ_g |A[:,g]|·|B[g,:]| + 2^n.
 */
export function computesDisjointness(c: Circuit, n: number): ExactCheck {
  checkBits(n, 14);
  const N = 1 << n;
  if (c.AT.cols !== N || c.B.cols !== N) {
    throw new RangeError(`circuit is ${c.AT.cols}×${c.B.cols}, expected ${N}×${N} for n = ${n}`);
  }
  const A = transposeInt(c.AT);
  const B = c.B;
  const acc = new Int32Array(N);
  const touched = new Int32Array(N);
  const mark = new Uint8Array(N);
  let work = 0;
  for (let x = 0; x < N; x++) {
    let nt = 0;
    for (let ka = A.rowPtr[x]; ka < A.rowPtr[x + 1]; ka++) {
      const g = A.colIdx[ka];
      const va = A.val[ka];
      for (let kb = B.rowPtr[g]; kb < B.rowPtr[g + 1]; kb++) {
        const y = B.colIdx[kb];
        if (!mark[y]) { mark[y] = 1; touched[nt++] = y; }
        acc[y] += va * B.val[kb];
      }
      work += B.rowPtr[g + 1] - B.rowPtr[g];
    }
    let ones = 0;
    let bad = false;
    for (let t = 0; t < nt; t++) {
      const y = touched[t];
      const v = acc[y];
      mark[y] = 0;
      acc[y] = 0;
      if (v !== 0) {
        if (v !== 1 || (x & y) !== 0) bad = true;
        ones++;
      }
    }
    if (bad || ones !== 2 ** (n - popcount(x))) return { ok: false, badRow: x, work };
  }
  return { ok: true, work };
}

export function popcount(x: number): number {
  let c = 0;
  while (x) { x &= x - 1; c++; }
  return c;
}

/** uᵀ(A(Bv)) mod PRIME for an explicit circuit. */
export function bilinearMod(c: Circuit, u: Float64Array, v: Float64Array): number {
  const g = gates(c);
  let total = 0;
  for (let l = 0; l < g; l++) {
    let bu = 0;
    for (let k = c.AT.rowPtr[l]; k < c.AT.rowPtr[l + 1]; k++) bu += c.AT.val[k] * u[c.AT.colIdx[k]];
    let bv = 0;
    for (let k = c.B.rowPtr[l]; k < c.B.rowPtr[l + 1]; k++) bv += c.B.val[k] * v[c.B.colIdx[k]];
    total = modp(total + mulmod(modp(bu), modp(bv)));
  }
  return total;
}

/** uᵀ R_n v mod PRIME through the zeta transform. */
export function disjointnessFormMod(u: Float64Array, v: Float64Array, n: number): number {
  const rv = applyMod(v, n);
  let total = 0;
  for (let s = 0; s < u.length; s++) total = (total + mulmod(u[s], rv[s])) % PRIME;
  return total;
}

/** Uniform random vector in [0, PRIME)^(2^n). */
export function randomVectorMod(rng: Rng, n: number): Float64Array {
  const N = 1 << n;
  const v = new Float64Array(N);
  for (let i = 0; i < N; i++) v[i] = rng.u32() % PRIME;
  return v;
}
