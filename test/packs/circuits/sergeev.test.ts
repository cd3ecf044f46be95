// Sergeev blocks: both facts for every identifier at small k, the published degree table, the
// size identity and the α-volume bounds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, leftDegreeByWeight, rightDegreeByWeight, sergeevExponent, terms, word } from '../../../src/packs/circuits/sergeev.js';
import { computesDisjointness, leftDegrees, popcount, rightDegrees, size, transpose } from '../../../src/packs/circuits/circuit.js';
import { equivalent } from '../../../src/packs/circuits/gates.js';

test('word of c = 43, k = 7 is RCRCRCC plus the sentinel R', () => {
  assert.equal(word(7, 43), 'RCRCRCCR');
});

test('Fact 1: S_k(c) has 2^k disjoint 0/1 terms summing to R_k, for every c and k ≤ 7', () => {
  for (let k = 1; k <= 7; k++) {
    for (let c = 0; c < 2 ** k; c++) {
      const ts = terms(k, c);
      assert.equal(ts.length, 2 ** k);
      // Each rank-1 term lies inside the ones of R_k: every row of U is disjoint from every column of V.
      for (const t of ts) for (const s of t.u) for (const y of t.v) assert.equal(s & y, 0);
      const b = block(k, c);
      assert.ok(computesDisjointness(b, k).ok, `k=${k} c=${c}`);
      assert.equal(size(b), 3 ** k + 2 ** k, `size identity k=${k} c=${c}`);
    }
  }
});

test('Fact 2: S_k(c)ᵀ ≅ S_k(2^k − 1 − c) for every c and k ≤ 6', () => {
  for (let k = 1; k <= 6; k++) {
    for (let c = 0; c < 2 ** k; c++) assert.ok(equivalent(transpose(block(k, c)), block(k, 2 ** k - 1 - c)), `k=${k} c=${c}`);
  }
  assert.equal(equivalent(transpose(block(4, 3)), block(4, 3)), false);
});

test('degrees depend only on the weight and match the published k = 7 table', () => {
  const table: [number, number[], number[]][] = [
    [0, [1, 1, 1, 1, 1, 1, 1, 1], [128, 64, 32, 16, 8, 4, 2, 1]],
    [20, [1, 1, 2, 6, 5, 4, 2, 1], [9, 23, 32, 16, 8, 4, 2, 1]],
    [21, [1, 1, 2, 6, 8, 4, 2, 1], [9, 23, 27, 16, 8, 4, 2, 1]],
    [42, [1, 2, 7, 12, 8, 4, 2, 1], [2, 8, 17, 16, 8, 4, 2, 1]],
    [43, [1, 2, 7, 16, 8, 4, 2, 1], [2, 8, 17, 12, 8, 4, 2, 1]],
    [45, [1, 2, 17, 16, 8, 4, 2, 1], [2, 8, 7, 12, 8, 4, 2, 1]],
    [77, [2, 2, 17, 16, 8, 4, 2, 1], [1, 8, 7, 12, 8, 4, 2, 1]],
    [85, [2, 8, 17, 16, 8, 4, 2, 1], [1, 2, 7, 12, 8, 4, 2, 1]],
    [86, [2, 8, 27, 16, 8, 4, 2, 1], [1, 2, 7, 6, 8, 4, 2, 1]],
    [127, [128, 64, 32, 16, 8, 4, 2, 1], [1, 1, 1, 1, 1, 1, 1, 1]],
  ];
  for (const [c, L, R] of table) {
    const b = block(7, c);
    const ld = leftDegrees(b), rd = rightDegrees(b);
    for (let x = 0; x < 128; x++) {
      assert.equal(ld[x], L[popcount(x)], `c=${c} row ${x}`);
      assert.equal(rd[x], R[popcount(x)], `c=${c} column ${x}`);
    }
    assert.deepEqual(leftDegreeByWeight(7, c), L);
    assert.deepEqual(rightDegreeByWeight(7, c), R);
  }
});

test('α-volume DP reproduces the known size exponents', () => {
  const want: [number, number][] = [[1, Math.log2(1 + Math.SQRT2)], [2, 1.259526], [3, 1.257659], [7, 1.252283], [15, 1.250335], [18, 1.250257]];
  for (const [k, e] of want) {
    const r = sergeevExponent(k);
    assert.ok(Math.abs(r.exponent - e) < 1e-6, `k=${k}: ${r.exponent} vs ${e}`);
    assert.ok(Math.abs(r.alpha - 0.5) < 1e-6, `k=${k}: maximiser α = ${r.alpha}`);
  }
});
