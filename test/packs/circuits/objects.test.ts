// R_n, the zeta transform and the circuit operations (size, degree, sum, Kronecker, transpose).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apply, applyMod, dense, onesCount } from '../../../src/packs/circuits/disjointness.js';
import {
  bilinearMod, computesDisjointness, degree, disjointnessFormMod, fromMatrices, kron, leftDegrees, product,
  randomVectorMod, rightDegrees, size, sum, transpose,
} from '../../../src/packs/circuits/circuit.js';
import { SMALL_CIRCUITS } from '../../../src/packs/circuits/small.js';
import { createRng } from '../../../src/core/rng.js';
import { PRIME } from '../../../src/packs/circuits/modp.js';

test('R_n is the disjointness predicate, equals D^{⊗n} and has 3^n ones', () => {
  const D = [[1, 1], [1, 0]];
  let K = [[1]];
  for (let n = 0; n <= 5; n++) {
    assert.deepEqual(dense(n), K);
    assert.equal(dense(n).flat().reduce((s, v) => s + v, 0), onesCount(n));
    K = K.flatMap((row) => D.map((drow) => row.flatMap((a) => drow.map((b) => a * b))));
  }
});

test('the zeta transform computes R_n·v in O(n 2^n), also modulo the prime', () => {
  const rng = createRng(7);
  for (const n of [1, 3, 6, 9]) {
    const N = 1 << n;
    const v = Array.from({ length: N }, () => rng.int(2001) - 1000);
    const R = dense(n);
    const want = R.map((row) => row.reduce((s, r, j) => s + r * v[j], 0));
    assert.deepEqual(Array.from(apply(v, n)), want);
    assert.deepEqual(Array.from(applyMod(v, n)), want.map((x) => ((x % PRIME) + PRIME) % PRIME));
  }
});

test('the five small circuits compute R_1 or R_2 with the stated degrees', () => {
  for (const [name, c] of Object.entries(SMALL_CIRCUITS)) {
    const n = c.bits;
    assert.deepEqual(product(c.circuit), dense(n), name);
  }
  assert.deepEqual(Array.from(leftDegrees(SMALL_CIRCUITS.C0.circuit)), [1, 1]);
  assert.deepEqual(Array.from(rightDegrees(SMALL_CIRCUITS.C0.circuit)), [2, 1]);
  assert.deepEqual(Array.from(leftDegrees(SMALL_CIRCUITS.C3.circuit)), [1, 2, 2, 1]);
  assert.deepEqual(Array.from(rightDegrees(SMALL_CIRCUITS.C3.circuit)), [2, 2, 2, 1]);
  assert.equal(size(SMALL_CIRCUITS.C2.circuit), 6);
});

test('sum, Kronecker product and transpose act on the computed matrices', () => {
  const c2 = SMALL_CIRCUITS.C2.circuit;
  const c0 = SMALL_CIRCUITS.C0.circuit;
  const k = kron(c2, c0);
  assert.deepEqual(product(k), dense(2));
  assert.equal(size(k), 3 * 2 + 3 * 3); // nnz(A_2 ⊗ I) + nnz(B_2 ⊗ R_1)
  assert.equal(degree(k), Math.max(...leftDegrees(k), ...rightDegrees(k)));
  const s = sum(c2, c0);
  assert.deepEqual(product(s), dense(1).map((r) => r.map((v) => 2 * v)));
  assert.deepEqual(product(transpose(c2)), dense(1)); // R_1 is symmetric
  const asym = fromMatrices([[1, 0], [1, 1]], [[1, 1, 0], [0, -1, 1]]);
  const pt = product(transpose(asym));
  const p = product(asym);
  assert.deepEqual(pt, p[0].map((_, j) => p.map((r) => r[j])));
});

test('exact and randomised checks accept correct circuits and reject a corrupted one', () => {
  const c = kron(kron(SMALL_CIRCUITS.C3.circuit, SMALL_CIRCUITS.C4.circuit), SMALL_CIRCUITS.C2.circuit);
  assert.equal(computesDisjointness(c, 5).ok, true);
  const rng = createRng(3);
  const u = randomVectorMod(rng, 5), v = randomVectorMod(rng, 5);
  assert.equal(bilinearMod(c, u, v), disjointnessFormMod(u, v, 5));
  const bad = { AT: c.AT, B: { ...c.B, val: c.B.val.slice() } };
  bad.B.val[17] = -bad.B.val[17];
  const r = computesDisjointness(bad, 5);
  assert.equal(r.ok, false);
  assert.notEqual(bilinearMod(bad, u, v), disjointnessFormMod(u, v, 5));
});

test('fromMatrices rejects weights outside {0, ±1}', () => {
  assert.throws(() => fromMatrices([[2]], [[1]]), /weights must be 0 or ±1/);
});
