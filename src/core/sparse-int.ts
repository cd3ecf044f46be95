// Sparse integer matrices in compressed-row form, with the structural operations needed for
// exact linear-algebra checks: transpose, Kronecker product, stacking, row and column counts.
// Values are small integers stored in an Int32Array, so all arithmetic on them is exact.

export interface SparseInt {
  rows: number;
  cols: number;
  /** rowPtr[i]..rowPtr[i+1] index the entries of row i. */
  rowPtr: Int32Array;
  colIdx: Int32Array;
  val: Int32Array;
}

function checkDims(rows: number, cols: number): void {
  if (!Number.isInteger(rows) || rows < 0) throw new RangeError(`rows must be a nonnegative integer, got ${rows}`);
  if (!Number.isInteger(cols) || cols < 0) throw new RangeError(`cols must be a nonnegative integer, got ${cols}`);
}

/** Builds a matrix from (row, col, value) triples; duplicates are summed and zeros dropped. */
export function fromTriples(rows: number, cols: number, triples: ArrayLike<number>[] | [number, number, number][]): SparseInt {
  checkDims(rows, cols);
  const perRow: Map<number, number>[] = Array.from({ length: rows }, () => new Map());
  for (const t of triples) {
    const [i, j, v] = [t[0], t[1], t[2]];
    if (!(Number.isInteger(i) && i >= 0 && i < rows)) throw new RangeError(`row index ${i} outside [0, ${rows})`);
    if (!(Number.isInteger(j) && j >= 0 && j < cols)) throw new RangeError(`column index ${j} outside [0, ${cols})`);
    if (!Number.isInteger(v)) throw new RangeError(`value ${v} must be an integer`);
    const m = perRow[i];
    m.set(j, (m.get(j) ?? 0) + v);
  }
  return fromRowMaps(rows, cols, perRow);
}

function fromRowMaps(rows: number, cols: number, perRow: Map<number, number>[]): SparseInt {
  const rowPtr = new Int32Array(rows + 1);
  let nnz = 0;
  for (let i = 0; i < rows; i++) {
    for (const v of perRow[i].values()) if (v !== 0) nnz++;
    rowPtr[i + 1] = nnz;
  }
  const colIdx = new Int32Array(nnz);
  const val = new Int32Array(nnz);
  let k = 0;
  for (let i = 0; i < rows; i++) {
    const entries = [...perRow[i].entries()].filter((e) => e[1] !== 0).sort((a, b) => a[0] - b[0]);
    for (const [j, v] of entries) { colIdx[k] = j; val[k] = v; k++; }
  }
  return { rows, cols, rowPtr, colIdx, val };
}

/** From a dense row-major array of arrays. */
export function fromDense(d: number[][]): SparseInt {
  const rows = d.length;
  const cols = rows ? d[0].length : 0;
  const t: [number, number, number][] = [];
  d.forEach((r, i) => {
    if (r.length !== cols) throw new RangeError(`row ${i} has ${r.length} entries, expected ${cols}`);
    r.forEach((v, j) => { if (v !== 0) t.push([i, j, v]); });
  });
  return fromTriples(rows, cols, t);
}

export function toDense(m: SparseInt): number[][] {
  const d = Array.from({ length: m.rows }, () => new Array<number>(m.cols).fill(0));
  for (let i = 0; i < m.rows; i++) for (let k = m.rowPtr[i]; k < m.rowPtr[i + 1]; k++) d[i][m.colIdx[k]] = m.val[k];
  return d;
}

export function nnz(m: SparseInt): number {
  return m.rowPtr[m.rows];
}

export function transpose(m: SparseInt): SparseInt {
  const cnt = new Int32Array(m.cols + 1);
  const n = nnz(m);
  for (let k = 0; k < n; k++) cnt[m.colIdx[k] + 1]++;
  for (let j = 0; j < m.cols; j++) cnt[j + 1] += cnt[j];
  const rowPtr = cnt.slice();
  const pos = cnt.slice(0, m.cols);
  const colIdx = new Int32Array(n);
  const val = new Int32Array(n);
  for (let i = 0; i < m.rows; i++) {
    for (let k = m.rowPtr[i]; k < m.rowPtr[i + 1]; k++) {
      const p = pos[m.colIdx[k]]++;
      colIdx[p] = i;
      val[p] = m.val[k];
    }
  }
  return { rows: m.cols, cols: m.rows, rowPtr, colIdx, val };
}

/** Kronecker product: (A⊗B)[(i0,i1),(j0,j1)] = A[i0,j0]·B[i1,j1], pairs flattened as i0·rows(B)+i1. */
export function kron(a: SparseInt, b: SparseInt): SparseInt {
  const rows = a.rows * b.rows;
  const cols = a.cols * b.cols;
  const n = nnz(a) * nnz(b);
  if (n > 2 ** 31 - 1) throw new RangeError(`kron: ${n} nonzeros exceed the supported size`);
  const rowPtr = new Int32Array(rows + 1);
  const colIdx = new Int32Array(n);
  const val = new Int32Array(n);
  let k = 0;
  for (let i0 = 0; i0 < a.rows; i0++) {
    for (let i1 = 0; i1 < b.rows; i1++) {
      for (let ka = a.rowPtr[i0]; ka < a.rowPtr[i0 + 1]; ka++) {
        const base = a.colIdx[ka] * b.cols;
        const va = a.val[ka];
        for (let kb = b.rowPtr[i1]; kb < b.rowPtr[i1 + 1]; kb++) {
          colIdx[k] = base + b.colIdx[kb];
          val[k] = va * b.val[kb];
          k++;
        }
      }
      rowPtr[i0 * b.rows + i1 + 1] = k;
    }
  }
  return { rows, cols, rowPtr, colIdx, val };
}

/** [A B]: side by side (same number of rows). */
export function hstack(a: SparseInt, b: SparseInt): SparseInt {
  if (a.rows !== b.rows) throw new RangeError(`hstack: row counts differ (${a.rows} vs ${b.rows})`);
  const n = nnz(a) + nnz(b);
  const rowPtr = new Int32Array(a.rows + 1);
  const colIdx = new Int32Array(n);
  const val = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < a.rows; i++) {
    for (let q = a.rowPtr[i]; q < a.rowPtr[i + 1]; q++) { colIdx[k] = a.colIdx[q]; val[k++] = a.val[q]; }
    for (let q = b.rowPtr[i]; q < b.rowPtr[i + 1]; q++) { colIdx[k] = a.cols + b.colIdx[q]; val[k++] = b.val[q]; }
    rowPtr[i + 1] = k;
  }
  return { rows: a.rows, cols: a.cols + b.cols, rowPtr, colIdx, val };
}

/** [A; B]: one above the other (same number of columns). */
export function vstack(a: SparseInt, b: SparseInt): SparseInt {
  if (a.cols !== b.cols) throw new RangeError(`vstack: column counts differ (${a.cols} vs ${b.cols})`);
  const na = nnz(a);
  const rowPtr = new Int32Array(a.rows + b.rows + 1);
  rowPtr.set(a.rowPtr, 0);
  for (let i = 1; i <= b.rows; i++) rowPtr[a.rows + i] = na + b.rowPtr[i];
  const colIdx = new Int32Array(na + nnz(b));
  colIdx.set(a.colIdx.subarray(0, na), 0);
  colIdx.set(b.colIdx.subarray(0, nnz(b)), na);
  const val = new Int32Array(na + nnz(b));
  val.set(a.val.subarray(0, na), 0);
  val.set(b.val.subarray(0, nnz(b)), na);
  return { rows: a.rows + b.rows, cols: a.cols, rowPtr, colIdx, val };
}

/** Number of nonzeros in each row. */
export function rowCounts(m: SparseInt): Int32Array {
  const c = new Int32Array(m.rows);
  for (let i = 0; i < m.rows; i++) c[i] = m.rowPtr[i + 1] - m.rowPtr[i];
  return c;
}

/** Number of nonzeros in each column. */
export function colCounts(m: SparseInt): Int32Array {
  const c = new Int32Array(m.cols);
  const n = nnz(m);
  for (let k = 0; k < n; k++) c[m.colIdx[k]]++;
  return c;
}

/** Exact dense product of two small matrices (for tests and tiny cases). */
export function multiplyDense(a: SparseInt, b: SparseInt): number[][] {
  if (a.cols !== b.rows) throw new RangeError(`multiply: inner dimensions differ (${a.cols} vs ${b.rows})`);
  const out = Array.from({ length: a.rows }, () => new Array<number>(b.cols).fill(0));
  for (let i = 0; i < a.rows; i++) {
    for (let ka = a.rowPtr[i]; ka < a.rowPtr[i + 1]; ka++) {
      const l = a.colIdx[ka];
      for (let kb = b.rowPtr[l]; kb < b.rowPtr[l + 1]; kb++) out[i][b.colIdx[kb]] += a.val[ka] * b.val[kb];
    }
  }
  return out;
}
