// Engine problem `lipschitz-monotone`: the initial program runs quickly and verifies, and the
// verifier rejects outputs that break the certificate, the shape or monotonicity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runProgramInProcess } from '../../helpers/program.js';
import { problems } from '../../../src/packs/lipschitz/problems/index.js';
import { monotoneSplit } from '../../../src/packs/lipschitz/problems/monotone.js';

const problem = problems.find((p) => p.id === 'lipschitz-monotone')!;

test('initial program trains in seconds and scores well above chance on held-out rows', async () => {
  const stage = problem.stages![0];
  const input = JSON.parse(JSON.stringify(stage.input));
  assert.equal(input.train.x.length, monotoneSplit().train.x.length);
  const t0 = Date.now();
  const out = await runProgramInProcess(problem.initialProgram, input);
  const ms = Date.now() - t0;
  assert.ok(ms < 10_000, `program took ${ms} ms`);
  const v = problem.verify(JSON.parse(JSON.stringify(out)), stage);
  assert.equal(v.valid, true, v.reason);
  // Classes are balanced (median split), so chance is 0.5; AutoMPG is easy enough for ≥ 0.85.
  assert.ok(v.metrics.heldout_accuracy >= 0.85, `held-out accuracy ${v.metrics.heldout_accuracy}`);
  assert.ok(v.metrics.lipschitz_bound <= 2);
  assert.match(problem.initialProgram, /EVOLVE-BLOCK-START[\s\S]*EVOLVE-BLOCK-END/);
  assert.doesNotMatch(problem.initialProgram, /\bimport\b/);
});

test('verifier rejects broken outputs with the field named', () => {
  const layers = [{ w: [[0.1, 0, 0, 0, 0, 0, 0], [0, 0.1, 0, 0, 0, 0, 0]], b: [0, 0] }, { w: [[0.5, 0.5]], b: [0] }];
  const ok = { norm: 'one', activation: 'groupsort', groupSize: 2, layers };
  assert.equal(problem.verify(ok, null).valid, true);
  const big = { ...ok, layers: [layers[0], { w: [[50, 50]], b: [0] }] };
  assert.match(problem.verify(big, null).reason!, /exceeds the Lipschitz budget/);
  assert.match(problem.verify({ ...ok, layers: [{ w: [[NaN, 0, 0, 0, 0, 0, 0]], b: [0] }] }, null).reason!, /layers\[0\]\.w\[0\]/);
  assert.match(problem.verify({ ...ok, layers: [{ w: [[1, 0, 0]], b: [0] }] }, null).reason!, /layers\[0\]\.w\[0\]/);
  assert.match(problem.verify({ ...ok, norm: 'none' }, null).reason!, /norm/);
  assert.match(problem.verify({ ...ok, groupSize: 3 }, null).reason!, /groupSize/);
  assert.match(problem.verify([1, 2], null).reason!, /output must be an object/);
});
