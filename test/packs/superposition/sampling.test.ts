import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bernoulliSubset, fillNormal, objStream, sampleSparse, sparseInput } from '../../../src/packs/superposition/sampling.js';
import { createRng } from '../../../src/core/rng.js';

test('sampleSparse gives exactly s distinct sorted indices in range', () => {
  const rng = createRng(1);
  for (const [m, s] of [[10, 10], [10, 0], [1000, 3], [50, 49], [100000, 8]]) {
    for (let r = 0; r < 20; r++) {
      const a = sampleSparse(rng, m, s);
      assert.equal(a.length, s);
      for (let i = 0; i < s; i++) {
        assert.ok(a[i] >= 0 && a[i] < m);
        if (i) assert.ok(a[i] > a[i - 1]);
      }
    }
  }
  assert.throws(() => sampleSparse(rng, 5, 6), /s must be an integer in \[0, 5\]/);
});

test('sampleSparse is uniform over indices (each index frequency within 4 standard errors)', () => {
  const rng = createRng(2);
  const m = 20, s = 3, n = 20000;
  const count = new Array(m).fill(0);
  for (let r = 0; r < n; r++) for (const k of sampleSparse(rng, m, s)) count[k]++;
  const p = s / m, se = Math.sqrt(n * p * (1 - p));
  for (const c of count) assert.ok(Math.abs(c - n * p) < 4 * se, `${c} vs ${n * p}`);
});

test('inputs and streams regenerate exactly from (seed, tag, index)', () => {
  assert.deepEqual(sparseInput(5, 17, 1000, 4), sparseInput(5, 17, 1000, 4));
  assert.notDeepEqual(sparseInput(5, 17, 1000, 4), sparseInput(5, 18, 1000, 4));
  const a = new Float64Array(9), b = new Float64Array(9);
  fillNormal(objStream('x', 'phi', 3), a);
  fillNormal(objStream('x', 'phi', 3), b);
  assert.deepEqual(a, b);
});

test('bernoulliSubset size matches n·p within 4 standard errors and indices are sorted', () => {
  const rng = createRng(4);
  const n = 5000, p = 0.03;
  let total = 0;
  const reps = 200;
  for (let r = 0; r < reps; r++) {
    const idx = bernoulliSubset(rng, n, p);
    for (let i = 1; i < idx.length; i++) assert.ok(idx[i] > idx[i - 1]);
    total += idx.length;
  }
  const se = Math.sqrt(reps * n * p * (1 - p));
  assert.ok(Math.abs(total - reps * n * p) < 4 * se);
});

test('fillNormal has unit variance within 4 standard errors', () => {
  const x = new Float64Array(40000);
  fillNormal(createRng(8), x);
  let s2 = 0;
  for (const v of x) s2 += v * v;
  // Var of x² is 2, so the SE of the mean of x² is √(2/n).
  assert.ok(Math.abs(s2 / x.length - 1) < 4 * Math.sqrt(2 / x.length));
});
