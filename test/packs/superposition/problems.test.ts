import { test } from 'node:test';
import assert from 'node:assert/strict';
import { problems } from '../../../src/packs/superposition/problems/index.js';
import { runProgramInProcess } from '../../helpers/program.js';

const P = problems.find((p) => p.id === 'superposition-uand')!;

test('initial program runs and verifies on both stages with metrics recomputed by the verifier', async () => {
  assert.ok(P.initialProgram.includes('// EVOLVE-BLOCK-START'));
  for (const stage of P.stages!) {
    const out = await runProgramInProcess(P.initialProgram, stage.input);
    const v = P.verify(out, stage);
    assert.equal(v.valid, true, v.reason);
    const o = out as { bias: number[] };
    assert.equal(v.metrics.neurons, o.bias.length);
    assert.ok(v.metrics.maxErr >= v.metrics.q99Err);
    assert.ok(v.metrics.score >= v.metrics.neurons);
  }
});

test('the naive one-neuron-per-pair construction is exact (error 0); malformed outputs are rejected naming the field', () => {
  const m = 100;
  const rowPtr = [0], col: number[] = [], val: number[] = [];
  for (let k = 0; k < m; k++) for (let l = k + 1; l < m; l++) { col.push(k, l); val.push(1, 1); rowPtr.push(col.length); }
  const d = rowPtr.length - 1;
  const stage = P.stages![0];
  const v = P.verify({ W: { rowPtr, col, val }, bias: new Array(d).fill(-1), readout: { rule: 'support-mean', scale: 1, offset: 0 } }, stage);
  assert.equal(v.valid, true, v.reason);
  assert.equal(v.metrics.maxErr, 0);
  assert.equal(v.metrics.score, d);
  const bad = (o: unknown, re: RegExp): void => { const r = P.verify(o, stage); assert.equal(r.valid, false); assert.match(r.reason!, re); };
  bad(null, /output must be an object/);
  bad({ W: { rowPtr: [0, 1], col: [100], val: [1] }, bias: [0], readout: { rule: 'support-mean', scale: 1, offset: 0 } }, /W\.col\[0\]/);
  bad({ W: { rowPtr: [0, 1], col: [1], val: [NaN] }, bias: [0], readout: { rule: 'support-mean', scale: 1, offset: 0 } }, /W\.val\[0\]/);
  bad({ W: { rowPtr: [0, 1], col: [1], val: [1] }, bias: [Infinity], readout: { rule: 'support-mean', scale: 1, offset: 0 } }, /bias\[0\]/);
  bad({ W: { rowPtr: [0, 1], col: [1], val: [1] }, bias: [0], readout: { rule: 'max', scale: 1, offset: 0 } }, /readout\.rule/);
});
