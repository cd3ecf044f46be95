// Eigenvalues and eigenvectors of small dense symmetric matrices (cyclic Jacobi rotations).
// Jacobi is slow for large n but unconditionally accurate, which is what small spectral checks need.

export interface SymmetricEigen {
  /** Eigenvalues in ascending order. */
  values: number[];
  /** Column j of this row-major n×n matrix is the eigenvector of values[j]. */
  vectors: Float64Array;
}

/** Eigen-decomposition of a symmetric matrix given as rows (only symmetry within 1e-9 relative is accepted). */
export function symmetricEigen(a: ArrayLike<number>[] | number[][], maxSweeps = 100): SymmetricEigen {
  const n = a.length;
  if (n === 0) throw new RangeError('symmetricEigen: matrix must have at least one row');
  const m = new Float64Array(n * n);
  let scale = 0;
  for (let i = 0; i < n; i++) {
    if (a[i].length !== n) throw new RangeError(`symmetricEigen: row ${i} has length ${a[i].length}, expected ${n}`);
    for (let j = 0; j < n; j++) {
      const v = a[i][j];
      if (!Number.isFinite(v)) throw new RangeError(`symmetricEigen: entry (${i},${j}) is not finite`);
      m[i * n + j] = v;
      scale = Math.max(scale, Math.abs(v));
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Math.abs(m[i * n + j] - m[j * n + i]) > 1e-9 * Math.max(scale, 1e-300)) {
        throw new RangeError(`symmetricEigen: matrix is not symmetric at (${i},${j})`);
      }
      const s = 0.5 * (m[i * n + j] + m[j * n + i]);
      m[i * n + j] = s; m[j * n + i] = s;
    }
  }
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += m[i * n + j] ** 2;
    if (off <= 1e-30 * Math.max(scale * scale, 1e-300)) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        if (apq === 0) continue;
        const app = m[p * n + p], aqq = m[q * n + q];
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = m[k * n + p], akq = m[k * n + q];
          m[k * n + p] = c * akp - s * akq;
          m[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = m[p * n + k], aqk = m[q * n + k];
          m[p * n + k] = c * apk - s * aqk;
          m[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p], vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => m[x * n + x] - m[y * n + y]);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => { for (let k = 0; k < n; k++) vectors[k * n + dst] = v[k * n + src]; });
  return { values: order.map((i) => m[i * n + i]), vectors };
}

/** Smallest eigenvalue of a symmetric matrix. */
export function minEigenvalue(a: ArrayLike<number>[] | number[][]): number {
  return symmetricEigen(a).values[0];
}
