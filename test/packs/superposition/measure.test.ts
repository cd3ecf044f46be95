import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measureInline, measureParallel } from '../../../src/packs/superposition/parallel.js';
import { summarizeResult } from '../../../src/packs/superposition/measure.js';

test('parallel measurement over 2 workers equals the single-thread one (same inputs, same counts and extremes)', async () => {
  const job = { spec: { construction: 'sparse' as const, m: 400, d: 800, seed: 3 }, opts: { s: 3, inputs: 12, inputSeed: 4, pairs00: 30, risk00: 10 } };
  const one = summarizeResult(measureInline(job));
  const two = summarizeResult(await measureParallel(job, 2));
  for (const c of ['00', '01', '11', '00risk'] as const) {
    assert.equal(two.cases[c].n, one.cases[c].n);
    assert.equal(two.cases[c].max, one.cases[c].max);
    assert.equal(two.cases[c].q99, one.cases[c].q99);
    assert.ok(Math.abs(two.cases[c].mean - one.cases[c].mean) < 1e-12);
  }
  assert.equal(one.cases['11'].n, 12 * 3);
  assert.equal(one.cases['01'].n, 12 * 3 * 397);
  assert.equal(one.inputs, 12);
});
