// Tame rebalancing circuits C_X(n, h) = Σ_r (U_r, V_rᵀ) ⊗ C_X(n−k, clamp(h + Δ_r)), built from the
// block of state h. Explicit construction for n ≤ 14, and a randomised exact check modulo a prime
// that applies the recursion to vectors without materialising the circuit.
import type { SparseInt } from '../../core/sparse-int.js';
import type { Circuit } from './circuit.js';
import { blockData, clamp, stateBlocks, type BlockData, type ParamSet } from './params.js';
import { modp, mulmod, PRIME } from './modp.js';
import { disjointnessFormMod, randomVectorMod } from './circuit.js';
import type { Rng } from '../../core/rng.js';

interface Ctx {
  x: ParamSet;
  bd: BlockData[];
  iota: Int32Array;
}

function ctx(x: ParamSet): Ctx {
  return { x, bd: blockData(x), iota: stateBlocks(x) };
}

function checkN(x: ParamSet, n: number, max: number): void {
  if (!Number.isInteger(n) || n < 0 || n % x.k !== 0 || n > max) {
    throw new RangeError(`n must be a multiple of k = ${x.k} in [0, ${max}], got ${n}`);
  }
}

function checkH(x: ParamSet, h: number): void {
  if (!Number.isInteger(h) || h < 0 || h >= x.H) throw new RangeError(`h must be an integer in [0, ${x.H}), got ${h}`);
}

/** Gate-major lists of one side: supports per gate (all weights are +1 in tame circuits). */
type Side = number[][];

function build(c: Ctx, n: number, h: number, memo: Map<string, [Side, Side]>): [Side, Side] {
  if (n === 0) return [[[0]], [[0]]];
  const key = `${n}:${h}`;
  const got = memo.get(key);
  if (got) return got;
  const k = c.x.k;
  const sub = 2 ** (n - k);
  const b = c.bd[c.iota[h]];
  const as: Side = [];
  const bs: Side = [];
  b.terms.forEach((t, r) => {
    const [ca, cb] = build(c, n - k, clamp(h + b.offset[r], c.x.H), memo);
    for (let g = 0; g < ca.length; g++) {
      const ua: number[] = [];
      for (const x0 of t.u) for (const x1 of ca[g]) ua.push(x0 * sub + x1);
      const vb: number[] = [];
      for (const y0 of t.v) for (const y1 of cb[g]) vb.push(y0 * sub + y1);
      as.push(ua);
      bs.push(vb);
    }
  });
  const out: [Side, Side] = [as, bs];
  memo.set(key, out);
  return out;
}

function sideToSparse(side: Side, cols: number): SparseInt {
  const rowPtr = new Int32Array(side.length + 1);
  let n = 0;
  side.forEach((s, i) => { n += s.length; rowPtr[i + 1] = n; });
  const colIdx = new Int32Array(n);
  let k = 0;
  for (const s of side) { const sorted = [...s].sort((a, b) => a - b); for (const v of sorted) colIdx[k++] = v; }
  return { rows: side.length, cols, rowPtr, colIdx, val: new Int32Array(n).fill(1) };
}

/** C_X(n, h) built explicitly (n a multiple of k, n ≤ 14). */
export function buildTame(x: ParamSet, n: number, h: number): Circuit {
  checkN(x, n, 14);
  checkH(x, h);
  const [as, bs] = build(ctx(x), n, h, new Map());
  return { AT: sideToSparse(as, 2 ** n), B: sideToSparse(bs, 2 ** n) };
}

/** uᵀ A B v mod PRIME for C_X(n, h), by the recursion on block terms (u, v entries in [0, PRIME)). */
export function tameFormMod(x: ParamSet, n: number, h: number, u: Float64Array, v: Float64Array): number {
  checkN(x, n, 28);
  checkH(x, h);
  return formRec(ctx(x), n, h, u, v);
}

function formRec(c: Ctx, n: number, h: number, u: Float64Array, v: Float64Array): number {
  if (n === 0) return mulmod(u[0], v[0]);
  const k = c.x.k;
  const sub = 2 ** (n - k);
  const b = c.bd[c.iota[h]];
  const su = new Float64Array(sub);
  const sv = new Float64Array(sub);
  let total = 0;
  b.terms.forEach((t, r) => {
    // Contract the outer k bits: su = Σ_{x0 ∈ U_r} u[x0, ·], sv likewise with V_r.
    su.fill(0);
    for (const x0 of t.u) { const off = x0 * sub; for (let i = 0; i < sub; i++) su[i] += u[off + i]; }
    for (let i = 0; i < sub; i++) su[i] %= PRIME;
    sv.fill(0);
    for (const y0 of t.v) { const off = y0 * sub; for (let i = 0; i < sub; i++) sv[i] += v[off + i]; }
    for (let i = 0; i < sub; i++) sv[i] %= PRIME;
    total = modp(total + formRec(c, n - k, clamp(h + b.offset[r], c.x.H), su.slice(), sv.slice()));
  });
  return total;
}

export interface RandomCheck {
  ok: boolean;
  trials: number;
  prime: number;
  /** Bound on the probability that a circuit with AB ≠ R_n passes every trial. */
  falsePassBound: number;
}

/**
 * Randomised exact check that C_X(n, h) computes R_n: uᵀ(A(Bv)) = uᵀR_n v mod PRIME for random u, v.
 * The entries of AB − R_n are integers of absolute value below 2^n + 1 < PRIME, so a wrong circuit
 * gives a nonzero bilinear form mod PRIME, which vanishes with probability ≤ 2/PRIME per trial.
 */
export function randomCheckTame(x: ParamSet, n: number, h: number, rng: Rng, trials = 2): RandomCheck {
  checkN(x, n, 28);
  let ok = true;
  for (let t = 0; t < trials && ok; t++) {
    const u = randomVectorMod(rng, n);
    const v = randomVectorMod(rng, n);
    ok = tameFormMod(x, n, h, u, v) === disjointnessFormMod(u, v, n);
  }
  return { ok, trials, prime: PRIME, falsePassBound: (2 / PRIME) ** trials };
}

/** Size of C_X(n, h) by the recursion nnz(A) = Σ_r |U_r|·nnz(A_child), likewise for B. */
export function tameSize(x: ParamSet, n: number, h: number): { nnzA: number; nnzB: number; gates: number } {
  checkN(x, n, 1e9);
  checkH(x, h);
  const c = ctx(x);
  const memo = new Map<string, [number, number]>();
  const rec = (m: number, s: number): [number, number] => {
    if (m === 0) return [1, 1];
    const key = `${m}:${s}`;
    const got = memo.get(key);
    if (got) return got;
    const b = c.bd[c.iota[s]];
    let a = 0, bb = 0;
    b.terms.forEach((t, r) => {
      const [ca, cb] = rec(m - x.k, clamp(s + b.offset[r], x.H));
      a += t.u.length * ca;
      bb += t.v.length * cb;
    });
    memo.set(key, [a, bb]);
    return [a, bb];
  };
  const [nnzA, nnzB] = rec(n, h);
  return { nnzA, nnzB, gates: 2 ** n };
}
