import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyMatmul } from '../../../src/packs/math/verify/matmul.js';
import { findVerifier } from '../../../src/packs/math/verify/index.js';
import { copy, loadPublished } from './published-data.js';

type Factors = (number | number[])[][][];

// Strassen's rank-7 decomposition of <2,2,2>, written out by hand in the T[i·2+j][j·2+k][k·2+i] layout.
// Rows: U over A11, A12, A21, A22; V over B11, B12, B21, B22; W over C11, C21, C12, C22 (row k·2+i).
const STRASSEN = {
  n: 2, m: 2, p: 2, rank: 7,
  factors: [
    [[1, 0, 1, 0, 1, -1, 0], [0, 0, 0, 0, 1, 0, 1], [0, 1, 0, 0, 0, 1, 0], [1, 1, 0, 1, 0, 0, -1]],
    [[1, 1, 0, -1, 0, 1, 0], [0, 0, 1, 0, 0, 1, 0], [0, 0, 0, 1, 0, 0, 1], [1, 0, -1, 0, 1, 0, 1]],
    [[1, 0, 0, 1, -1, 0, 1], [0, 1, 0, 1, 0, 0, 0], [0, 0, 1, 0, 1, 0, 0], [1, -1, 1, 0, 0, 1, 0]],
  ],
};

test("Strassen's decomposition of <2,2,2> has rank 7; flipping any entry breaks it", () => {
  assert.equal(verifyMatmul(STRASSEN).value, 7);
  for (const [f, a, l] of [[0, 0, 0], [1, 3, 6], [2, 2, 4]]) {
    const bad = copy(STRASSEN);
    const row = bad.factors[f][a] as number[];
    row[l] = row[l] === 0 ? 1 : -row[l];
    assert.match(verifyMatmul(bad).reason!, /wrong tensor entry/);
  }
});

test('exact rescaling: a column times 1/2 in U and 2 in W, or times i in U and −i in V, stays valid', () => {
  const half = copy(STRASSEN);
  for (const row of half.factors[0]) row[2] = (row[2] as number) / 2;
  for (const row of half.factors[2]) row[2] = (row[2] as number) * 2;
  assert.equal(verifyMatmul(half).valid, true);
  const gauss = copy(STRASSEN) as { factors: Factors };
  for (const row of gauss.factors[0]) row[3] = [0, row[3] as number];
  for (const row of gauss.factors[1]) row[3] = [0, -(row[3] as number)];
  const r = verifyMatmul(gauss);
  assert.equal(r.valid, true, r.reason);
  assert.ok(r.features!.complexFraction > 0);
  // i in U alone leaves an imaginary tensor: rejected.
  for (const row of gauss.factors[1]) row[3] = -(row[3] as number[])[1];
  assert.match(verifyMatmul(gauss).reason!, /wrong tensor entry/);
});

test('published decompositions: flipping one entry or dropping a column is rejected', () => {
  for (const id of ['matmul_3_3_3', 'matmul_4_4_4', 'matmul_2_4_5']) {
    const c = loadPublished(id).construction as { factors: Factors; rank: number };
    const v = findVerifier(id)!;
    const flipped = copy(c);
    const e = flipped.factors[1][0][0];
    flipped.factors[1][0][0] = Array.isArray(e) ? [e[0] + 1, e[1]] : e + 1;
    assert.match(v.verify(flipped).reason!, /wrong tensor entry/, id);
    const dropped = copy(c);
    for (const F of dropped.factors) for (const row of F) row.pop();
    dropped.rank -= 1;
    assert.equal(v.verify(dropped).valid, false, id);
  }
});

test('shape and field errors name the field', () => {
  assert.match(verifyMatmul({ ...STRASSEN, rank: 8 }).reason!, /rank: 8 differs/);
  assert.match(verifyMatmul({ ...STRASSEN, n: 2.5 }).reason!, /^n:/);
  assert.match(findVerifier('matmul_3_3_3')!.verify(STRASSEN).reason!, /expected 3, 3, 3/);
  const nan = copy(STRASSEN) as { factors: Factors };
  nan.factors[2][1][3] = NaN as unknown as number;
  assert.match(verifyMatmul(JSON.parse(JSON.stringify(nan).replace('null', '"x"'))).reason!, /factors\[2\]\[1\]\[3\]/);
  const short = copy(STRASSEN);
  short.factors[1][2].pop();
  assert.match(verifyMatmul(short).reason!, /factors\[1\]\[2\]: expected 7 entries/);
  assert.match(verifyMatmul({ ...STRASSEN, factors: [[[Infinity]]] }).reason!, /factors/);
});

test('more columns than the naive rank are rejected', () => {
  const wide = copy(STRASSEN);
  for (const F of wide.factors) for (const row of F) row.push(0, 0);
  wide.rank = 9;
  assert.match(verifyMatmul(wide).reason!, /exceed the naive rank 8/);
});
