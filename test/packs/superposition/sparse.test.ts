import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intersectCols, nnz, randomSparse, sparseColumnSum, sparseMatVec, sparseTransposeMatVec } from '../../../src/packs/superposition/sparse.js';

test('row and column orientations hold the same entries', () => {
  const W = randomSparse(1, 't', 30, 40, 0.2, true);
  const dense = new Map<string, number>();
  for (let k = 0; k < W.cols; k++) for (let j = W.colPtr[k]; j < W.colPtr[k + 1]; j++) dense.set(`${W.colIdx[j]},${k}`, W.colSign[j]);
  let count = 0;
  for (let i = 0; i < W.rows; i++) for (let j = W.rowPtr[i]; j < W.rowPtr[i + 1]; j++) { assert.equal(dense.get(`${i},${W.rowIdx[j]}`), W.rowSign[j]); count++; }
  assert.equal(count, nnz(W));
  const x = Array.from({ length: 40 }, (_, k) => (k % 3) - 1);
  const y = sparseMatVec(W, x);
  for (let i = 0; i < 30; i++) {
    let s = 0;
    for (let k = 0; k < 40; k++) s += (dense.get(`${i},${k}`) ?? 0) * x[k];
    assert.equal(y[i], s);
  }
  const b = new Array(40).fill(0); b[3] = 1; b[17] = 1;
  assert.deepEqual(sparseColumnSum(W, [3, 17]), sparseMatVec(W, b));
  const z = sparseTransposeMatVec(W, y);
  assert.equal(z.length, 40);
});

test('Γ intersections agree with brute force; Γ sizes have means pd and p²d (within 4 SE)', () => {
  const d = 2000, m = 300, p = 0.05;
  const W = randomSparse(7, 'g', d, m, p, false);
  const sets = Array.from({ length: m }, (_, k) => new Set(W.colIdx.subarray(W.colPtr[k], W.colPtr[k + 1])));
  let s1 = 0, s2 = 0, n2 = 0;
  for (let k = 0; k < m; k++) s1 += sets[k].size;
  for (let k = 0; k < 60; k++) for (let l = k + 1; l < 60; l++) {
    const brute = [...sets[k]].filter((i) => sets[l].has(i)).length;
    const out: number[] = [];
    assert.equal(intersectCols(W, k, l, out), brute);
    assert.equal(out.length, brute);
    s2 += brute; n2++;
  }
  const se1 = Math.sqrt((m * d * p * (1 - p))) / m;
  assert.ok(Math.abs(s1 / m - p * d) < 4 * se1);
  // Pairs share columns, so use a conservative SE (independent-pairs SE × 3).
  const se2 = (3 * Math.sqrt(d * p * p)) / Math.sqrt(n2);
  assert.ok(Math.abs(s2 / n2 - p * p * d) < 4 * se2, `${s2 / n2} vs ${p * p * d}`);
});
