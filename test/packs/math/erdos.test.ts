import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyErdos } from '../../../src/packs/math/verify/erdos.js';
import { roundedSum } from '../../../src/packs/math/exact/rational.js';
import { copy, loadPublished } from './published-data.js';

test('hand example: h = [1, 0] has overlap 1', () => {
  // Correlation of h with 1 − h = [0, 1]: lags give 0, 0, 1; (2/n)·1 = 1.
  assert.equal(verifyErdos({ heights: [1, 0] }).value, 1);
});

test('the published heights sum to 47.5 only when summed with correct rounding', () => {
  const h = loadPublished('erdos_minimum_overlap').construction.heights as number[];
  let naive = 0;
  for (const x of h) naive += x;
  assert.notEqual(naive, 47.5); // the plain loop misses by an ulp
  assert.equal(roundedSum(h), 47.5);
  assert.equal(verifyErdos({ heights: h }).valid, true);
});

test('perturbations: moving mass keeps validity and changes the score; adding mass is rejected', () => {
  const h = copy(loadPublished('erdos_minimum_overlap').construction.heights as number[]);
  const base = verifyErdos({ heights: h }).value!;
  const i = h.findIndex((x) => x > 0.3 && x < 0.7);
  const j = h.findIndex((x, k) => k > i + 5 && x > 0.3 && x < 0.7);
  const moved = h.slice();
  moved[i] += 1 / 64;
  moved[j] -= 1 / 64;
  if (roundedSum(moved) === 47.5) {
    const r = verifyErdos({ heights: moved });
    assert.equal(r.valid, true, r.reason);
    assert.notEqual(r.value, base);
  }
  const more = h.slice();
  more[i] += 1e-3;
  assert.match(verifyErdos({ heights: more }).reason!, /sum must be exactly 47.5/);
  const over = h.slice();
  over[i] = 1.5;
  assert.match(verifyErdos({ heights: over }).reason!, new RegExp(`heights\\[${i}\\].*above 1`));
  const nan = h.slice();
  nan[3] = NaN;
  assert.match(verifyErdos({ heights: nan }).reason!, /heights\[3\].*not finite/);
});

test('roundedSum rounds the exact sum once', () => {
  assert.equal(0.1 + 0.2 + 0.3, 0.6000000000000001);
  assert.equal(roundedSum([0.1, 0.2, 0.3]), 0.6);
  assert.equal(roundedSum([1e308, 1e308, -1e308]), 1e308);
  assert.equal(roundedSum([5e-324, 5e-324]), 1e-323);
});
