// Each engine problem's initial program runs and its output verifies as valid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { problems } from '../../../src/packs/math/problems/index.js';
import { findVerifier } from '../../../src/packs/math/verify/index.js';
import { runProgramInProcess } from '../../helpers/program.js';
import { evaluateProgram } from '../../../src/engine/evaluator.js';
import { publishedIds } from './published-data.js';

test('problem ids are unique, have verifiers and published data, and EVOLVE blocks', () => {
  const ids = problems.map((p) => p.id);
  assert.equal(new Set(ids).size, ids.length);
  const data = publishedIds();
  for (const p of problems.filter((q) => q.language !== 'python')) {
    assert.ok(findVerifier(p.id), `${p.id} has no verifier`);
    assert.ok(data.includes(p.id), `${p.id} has no published data`);
    assert.equal(p.pack, 'math');
    assert.ok(p.metrics.some((m) => m.name === p.primaryMetric));
    assert.match(p.initialProgram, /\/\/ EVOLVE-BLOCK-START[\s\S]*\/\/ EVOLVE-BLOCK-END/);
    assert.doesNotMatch(p.initialProgram, /^\s*import\s/m, `${p.id} imports`);
    assert.match(p.initialProgram, /export function run\(/);
  }
});

for (const p of problems.filter((q) => q.language !== 'python')) {
  test(`${p.id}: initial program runs and verifies`, async () => {
    const out = await runProgramInProcess(p.initialProgram, null);
    const v = p.verify(out, null);
    assert.equal(v.valid, true, v.reason);
    const value = v.metrics[p.primaryMetric];
    assert.ok(Number.isFinite(value), `${p.id}: ${value}`);
    for (const d of p.descriptors) assert.ok(Number.isFinite(v.features?.[d.name]), `${p.id}: feature ${d.name}`);
    // The engine verdict must agree with the standalone verifier.
    assert.equal(findVerifier(p.id)!.verify(out).value, value);
  });
}

test('engine verify rejects NaN output with a reason', () => {
  const p = problems.find((q) => q.id === 'heilbronn_convex_13')!;
  const v = p.verify({ points: Array.from({ length: 13 }, () => [NaN, 0]) }, null);
  assert.equal(v.valid, false);
  assert.match(v.reason!, /points\[0\]\[0\].*not finite/);
});

test('circle_packing_square_26_py: the Python initial program runs in the jail and verifies like the JavaScript one', async () => {
  const py = problems.find((q) => q.id === 'circle_packing_square_26_py')!;
  assert.equal(py.language, 'python');
  assert.match(py.initialProgram, /# EVOLVE-BLOCK-START[\s\S]*# EVOLVE-BLOCK-END/);
  const ev = await evaluateProgram(py, py.initialProgram);
  assert.equal(ev.status, 'valid', ev.reason ?? '');
  assert.ok(ev.metrics.sumRadii > 1.2 && ev.metrics.sumRadii < 2.6359, `sumRadii ${ev.metrics.sumRadii}`);
  assert.equal(findVerifier('circle_packing_square_26')!.verify(ev.output).value, ev.metrics.sumRadii);
});
