// GroupSort activation (thesis Eq. 2.9): sorts each row's entries ascending within consecutive
// groups of `groupSize`. It is a permutation, so it is 1-Lipschitz in every p-norm and its
// Jacobian is a permutation matrix (gradient norm preserved, unlike ReLU).
import type { Tape, Tensor, Vec } from '../../core/autodiff.js';
import { custom } from '../../core/autodiff.js';

export function checkGroupSize(width: number, groupSize: number): void {
  if (!Number.isInteger(groupSize) || groupSize < 1 || width % groupSize !== 0) {
    throw new RangeError(`groupSize must be a positive integer dividing the layer width ${width}, got ${groupSize}`);
  }
}

/** Sorts `src[so .. so+k)` ascending into `dst[off .. off+k)`, recording in `perm` which source slot each output came from. */
function sortGroup(src: ArrayLike<number>, so: number, dst: Vec, off: number, perm: Int32Array | null, k: number): void {
  if (k === 2) {
    const a = src[so], b = src[so + 1];
    const swap = b < a;
    dst[off] = swap ? b : a; dst[off + 1] = swap ? a : b;
    if (perm) { perm[off] = swap ? off + 1 : off; perm[off + 1] = swap ? off : off + 1; }
    return;
  }
  // Insertion sort: groups are small (and a full sort of a width-20 layer is still cheap).
  for (let i = 0; i < k; i++) {
    const v = src[so + i];
    let j = i - 1;
    while (j >= 0 && dst[off + j] > v) {
      dst[off + j + 1] = dst[off + j];
      if (perm) perm[off + j + 1] = perm[off + j];
      j--;
    }
    dst[off + j + 1] = v;
    if (perm) perm[off + j + 1] = off + i;
  }
}

/** GroupSort on a tape. */
export function groupSort(tape: Tape, x: Tensor, groupSize: number): Tensor {
  checkGroupSize(x.cols, groupSize);
  const n = x.data.length;
  const out: Tensor = { rows: x.rows, cols: x.cols, data: new Float64Array(n), grad: new Float64Array(n), needsGrad: x.needsGrad };
  const perm = new Int32Array(n);
  for (let off = 0; off < n; off += groupSize) sortGroup(x.data, off, out.data, off, perm, groupSize);
  return custom(tape, [x], out, () => {
    for (let i = 0; i < n; i++) x.grad[perm[i]] += out.grad[i];
  });
}

/** GroupSort in place on a plain row-major buffer (inference path). */
export function groupSortInPlace(buf: Float64Array, groupSize: number): void {
  const tmp = new Float64Array(groupSize);
  for (let off = 0; off < buf.length; off += groupSize) {
    for (let t = 0; t < groupSize; t++) tmp[t] = buf[off + t];
    sortGroup(tmp, 0, buf, off, null, groupSize);
  }
}
