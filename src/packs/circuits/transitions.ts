// Transition matrices A_0 … A_k of a tame parameter set: A_i[u][v] counts the terms of the block
// used in state u whose U contains the weight-i row x_i = 2^i − 1 and whose offset moves u to v.
// By Prop 3.2 the left degree of an input of C_X(km, h) is ‖e_hᵀ A_{i_1} ⋯ A_{i_m}‖₁.
import { blockData, clamp, stateBlocks, type ParamSet } from './params.js';

/** One H×H nonnegative integer matrix per weight i, as sorted (u, v, value) rows in CSR form. */
export interface Transitions {
  k: number;
  H: number;
  /** For each i: rowPtr (H+1), col, val. */
  mats: { rowPtr: Int32Array; col: Int32Array; val: Float64Array }[];
}

export function buildTransitions(x: ParamSet): Transitions {
  const bd = blockData(x);
  const iota = stateBlocks(x);
  const mats: Transitions['mats'] = [];
  for (let i = 0; i <= x.k; i++) {
    const xi = 2 ** i - 1;
    const rowPtr = new Int32Array(x.H + 1);
    const col: number[] = [];
    const val: number[] = [];
    for (let u = 0; u < x.H; u++) {
      const b = bd[iota[u]];
      const counts = new Map<number, number>();
      b.terms.forEach((t, r) => {
        if (t.u.includes(xi)) {
          const v = clamp(u + b.offset[r], x.H);
          counts.set(v, (counts.get(v) ?? 0) + 1);
        }
      });
      for (const v of [...counts.keys()].sort((p, q) => p - q)) { col.push(v); val.push(counts.get(v)!); }
      rowPtr[u + 1] = col.length;
    }
    mats.push({ rowPtr, col: Int32Array.from(col), val: Float64Array.from(val) });
  }
  return { k: x.k, H: x.H, mats };
}

export function transitionsNnz(t: Transitions): number {
  return t.mats.reduce((s, m) => s + m.col.length, 0);
}

/** The published text form: header `k H N`, then `i u v value` lines sorted by (i, u, v), no final newline. */
export function formatTransitions(t: Transitions): string {
  const lines = [`${t.k} ${t.H} ${transitionsNnz(t)}`];
  t.mats.forEach((m, i) => {
    for (let u = 0; u < t.H; u++) for (let q = m.rowPtr[u]; q < m.rowPtr[u + 1]; q++) lines.push(`${i} ${u} ${m.col[q]} ${m.val[q]}`);
  });
  return lines.join('\n');
}

/** Parses the published text form. */
export function parseTransitions(text: string): Transitions {
  const lines = text.trim().split('\n');
  const [k, H, N] = lines[0].split(' ').map(Number);
  if (!(Number.isInteger(k) && Number.isInteger(H) && Number.isInteger(N))) throw new RangeError('transition file: bad header, expected "k H N"');
  if (lines.length !== N + 1) throw new RangeError(`transition file: header says ${N} entries, found ${lines.length - 1}`);
  const rows: [number, number, number][][] = Array.from({ length: k + 1 }, () => []);
  for (let l = 1; l <= N; l++) {
    const [i, u, v, val] = lines[l].split(' ').map(Number);
    if (!(i >= 0 && i <= k && u >= 0 && u < H && v >= 0 && v < H && val > 0)) throw new RangeError(`transition file: bad line ${l + 1}: '${lines[l]}'`);
    rows[i].push([u, v, val]);
  }
  const mats = rows.map((r) => {
    r.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const rowPtr = new Int32Array(H + 1);
    for (const [u] of r) rowPtr[u + 1]++;
    for (let u = 0; u < H; u++) rowPtr[u + 1] += rowPtr[u];
    return { rowPtr, col: Int32Array.from(r.map((e) => e[1])), val: Float64Array.from(r.map((e) => e[2])) };
  });
  return { k, H, mats };
}

/** Row vector times A_i: out[v] = Σ_u x[u]·A_i[u][v]. */
export function rowTimes(t: Transitions, i: number, x: Float64Array, out = new Float64Array(t.H)): Float64Array {
  out.fill(0);
  const m = t.mats[i];
  for (let u = 0; u < t.H; u++) {
    const xu = x[u];
    if (xu === 0) continue;
    for (let q = m.rowPtr[u]; q < m.rowPtr[u + 1]; q++) out[m.col[q]] += xu * m.val[q];
  }
  return out;
}

/** ‖e_hᵀ A_{w_1} ⋯ A_{w_m}‖₁: the left degree of an input whose k-bit blocks (outermost first) have weights w. */
export function leftDegreeByWeights(t: Transitions, h: number, weights: number[]): number {
  let x: Float64Array = new Float64Array(t.H);
  x[h] = 1;
  for (const w of weights) x = rowTimes(t, w, x);
  let s = 0;
  for (const v of x) s += v;
  return s;
}
