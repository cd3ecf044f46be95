import { test } from 'node:test';
import assert from 'node:assert/strict';
import { add, cmp, dyadic, mul, sub, toNumber } from '../../src/core/dyadic.js';

test('doubles convert exactly, including subnormals and negatives', () => {
  for (const x of [1, -1, 0.1, 1 / 3, 2 ** -1074, -(2 ** 1000), 123456.789]) assert.equal(toNumber(dyadic(x)), x);
  assert.throws(() => dyadic(NaN), /not a finite number/);
});

test('exact arithmetic decides what floating point gets wrong', () => {
  // 0.1 + 0.2 > 0.3 exactly for these doubles, and 0.1 + 0.2 === 0.30000000000000004 in floating point.
  assert.equal(cmp(add(dyadic(0.1), dyadic(0.2)), dyadic(0.3)), 1);
  // (1 + 2^-52)^2 = 1 + 2^-51 + 2^-104: floating point loses the last term, exact arithmetic keeps it.
  const e = 1 + 2 ** -52;
  const sq = mul(dyadic(e), dyadic(e));
  assert.equal(cmp(sq, dyadic(1 + 2 ** -51)), 1);
  assert.equal(cmp(sub(sq, dyadic(1 + 2 ** -51)), mul(dyadic(2 ** -52), dyadic(2 ** -52))), 0);
  assert.equal(cmp(dyadic(2), dyadic(2)), 0);
  assert.equal(cmp(dyadic(-3), dyadic(2)), -1);
});
