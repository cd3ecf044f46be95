// Sparse {0,±1} matrices stored both by column (feature → neurons) and by row (neuron → features),
// with sorted Int32Array indices so supports intersect by merging.
import { bernoulliSubset, checkInt, checkNum, objStream, type Seed } from './sampling.js';

export interface SparseSigned {
  rows: number;
  cols: number;
  /** Column k's row indices are colIdx[colPtr[k] .. colPtr[k+1]), ascending. */
  colPtr: Int32Array;
  colIdx: Int32Array;
  /** ±1 per column entry (all +1 for 0/1 matrices). */
  colSign: Int8Array;
  rowPtr: Int32Array;
  rowIdx: Int32Array;
  rowSign: Int8Array;
}

/**
 * A rows×cols random matrix with iid entries: nonzero with probability p, the nonzero value +1
 * (signed = false) or ±1 with equal probability (signed = true). Column k comes from stream (seed, tag, k).
 */
export function randomSparse(seed: Seed, tag: string, rows: number, cols: number, p: number, signed: boolean): SparseSigned {
  checkInt('rows', rows, 1);
  checkInt('cols', cols, 1);
  checkNum('p', p, 0, 1);
  const colsIdx: Int32Array[] = [];
  const colsSign: Int8Array[] = [];
  let nnz = 0;
  for (let k = 0; k < cols; k++) {
    const rng = objStream(seed, tag, k);
    const idx = bernoulliSubset(rng, rows, p);
    const sg = new Int8Array(idx.length).fill(1);
    if (signed) for (let j = 0; j < idx.length; j++) sg[j] = rng.u32() & 1 ? 1 : -1;
    colsIdx.push(idx); colsSign.push(sg);
    nnz += idx.length;
  }
  return fromColumns(rows, cols, colsIdx, colsSign, nnz);
}

/** Build both orientations from per-column sorted index lists. */
export function fromColumns(rows: number, cols: number, colsIdx: Int32Array[], colsSign: Int8Array[], nnz: number): SparseSigned {
  const colPtr = new Int32Array(cols + 1);
  const colIdx = new Int32Array(nnz);
  const colSign = new Int8Array(nnz);
  const rowCount = new Int32Array(rows + 1);
  let o = 0;
  for (let k = 0; k < cols; k++) {
    colPtr[k] = o;
    colIdx.set(colsIdx[k], o);
    colSign.set(colsSign[k], o);
    for (const i of colsIdx[k]) rowCount[i + 1]++;
    o += colsIdx[k].length;
  }
  colPtr[cols] = o;
  const rowPtr = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) rowPtr[i + 1] = rowPtr[i] + rowCount[i + 1];
  const fill = rowPtr.slice(0, rows);
  const rowIdx = new Int32Array(nnz);
  const rowSign = new Int8Array(nnz);
  for (let k = 0; k < cols; k++) {
    for (let j = colPtr[k]; j < colPtr[k + 1]; j++) {
      const i = colIdx[j];
      rowIdx[fill[i]] = k;
      rowSign[fill[i]] = colSign[j];
      fill[i]++;
    }
  }
  return { rows, cols, colPtr, colIdx, colSign, rowPtr, rowIdx, rowSign };
}

export function nnz(W: SparseSigned): number {
  return W.colPtr[W.cols];
}

export function colSize(W: SparseSigned, k: number): number {
  return W.colPtr[k + 1] - W.colPtr[k];
}

/** |Γ(k) ∩ Γ(l)| by merging sorted supports; optionally collects the common rows into `out`. */
export function intersectCols(W: SparseSigned, k: number, l: number, out?: number[]): number {
  let a = W.colPtr[k];
  const ae = W.colPtr[k + 1];
  let b = W.colPtr[l];
  const be = W.colPtr[l + 1];
  let n = 0;
  while (a < ae && b < be) {
    const x = W.colIdx[a], y = W.colIdx[b];
    if (x === y) { n++; if (out) out.push(x); a++; b++; } else if (x < y) a++; else b++;
  }
  return n;
}

/** y = W·x for a dense x (length cols), accumulated in Float64. */
export function sparseMatVec(W: SparseSigned, x: ArrayLike<number>, y = new Float64Array(W.rows)): Float64Array {
  y.fill(0);
  for (let i = 0; i < W.rows; i++) {
    let s = 0;
    for (let j = W.rowPtr[i]; j < W.rowPtr[i + 1]; j++) s += W.rowSign[j] * x[W.rowIdx[j]];
    y[i] = s;
  }
  return y;
}

/** y = W·b for a 0/1 vector given by its active columns (sum of the active columns). */
export function sparseColumnSum(W: SparseSigned, actives: ArrayLike<number>, y = new Float64Array(W.rows)): Float64Array {
  y.fill(0);
  for (let t = 0; t < actives.length; t++) {
    const k = actives[t];
    for (let j = W.colPtr[k]; j < W.colPtr[k + 1]; j++) y[W.colIdx[j]] += W.colSign[j];
  }
  return y;
}

/** z = Wᵀ·y (length cols), accumulated in Float64. */
export function sparseTransposeMatVec(W: SparseSigned, y: ArrayLike<number>, z = new Float64Array(W.cols)): Float64Array {
  for (let k = 0; k < W.cols; k++) {
    let s = 0;
    for (let j = W.colPtr[k]; j < W.colPtr[k + 1]; j++) s += W.colSign[j] * y[W.colIdx[j]];
    z[k] = s;
  }
  return z;
}
