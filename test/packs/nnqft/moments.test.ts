// Tuple bookkeeping, cumulant formulas and the jackknife, checked on cases with known answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closure, connected, jackknife, pairings, sortedTuples, wick, type ChunkSums } from '../../../src/packs/nnqft/moments.js';

test('pairings and sorted tuples have the combinatorial counts', () => {
  assert.deepEqual([2, 4, 6].map((n) => pairings(n).length), [1, 3, 15]);
  assert.deepEqual([2, 4, 6].map((n) => sortedTuples(6, n).length), [21, 126, 462]);
  // closure of a 4-point tuple: itself and its 6 pairs
  assert.equal(closure([[0, 1, 2, 3]]).length, 7);
  assert.equal(closure([[0, 1, 2, 3, 4, 5]]).length, 1 + 15 + 15);
  assert.throws(() => closure([[0, 1, 2]]), /order/);
});

test('connected parts of Gaussian (Wick) moments vanish; of a non-Gaussian variable equal its cumulants', () => {
  const C = [[1, 0.5, 0.2, 0.1, 0.3, 0.0], [0.5, 2, 0.4, 0.2, 0.1, 0.3], [0.2, 0.4, 1.5, 0.6, 0.2, 0.1], [0.1, 0.2, 0.6, 1.2, 0.3, 0.2], [0.3, 0.1, 0.2, 0.3, 1.1, 0.4], [0.0, 0.3, 0.1, 0.2, 0.4, 0.9]];
  const m = (t: number[]): number => wick(t, (i, j) => C[i][j]);
  assert.ok(Math.abs(connected([0, 1, 2, 3], m)) < 1e-14);
  assert.ok(Math.abs(connected([0, 1, 2, 3, 4, 5], m)) < 1e-14);
  assert.ok(Math.abs(connected([0, 0, 2, 5], m)) < 1e-14);
  // Rademacher-times-scale variable X = s·ε: E X² = s², E X⁴ = s⁴, E X⁶ = s⁶ → κ4 = −2s⁴, κ6 = 16 s⁶.
  const s = 1.3, mr = (t: number[]): number => Math.pow(s, t.length);
  assert.ok(Math.abs(connected([0, 0, 0, 0], mr) + 2 * s ** 4) < 1e-12);
  assert.ok(Math.abs(connected([0, 0, 0, 0, 0, 0], mr) - 16 * s ** 6) < 1e-10);
});

test('jackknife of a linear statistic equals the standard error of the chunk means', () => {
  const vals = [1.0, 1.4, 0.7, 1.1, 0.9];
  const cs: ChunkSums = { tuples: [[0, 0]], sums: Float64Array.from(vals.map((v) => v * 10)), counts: vals.map(() => 10) };
  const e = jackknife(cs, (m) => m([0, 0]));
  const mean = vals.reduce((a, b) => a + b, 0) / 5;
  const se = Math.sqrt(vals.reduce((a, b) => a + (b - mean) ** 2, 0) / 4 / 5);
  assert.ok(Math.abs(e.estimate - mean) < 1e-14);
  assert.ok(Math.abs(e.stderr - se) < 1e-14);
});
