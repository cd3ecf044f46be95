import { test } from 'node:test';
import assert from 'node:assert/strict';
import { differenceSetSize, sumsetSize, verifySumsDifferences } from '../../../src/packs/math/verify/sums-differences.js';
import { createRng } from '../../../src/core/rng.js';
import { loadPublished } from './published-data.js';

function naiveCounts(u: number[]): [number, number] {
  const s = new Set<number>();
  const d = new Set<number>();
  for (const a of u) for (const b of u) { s.add(a + b); d.add(a - b); }
  return [s.size, d.size];
}

test('hand example {0, 1, 3}: |U+U| = 6, |U−U| = 7', () => {
  const r = verifySumsDifferences({ set: [3, 0, 1] });
  assert.equal(r.value, 1 + Math.log(7 / 6) / Math.log(7));
});

test('windowed counts agree with a naive set count, across window boundaries', () => {
  const rng = createRng(4);
  for (const [n, max] of [[50, 1000], [300, 20_000_000], [200, 2 ** 31 - 1]] as const) {
    const set = new Set<number>([0]);
    while (set.size < n) set.add(rng.int(max + 1));
    const u = [...set].sort((a, b) => a - b);
    const [s, d] = naiveCounts(u);
    const arr = Int32Array.from(u);
    assert.equal(sumsetSize(arr), s, `sums n=${n} max=${max}`);
    assert.equal(differenceSetSize(arr), d, `differences n=${n} max=${max}`);
  }
});

test('rejections: no 0, duplicates, negatives, fractions, NaN', () => {
  assert.match(verifySumsDifferences({ set: [1, 2, 5] }).reason!, /must contain 0/);
  assert.match(verifySumsDifferences({ set: [0, 2, 2] }).reason!, /appears twice/);
  assert.match(verifySumsDifferences({ set: [0, -2] }).reason!, /set\[1\]/);
  assert.match(verifySumsDifferences({ set: [0, 1.5] }).reason!, /set\[1\]: expected a safe integer/);
  assert.match(verifySumsDifferences({ set: [0, NaN] }).reason!, /set\[1\].*not finite/);
});

test('removing an element of the published 2003-set changes the score', () => {
  const u = loadPublished('sums_differences_2003').construction.set as number[];
  const base = verifySumsDifferences({ set: u }).value!;
  const fewer = u.filter((x) => x !== u[1000]);
  const r = verifySumsDifferences({ set: fewer });
  assert.equal(r.valid, true);
  assert.notEqual(r.value, base);
});

test('the 54265-element published set reproduces 1.158417281556896', () => {
  const d = loadPublished('sums_differences_54265');
  const r = verifySumsDifferences(d.construction);
  assert.equal(r.valid, true, r.reason);
  assert.ok(Math.abs(r.value! - d.published_value) <= 1e-12 * d.published_value);
});
