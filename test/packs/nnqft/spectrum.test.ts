// nnqft-spectrum: the initial program runs and verifies; the verifier rejects malformed data, scores the
// exact Källén–Lehmann design (a Cauchy mixture) near zero and a Gaussian design as non-RP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runProgramInProcess } from '../../helpers/program.js';
import { spectrumProblem, targetG } from '../../../src/packs/nnqft/problems/spectrum.js';
import { problems } from '../../../src/packs/nnqft/problems/index.js';

const screen = spectrumProblem.stages![0];

test('problem is registered with consistent metadata', () => {
  assert.ok(problems.some((p) => p.id === 'nnqft-spectrum'));
  assert.ok(spectrumProblem.metrics.some((m) => m.name === spectrumProblem.primaryMetric));
  assert.match(spectrumProblem.initialProgram, /EVOLVE-BLOCK-START[\s\S]*EVOLVE-BLOCK-END/);
  assert.ok(Math.abs(targetG(0) - 1) < 1e-15);
});

test('initial program output is valid and passes the screening threshold', async () => {
  const out = await runProgramInProcess(spectrumProblem.initialProgram, screen.input);
  const v = spectrumProblem.verify(out, screen);
  assert.equal(v.valid, true, v.reason);
  assert.ok(v.metrics.loss < screen.threshold!, `loss ${v.metrics.loss}`);
  assert.ok(v.metrics.mismatch > 0.05, 'the initial design does not already match the target');
});

test('exact design (Cauchy mixture, F = 1) matches the target and is RP within errors; a Gaussian design is not RP', () => {
  const exact = { b: [{ weight: 0.6, nu: 1, scale: 1 }, { weight: 0.4, nu: 1, scale: 3 }], F: { c0: 1, poles: [] }, sigmaA: Math.SQRT2 };
  const v = spectrumProblem.verify(exact, screen);
  assert.equal(v.valid, true, v.reason);
  assert.ok(v.metrics.mismatch < 0.03, `mismatch ${v.metrics.mismatch}`);
  assert.equal(v.metrics.rpExcess, 0);
  const gauss = spectrumProblem.verify({ b: [{ weight: 1, nu: 1000, scale: 1.5 }], F: { c0: 1, poles: [] }, sigmaA: Math.SQRT2 }, screen);
  assert.ok(gauss.valid && gauss.metrics.rpExcess > 0.1, `gaussian rpExcess ${gauss.metrics.rpExcess}`);
  assert.ok(gauss.metrics.loss > 10 * v.metrics.loss);
  // Deterministic: the verifier's sample depends only on the stage.
  assert.deepEqual(spectrumProblem.verify(exact, screen), v);
});

test('verifier rejects malformed or out-of-domain data naming the field', () => {
  const ok = { b: [{ weight: 1, nu: 1, scale: 1 }], F: { c0: 1, poles: [] }, sigmaA: 1 };
  const bad: [unknown, RegExp][] = [
    [null, /object/],
    [{ ...ok, b: [] }, /^b /],
    [{ ...ok, b: [{ weight: 1, nu: NaN, scale: 1 }] }, /b\[0\]\.nu/],
    [{ ...ok, b: [{ weight: 1, nu: 1, scale: Infinity }] }, /b\[0\]\.scale/],
    [{ ...ok, F: { c0: 0, poles: [] } }, /F\(b\)/],
    [{ ...ok, F: { c0: 1, poles: [{ c: -1, mu: 1 }] } }, /F\.poles\[0\]\.c/],
    [{ ...ok, sigmaA: 0 }, /sigmaA/],
  ];
  for (const [o, re] of bad) {
    const v = spectrumProblem.verify(o, screen);
    assert.equal(v.valid, false);
    assert.match(v.reason!, re);
  }
});
