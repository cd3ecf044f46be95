import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyFirst, verifySecond, verifyThird, verifyThirdAbs } from '../../../src/packs/math/verify/autocorrelation.js';
import { copy, loadPublished } from './published-data.js';

test('C1: hand-computed values', () => {
  // [1,0,1]: h∗h = [1,0,2,0,1], max 2, n = 3, Σh = 2 → 2·3·2/4 = 3.
  assert.equal(verifyFirst({ heights: [1, 0, 1] }).value, 3);
  assert.equal(verifyFirst({ heights: [1, 1] }).value, 2);
});

test('C2: a single step gives 2/3 (piecewise-linear L2 norm integrated exactly)', () => {
  // c = [1] on knots -1/2, 0, 1/2: ‖c‖₂² = 2·(1/2)/3 = 1/3, ‖c‖₁ = 1/2, ‖c‖∞ = 1.
  const v = verifySecond({ heights: [1] }).value!;
  assert.ok(Math.abs(v - 2 / 3) < 1e-15, String(v));
});

test('C3 and C3′ differ when the most negative convolution value dominates', () => {
  // h = [2,1,−2]: h∗h = [4,4,−7,−4,4], Σh = 1, n = 3.
  assert.equal(verifyThird({ heights: [2, 1, -2] }).value, 24);
  assert.equal(verifyThirdAbs({ heights: [2, 1, -2] }).value, 42);
});

test('scores are invariant under scaling the heights', () => {
  const h = loadPublished('first_autocorrelation').construction.heights as number[];
  const a = verifyFirst({ heights: h }).value!;
  const b = verifyFirst({ heights: h.map((x) => x * 4) }).value!; // power of two: exact scaling
  assert.equal(a, b);
});

test('perturbations: raising a height at the convolution peak makes C1 worse', () => {
  const h = copy(loadPublished('first_autocorrelation').construction.heights as number[]);
  const base = verifyFirst({ heights: h }).value!;
  const bumped = h.slice();
  const i = h.indexOf(Math.max(...h));
  bumped[i] *= 1.5;
  assert.ok(verifyFirst({ heights: bumped }).value! > base);
});

test('rejections name the field: negative C1/C2 heights, NaN, Infinity, empty, zero sum', () => {
  assert.match(verifyFirst({ heights: [1, -0.1] }).reason!, /heights\[1\].*below 0/);
  assert.match(verifySecond({ heights: [1, -1] }).reason!, /heights\[1\]/);
  assert.match(verifyThird({ heights: [1, NaN] }).reason!, /heights\[1\].*not finite/);
  assert.match(verifyThirdAbs({ heights: [Infinity] }).reason!, /heights\[0\]/);
  assert.match(verifyFirst({ heights: [] }).reason!, /heights: expected at least 1/);
  assert.match(verifyThird({ heights: [1, -1] }).reason!, /sum is zero/);
  assert.match(verifyFirst({ heights: [0, 0] }).reason!, /sum must be positive/);
  assert.match(verifyFirst({ heights: '1,2' }).reason!, /heights: expected an array/);
});

test('tiny or huge heights cannot underflow or overflow the score (scale-invariant)', () => {
  const h = loadPublished('second_autocorrelation').construction.heights as number[];
  const base = verifySecond({ heights: h }).value!;
  for (const s of [2 ** -540, 2 ** 500]) {
    assert.equal(verifySecond({ heights: h.map((x) => x * s) }).value, base, `scale ${s}`);
  }
  const h1 = loadPublished('first_autocorrelation').construction.heights as number[];
  const b1 = verifyFirst({ heights: h1 }).value!;
  const tiny = verifyFirst({ heights: h1.map((x) => x * 1e-170) }).value!;
  assert.ok(Math.abs(tiny - b1) <= 1e-12 * b1, `${tiny} vs ${b1}`);
});
