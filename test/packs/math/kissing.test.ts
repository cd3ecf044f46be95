import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyKissing } from '../../../src/packs/math/verify/kissing.js';
import { findVerifier } from '../../../src/packs/math/verify/index.js';
import { copy, loadPublished } from './published-data.js';

function d3(): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < 3; i++)
    for (let j = i + 1; j < 3; j++)
      for (const a of [-1, 1])
        for (const b of [-1, 1]) {
          const v = [0, 0, 0];
          v[i] = a;
          v[j] = b;
          out.push(v);
        }
  return out;
}

test('the 12 vectors ±e_i ± e_j in 3-D form a kissing configuration', () => {
  assert.equal(verifyKissing({ vectors: d3() }, 3).value, 12);
  // (1,1,1) raises the largest squared norm to 3 above the minimum distance² 2: rejected.
  assert.match(verifyKissing({ vectors: [...d3(), [1, 1, 1]] }, 3).reason!, /below the largest squared norm/);
  assert.match(verifyKissing({ vectors: [...d3(), [0, 0, 0]] }, 3).reason!, /vectors\[12\]: the zero vector/);
});

const published = loadPublished('kissing_number_11').construction as { vectors: number[][] };
const v11 = findVerifier('kissing_number_11')!;

test('published 593 vectors: duplicating one or perturbing a coordinate is rejected', () => {
  const dup = copy(published);
  dup.vectors.push(dup.vectors[17]);
  assert.match(v11.verify(dup).reason!, /vectors\[17\] and vectors\[593\] are equal/);
  const moved = copy(published);
  // Pull one vector towards another by a tenth of their difference: the distance drops below the norm.
  const [a, b] = [moved.vectors[0], moved.vectors[1]];
  moved.vectors[0] = a.map((x, k) => Math.round(x + (b[k] - x) / 10));
  assert.equal(v11.verify(moved).valid, false);
});

test('coordinates must be safe integers of the right dimension', () => {
  const frac = copy(published);
  frac.vectors[3][4] += 0.5;
  assert.match(v11.verify(frac).reason!, /vectors\[3\]\[4\]: expected a safe integer/);
  const big = copy(published);
  big.vectors[2][0] = 2 ** 60;
  assert.match(v11.verify(big).reason!, /vectors\[2\]\[0\]/);
  const short = copy(published);
  short.vectors[5] = short.vectors[5].slice(0, 10);
  assert.match(v11.verify(short).reason!, /vectors\[5\]: expected 11 entries/);
});
