import { test } from 'node:test';
import assert from 'node:assert/strict';
import { absQuantile, emptyErrStats, HIST_BINS, HIST_MAX, mergeErrStats, pushErr, summarize } from '../../../src/packs/superposition/errstats.js';
import { createRng } from '../../../src/core/rng.js';
import { quantileSorted } from '../../../src/core/stats.js';

test('histogram quantiles agree with exact sorted quantiles to one bin width; merge equals one pass', () => {
  const rng = createRng(1);
  const a = emptyErrStats(), b = emptyErrStats(), all = emptyErrStats();
  const vals: number[] = [];
  for (let i = 0; i < 20000; i++) {
    const e = 0.3 * rng.normal();
    vals.push(Math.abs(e));
    pushErr(i % 2 ? a : b, e); pushErr(all, e);
  }
  vals.sort((x, y) => x - y);
  const bin = HIST_MAX / HIST_BINS;
  for (const q of [0.5, 0.99, 0.999]) {
    const exact = quantileSorted(vals, q);
    assert.ok(Math.abs(absQuantile(all, q).value - exact) <= bin + 1e-3 * exact, `${q}`);
  }
  const m = summarize(mergeErrStats(a, b)), s = summarize(all);
  assert.equal(m.n, s.n); assert.equal(m.max, s.max); assert.equal(m.q99, s.q99);
  assert.ok(Math.abs(m.std - s.std) < 1e-12);
  assert.equal(s.max, vals[vals.length - 1]);
  assert.ok(s.q99CI[0] <= s.q99 && s.q99 <= s.q99CI[1]);
});
