import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDeepEmulator, runDeep } from '../../../src/packs/superposition/deep.js';
import { randomSparseCircuit, validateCircuit } from '../../../src/packs/superposition/circuit.js';
import { createRng } from '../../../src/core/rng.js';
import { buildTargetedAnd, targetedActivate, targetedRead } from '../../../src/packs/superposition/targeted-and.js';

test('targeted AND on exact basis inputs: AND read-off is exactly 1 for active pairs without interference', () => {
  const T = buildTargetedAnd({ m: 100, d: 2000, s: 2, edges: [[0, 1], [2, 3], [4, 5]], seed: 1 });
  const y = new Float64Array(100); y[0] = 1; y[1] = 1;
  const r = targetedRead(T, targetedActivate(T, y));
  assert.equal(r.empty, 0);
  assert.equal(r.values[0], 1); // every Σ^out neuron has both signs +1: ReLU(1 + 1 − 1) = 1
  assert.equal(r.values[1], 0);
});

test('deep emulation with EC keeps every bit right over 6 layers at a benign size; per-layer errors reported', () => {
  const rng = createRng(2);
  const c = validateCircuit(randomSparseCircuit(rng, 200, 6));
  const E = buildDeepEmulator(c, { d: 1500, s: 3, seed: 3 });
  const input = new Array(200).fill(0); input[5] = 1; input[80] = 1; input[150] = 1;
  const errs = runDeep(E, input);
  assert.equal(errs.length, 7);
  for (const e of errs) { assert.equal(e.signErrors, 0, JSON.stringify(e)); assert.ok(e.maxErr < 0.5); }
  const P = buildDeepEmulator(c, { d: 1500, s: 3, seed: 3, mode: 'plain' });
  assert.equal(runDeep(P, input).length, 7);
});
