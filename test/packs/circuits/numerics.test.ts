// Outward-rounded intervals (src/core/interval.ts), L-BFGS (src/core/lbfgs.ts), the degree
// verifier's z bound, and the closed-form densities of the five small circuits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as I from '../../../src/core/interval.js';
import { lbfgs } from '../../../src/core/lbfgs.js';
import { zUpper } from '../../../src/packs/circuits/verify-degree.js';
import { SMALL_CIRCUITS } from '../../../src/packs/circuits/small.js';
import { leftDensity, rightDensity } from '../../../src/packs/circuits/densities.js';
import { binaryEntropyIv, binomialEntropyIv } from '../../../src/packs/circuits/envelope.js';
import { binomialEntropy } from '../../../src/packs/circuits/ga05.js';
import { createRng } from '../../../src/core/rng.js';

test('exp2, log and log2 enclosures contain the true value and are tight', () => {
  // Known values: 2^0.5 = √2, log(10), log2(3) to 20 digits.
  const sq = I.exp2({ lo: 0.5, hi: 0.5 });
  assert.ok(sq.lo <= 1.4142135623730950488 && 1.4142135623730950488 <= sq.hi && sq.hi - sq.lo < 2e-14);
  const l10 = I.log({ lo: 10, hi: 10 });
  assert.ok(l10.lo <= 2.302585092994045684 && 2.302585092994045684 <= l10.hi && l10.hi - l10.lo < 2e-14);
  const l3 = I.log2({ lo: 3, hi: 3 });
  assert.ok(l3.lo <= 1.5849625007211561815 && 1.5849625007211561815 <= l3.hi && l3.hi - l3.lo < 2e-14);
  const rng = createRng(5);
  for (let i = 0; i < 2000; i++) {
    const x = (rng.float() - 0.5) * 200;
    const e = I.exp2({ lo: x, hi: x });
    assert.ok(e.lo <= Math.pow(2, x) * (1 + 4e-16) && Math.pow(2, x) * (1 - 4e-16) <= e.hi && (e.hi - e.lo) / e.hi < 2e-14);
    const y = Math.exp((rng.float() - 0.5) * 80);
    const l = I.log({ lo: y, hi: y });
    assert.ok(l.lo <= Math.log(y) + 1e-15 * Math.abs(Math.log(y)) + 1e-300 && Math.log(y) - 1e-15 * Math.abs(Math.log(y)) <= l.hi);
    assert.ok(l.hi - l.lo < 1e-13 * Math.max(1, Math.abs(Math.log(y))));
  }
  assert.ok(I.up(1) > 1 && I.down(1) < 1 && I.up(-1) > -1);
});

test('entropy enclosures contain the float values', () => {
  for (const p of [0, 1e-9, 0.01, 0.3713, 0.5, 0.99, 1]) {
    const h = binaryEntropyIv(p);
    const f = p === 0 || p === 1 ? 0 : -p * Math.log2(p) - (1 - p) * Math.log2(1 - p);
    assert.ok(h.lo <= f + 1e-15 && f - 1e-15 <= h.hi && h.hi - h.lo < 1e-13, `p=${p}`);
    const e = binomialEntropyIv(7, p);
    const fe = binomialEntropy(7, p);
    assert.ok(e.lo <= fe + 1e-14 && fe - 1e-14 <= e.hi && e.hi - e.lo < 1e-12, `p=${p}`);
  }
  // E_7(0.01) = 0.3715911 (published)
  assert.ok(Math.abs(binomialEntropyIv(7, 0.01).hi - 0.3715911) < 5e-8);
});

test('L-BFGS minimises the Rosenbrock function', () => {
  const r = lbfgs((x) => {
    const [a, b] = x;
    return { f: (1 - a) ** 2 + 100 * (b - a * a) ** 2, g: Float64Array.from([-2 * (1 - a) - 400 * a * (b - a * a), 200 * (b - a * a)]) };
  }, [-1.2, 1], { maxIter: 500, gradTol: 1e-10 });
  assert.ok(Math.abs(r.x[0] - 1) < 1e-6 && Math.abs(r.x[1] - 1) < 1e-6, `${r.x}`);
});

test('z upper bound: never below the hull minimum, equal to it up to rounding', () => {
  const rng = createRng(9);
  for (let trial = 0; trial < 100; trial++) {
    const X = Float64Array.from({ length: 8 }, () => rng.float());
    const Y = Float64Array.from({ length: 8 }, () => rng.float());
    const z = zUpper(X, 0, Y, 0);
    // Brute force over vertices and fine points on every segment (the hull minimum lies on one).
    let brute = Infinity;
    for (let s = 0; s < 8; s++) for (let t = s; t < 8; t++) for (let i = 0; i <= 400; i++) {
      const th = i / 400;
      brute = Math.min(brute, Math.max((1 - th) * X[s] + th * X[t], (1 - th) * Y[s] + th * Y[t]));
    }
    assert.ok(z <= brute + 1e-12, `trial ${trial}: ${z} > ${brute}`);
    assert.ok(z >= brute - 3e-3, `trial ${trial}: ${z} far below ${brute}`);
  }
});

test('the five small circuits: exact densities equal the closed forms; C3⊗C4 gives z ≤ 1/3', () => {
  for (const [name, c] of Object.entries(SMALL_CIRCUITS)) {
    for (const p of [0, 0.1, 1 / 3, 0.62, 1]) {
      assert.ok(Math.abs(leftDensity(c.circuit, c.bits, p) - c.f(p)) < 1e-15, `${name} f(${p})`);
      assert.ok(Math.abs(rightDensity(c.circuit, c.bits, p) - c.g(p)) < 1e-15, `${name} g(${p})`);
    }
  }
  const big = 5; // the tame-family points are not used here
  let worst = 0;
  for (let i = 0; i <= 60; i++) for (let j = 0; j <= 60; j++) {
    const p = i / 60, q = j / 60;
    const X = Float64Array.from([0, 1 - p, p, p * (1 - p), 0.5 * (1 - p * p), big, big, big]);
    const Y = Float64Array.from([1 - q, 0, q, 0.5 * (1 - q * q), q * (1 - q), big, big, big]);
    worst = Math.max(worst, zUpper(X, 0, Y, 0));
  }
  assert.ok(worst <= 1 / 3 + 1e-12 && worst > 1 / 3 - 1e-3, `max z = ${worst}`);
});
