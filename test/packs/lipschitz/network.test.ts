// Monotonic Lipschitz networks: gradients through the normalisation and GroupSort, and the
// certified Lipschitz bound and monotonicity of trained models checked on random input pairs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backward, createTape, mse, sum, tensor } from '../../../src/core/autodiff.js';
import { normalInit } from '../../../src/core/optim.js';
import { createRng } from '../../../src/core/rng.js';
import { certifiedBound, checkMonotone } from '../../../src/packs/lipschitz/certify.js';
import { groupSort, groupSortInPlace } from '../../../src/packs/lipschitz/groupsort.js';
import type { SavedModel } from '../../../src/packs/lipschitz/model.js';
import { evalNetwork, saveModel, validateModel } from '../../../src/packs/lipschitz/model.js';
import type { NetConfig } from '../../../src/packs/lipschitz/network.js';
import { createNet, forward, parameters } from '../../../src/packs/lipschitz/network.js';
import type { NormKind } from '../../../src/packs/lipschitz/norms.js';
import { NORM_KINDS, normalizeWeight, operatorNorm } from '../../../src/packs/lipschitz/norms.js';
import { trainNet } from '../../../src/packs/lipschitz/train.js';
import { gradError } from '../../helpers/gradcheck.js';

const rng = createRng(11);
const rand = (r: number, c: number, s = 1) => tensor(r, c, normalInit(rng, r * c, s), true);

test('normalised weights respect the budget and back-propagate correctly for every kind', () => {
  for (const kind of NORM_KINDS) {
    for (const vectorwise of [true, false]) {
      const w = rand(4, 5, 1.3);
      const target = Array.from({ length: 20 }, (_, i) => Math.sin(i));
      const e = gradError((t) => mse(t, normalizeWeight(t, w, kind, 0.8, vectorwise), target), [w]);
      assert.ok(e < 1e-7, `${kind} vectorwise=${vectorwise}: gradient error ${e}`);
      const out = normalizeWeight(createTape(), w, kind, 0.8, vectorwise);
      assert.ok(operatorNorm(kind, out.data, 4, 5) <= 0.8 * (1 + 1e-15), `${kind}: norm above budget`);
    }
  }
});

test('operator norms match their definitions on a small matrix', () => {
  const w = [1, -2, 3, -4, 5, -6]; // [[1,-2,3],[-4,5,-6]]
  assert.equal(operatorNorm('one', w, 2, 3), 9); // max column abs-sum |3|+|−6|
  assert.equal(operatorNorm('inf', w, 2, 3), 15); // max row abs-sum
  assert.equal(operatorNorm('one-inf', w, 2, 3), 6);
  assert.equal(operatorNorm('two-inf', w, 2, 3), Math.sqrt(16 + 25 + 36));
});

test('GroupSort sorts within groups and its Jacobian is a permutation', () => {
  const x = tensor(2, 6, [3, 1, 2, 9, 8, 7, -1, -5, 4, 0, 2, 1], true);
  const y = groupSort(createTape(), x, 3);
  assert.deepEqual(Array.from(y.data), [1, 2, 3, 7, 8, 9, -5, -1, 4, 0, 1, 2]);
  const buf = Float64Array.from(x.data);
  groupSortInPlace(buf, 2);
  assert.deepEqual(Array.from(buf), [1, 3, 2, 9, 7, 8, -5, -1, 0, 4, 1, 2]);
  const weights = Array.from({ length: 12 }, (_, i) => i + 1);
  const e = gradError((t) => mse(t, groupSort(t, x, 3), weights), [x]);
  assert.ok(e < 1e-7, `gradient error ${e}`);
  assert.throws(() => groupSort(createTape(), x, 4), /groupSize must be a positive integer dividing/);
});

const baseConfig = (norm: NormKind, lambda = 1.5): NetConfig => ({
  inputs: 4, hidden: [8, 8], norm, lambda, monotone: [1, -1, 0, 0], groupSize: 2, activation: 'groupsort', vectorwise: true,
});

test('full network gradients (parameters and inputs) match finite differences', () => {
  for (const norm of NORM_KINDS) {
    const net = createNet(baseConfig(norm), createRng(norm));
    const x = rand(6, 4);
    const e = gradError((t) => mse(t, forward(t, net, x), [1, 0, -1, 2, 0.5, -0.5]), [...parameters(net), x]);
    assert.ok(e < 1e-6, `${norm}: gradient error ${e}`);
  }
});

/** Synthetic task: y = x0 − x1 + sin(2 x2) + 0.3 x3², normalised inputs in [−2, 2]. */
function synthetic(n: number, seed: number) {
  const r = createRng(seed);
  const x = new Float64Array(n * 4), y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 4; j++) x[i * 4 + j] = 4 * r.float() - 2;
    y[i] = x[i * 4] - x[i * 4 + 1] + Math.sin(2 * x[i * 4 + 2]) + 0.3 * x[i * 4 + 3] ** 2;
  }
  return { x, y, n, d: 4 };
}

function trained(norm: NormKind): SavedModel {
  const { net } = trainNet(baseConfig(norm), synthetic(256, 5), { epochs: 30, batchSize: 32, lr: 0.01, seed: 1, loss: 'mse' });
  const scaling = { inputShift: [0, 0, 0, 0], inputScale: [1, 1, 1, 1], outputShift: 0, outputScale: 1 };
  return saveModel(net, 'regression', ['a', 'b', 'c', 'd'], scaling);
}

function pNorm(v: number[], p: number): number {
  if (p === Infinity) return Math.max(...v.map(Math.abs));
  return Math.pow(v.reduce((s, x) => s + Math.abs(x) ** p, 0), 1 / p);
}

/** Counts pairs with |f(x) − f(y)| > bound·‖x − y‖_p among `pairs` random pairs (half of them close). */
function boundViolations(m: SavedModel, bound: number, p: number, pairs: number, seed: number): { violations: number; maxRatio: number } {
  const r = createRng(seed);
  const a = new Float64Array(pairs * 4), b = new Float64Array(pairs * 4);
  for (let i = 0; i < pairs; i++) {
    const eps = i % 2 === 0 ? 3 : 1e-3; // far pairs and near pairs (local slope)
    for (let j = 0; j < 4; j++) { a[i * 4 + j] = 6 * r.float() - 3; b[i * 4 + j] = a[i * 4 + j] + eps * (2 * r.float() - 1); }
  }
  const fa = evalNetwork(m, a, pairs), fb = evalNetwork(m, b, pairs);
  let violations = 0, maxRatio = 0;
  for (let i = 0; i < pairs; i++) {
    const dist = pNorm(Array.from(a.subarray(i * 4, i * 4 + 4), (v, j) => v - b[i * 4 + j]), p);
    const df = Math.abs(fa[i] - fb[i]);
    maxRatio = Math.max(maxRatio, df / dist);
    if (df > bound * dist * (1 + 1e-9) + 1e-12) violations++;
  }
  return { violations, maxRatio };
}

test('certified bound holds on 10^5 random input pairs of trained models, for every norm', () => {
  for (const norm of NORM_KINDS) {
    const m = validateModel(JSON.parse(JSON.stringify(trained(norm))));
    const B = certifiedBound(m);
    assert.ok(B.gBound <= m.lambda, `${norm}: product of norms ${B.gBound} exceeds λ`);
    assert.ok(B.monotoneCertified);
    const pairs = norm === 'one' ? 100_000 : 25_000;
    const { violations, maxRatio } = boundViolations(m, B.bound, B.p, pairs, 3);
    assert.equal(violations, 0, `${norm}: ${violations} pairs exceed the bound ${B.bound}`);
    // The model actually uses its budget (a trivially flat model would make the test vacuous).
    assert.ok(maxRatio > 0.3 * B.bound, `${norm}: max slope ratio ${maxRatio} vs bound ${B.bound}`);
  }
});

test('the pair test detects a model whose weights were scaled past its certificate', () => {
  const m = trained('one');
  const B = certifiedBound(m);
  const tampered: SavedModel = { ...m, layers: m.layers.map((l) => ({ w: l.w.map((r) => r.map((v) => 3 * v)), b: l.b })) };
  assert.ok(boundViolations(tampered, B.bound, B.p, 2000, 4).violations > 0);
  assert.equal(certifiedBound(tampered).monotoneCertified, false);
});

test('monotonicity holds on random pairs, on a grid, and in the analytic input gradient', () => {
  const m = trained('one');
  const c = checkMonotone(m, { points: 500, steps: 25, seed: 9 });
  assert.deepEqual(c.inputs, ['a', '-b']);
  assert.equal(c.checked, 2 * 500 * 25);
  assert.equal(c.violations, 0);
  // Grid over (x0, x2) with x1, x3 fixed: f must increase along x0 everywhere on the grid.
  const G = 60, z = new Float64Array(G * G * 4);
  for (let i = 0; i < G; i++) for (let k = 0; k < G; k++) {
    const o = (i * G + k) * 4;
    z[o] = -3 + (6 * i) / (G - 1); z[o + 1] = 0.4; z[o + 2] = -3 + (6 * k) / (G - 1); z[o + 3] = -1;
  }
  const f = evalNetwork(m, z, G * G);
  for (let i = 1; i < G; i++) for (let k = 0; k < G; k++) assert.ok(f[i * G + k] >= f[(i - 1) * G + k], `grid (${i}, ${k})`);
  // Analytic ∂f/∂x through the tape: ∂f/∂x0 ∈ [0, 2λ] and ∂f/∂x1 ∈ [−2λ, 0].
  const { net } = trainNet(baseConfig('one'), synthetic(256, 5), { epochs: 5, batchSize: 32, lr: 0.01, seed: 2, loss: 'mse' });
  const x = tensor(400, 4, normalInit(createRng(4), 1600, 2), true);
  const t = createTape();
  backward(t, sum(t, forward(t, net, x)));
  for (let i = 0; i < 400; i++) {
    const g0 = x.grad[i * 4], g1 = x.grad[i * 4 + 1];
    assert.ok(g0 >= 0 && g0 <= 3 + 1e-12 && g1 <= 0 && g1 >= -3 - 1e-12, `row ${i}: ${g0}, ${g1}`);
  }
});

test('an unconstrained network is not certified and fails the monotonicity check', () => {
  const cfg: NetConfig = { ...baseConfig('one'), norm: 'none', monotone: [0, 0, 0, 0], activation: 'relu' };
  const r = createRng(8);
  const data = synthetic(256, 6);
  for (let i = 0; i < data.n; i++) data.y[i] = Math.sin(3 * data.x[i * 4]) * 3; // non-monotone in x0
  const { net } = trainNet(cfg, data, { epochs: 40, batchSize: 32, lr: 0.01, seed: 3, loss: 'mse' });
  const m = saveModel(net, 'regression', ['a', 'b', 'c', 'd'], { inputShift: [0, 0, 0, 0], inputScale: [1, 1, 1, 1], outputShift: 0, outputScale: 1 });
  // Fitting 3·sin(3x) needs slopes up to 9, far above λ = 1.
  assert.equal(certifiedBound(m).monotoneCertified, false);
  assert.ok(checkMonotone(m, { points: 50, seed: r.u32(), directions: [1, 0, 0, 0] }).violations > 0);
});

test('saved models round-trip through JSON and malformed files are rejected by field', () => {
  const m = trained('inf');
  const back = validateModel(JSON.parse(JSON.stringify(m)));
  const z = Float64Array.from([0.1, -0.2, 0.3, 0.5, 1, 2, -1, 0]);
  assert.deepEqual(evalNetwork(back, z, 2), evalNetwork(m, z, 2));
  assert.throws(() => validateModel({ ...m, lambda: -1 }), /lambda/);
  assert.throws(() => validateModel({ ...m, monotone: [1, 2, 0, 0] }), /monotone/);
  assert.throws(() => validateModel({ ...m, layers: [{ w: [[1, 2]], b: [0] }] }), /layers\[0\]\.w\[0\]/);
  assert.throws(() => validateModel({ ...m, inputScale: [1, 0, 1, 1] }), /inputScale/);
});
