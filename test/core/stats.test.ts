// Tests of src/core/stats.ts (kept here because this pack introduced it; can move to test/core/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linearFit, mean, meanCI, mergeMoments, emptyMoments, pushMoment, normalQuantile, quantileCI, studentTQuantile, variance, wilson, powerLawFit } from '../../src/core/stats.js';
import { createRng } from '../../src/core/rng.js';

test('mean and variance of a known sample', () => {
  assert.equal(mean([1, 2, 3, 4]), 2.5);
  assert.ok(Math.abs(variance([1, 2, 3, 4]) - 5 / 3) < 1e-12);
  assert.throws(() => mean([]), /at least one/);
});

test('normal and t quantiles match tabulated values', () => {
  assert.ok(Math.abs(normalQuantile(0.975) - 1.959963985) < 1e-6);
  assert.ok(Math.abs(normalQuantile(0.001) + 3.090232306) < 1e-6);
  assert.ok(Math.abs(studentTQuantile(0.975, 10) - 2.228138852) < 1e-6);
  assert.ok(Math.abs(studentTQuantile(0.975, 3) - 3.182446305) < 1e-6);
});

test('linear fit recovers an exact line and gives sensible intervals on noisy data', () => {
  const f = linearFit([0, 1, 2, 3], [1, 3, 5, 7]);
  assert.ok(Math.abs(f.slope - 2) < 1e-12 && Math.abs(f.intercept - 1) < 1e-12 && f.slopeSE < 1e-12);
  // Noisy line y = 0.5 − 1.5x + N(0, 0.1²): the 95% interval should contain the truth (seeded).
  const rng = createRng(3);
  const x = Array.from({ length: 50 }, (_, i) => i / 10);
  const y = x.map((v) => 0.5 - 1.5 * v + 0.1 * rng.normal());
  const g = linearFit(x, y);
  assert.ok(g.slopeCI.lo < -1.5 && g.slopeCI.hi > -1.5);
  // The slope's standard error should match σ/√Sxx = 0.1/√(Σ(x−x̄)²) within 30%.
  const sxx = x.reduce((s, v) => s + (v - 2.45) ** 2, 0);
  assert.ok(Math.abs(g.slopeSE / (0.1 / Math.sqrt(sxx)) - 1) < 0.3);
  const p = powerLawFit([1, 2, 4, 8], [3, 3 / Math.SQRT2, 1.5, 1.5 / Math.SQRT2]);
  assert.ok(Math.abs(p.slope + 0.5) < 1e-12);
});

test('quantile interval, Wilson interval and mean interval cover their targets', () => {
  const rng = createRng(9);
  const x = Array.from({ length: 2000 }, () => rng.normal());
  const q = quantileCI(x, 0.9);
  assert.ok(q.lo <= 1.2816 && q.hi >= 1.2816, `${q.lo} ${q.hi}`);
  const w = wilson(0, 100);
  assert.equal(w.lo, 0);
  assert.ok(Math.abs(w.hi - 0.037) < 0.002);
  const m = meanCI(x);
  assert.ok(m.lo < 0 && m.hi > 0);
});

test('moments merge equals one pass', () => {
  const a = emptyMoments(), b = emptyMoments(), all = emptyMoments();
  [1, 5, 2].forEach((v) => { pushMoment(a, v); pushMoment(all, v); });
  [7, -3].forEach((v) => { pushMoment(b, v); pushMoment(all, v); });
  const m = mergeMoments(a, b);
  assert.equal(m.n, 5);
  assert.ok(Math.abs(m.mean - all.mean) < 1e-12 && Math.abs(m.m2 - all.m2) < 1e-9);
  assert.equal(m.min, -3);
  assert.equal(m.max, 7);
});
