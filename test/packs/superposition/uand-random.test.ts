import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRandomUand, cDGaussian, cDRademacher, expectedRelu } from '../../../src/packs/superposition/uand-random.js';
import { measureUand, summarizeResult } from '../../../src/packs/superposition/measure.js';

test('c_D reproduces the notes table (Gaussian to 2e-5, Rademacher exactly)', () => {
  const gauss: Array<[number, number]> = [[0, 0.2337], [1, 0.16861], [2, 0.14001], [4, 0.11024], [8, 0.0832]];
  for (const [sp, v] of gauss) assert.ok(Math.abs(cDGaussian(sp, 0.01) - v) < 5e-5, `${sp}: ${cDGaussian(sp, 0.01)}`);
  const rad: Array<[number, number]> = [[0, 0.5], [1, 0.25], [2, 0.25], [3, 0.1875], [5, 0.15625], [8, 0.13672], [10, 0.12305]];
  for (const [sp, v] of rad) assert.ok(Math.abs(cDRademacher(sp) - v) < 5e-6, `${sp}`);
  // Closed form at s' = 0: E[sgn x sgn y ReLU(x+y)] = 1/(√π·... ) checked by E ReLU(N(0,σ²)) = σ/√(2π).
  assert.ok(Math.abs(expectedRelu(0, 2) - 2 / Math.sqrt(2 * Math.PI)) < 1e-12);
});

test('Gaussian read-off: unbiased in all cases within 4 SE, scale-invariant in δ', () => {
  const s = 3, d = 2000;
  const r = summarizeResult(measureUand(buildRandomUand({ m: 300, d, s, seed: 1 }), { s, inputs: 40, inputSeed: 2, pairs01: 60, pairs00: 60, risk00: 0 }));
  for (const c of ['00', '01', '11'] as const) {
    const cs = r.cases[c];
    // Conservative effective sample size: one independent value per input.
    const se = cs.std / Math.sqrt(40);
    assert.ok(Math.abs(cs.mean) < 4 * se, `${c}: mean ${cs.mean} se ${se}`);
  }
  // Predicted std ≈ √(s/2)/(c_D(s−2)√d) = 7.26/√d for s = 3 (notes C3); within 15%.
  assert.ok(Math.abs((r.cases['01'].std * Math.sqrt(d)) / 7.26 - 1) < 0.15, String(r.cases['01'].std * Math.sqrt(d)));
  const a1 = buildRandomUand({ m: 50, d: 300, s, seed: 7, delta: 1 });
  const a2 = buildRandomUand({ m: 50, d: 300, s, seed: 7, delta: 0.01 });
  const act = Int32Array.from([1, 5, 9]);
  const x1 = a1.read(a1.activate(act), 1, 5), x2 = a2.read(a2.activate(act), 1, 5);
  assert.ok(Math.abs(x1 - x2) < 1e-4, `${x1} ${x2}`);
});
