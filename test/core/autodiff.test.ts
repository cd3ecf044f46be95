// Gradient checks of the training core (src/core/autodiff.ts, src/core/optim.ts) against
// central finite differences, and optimiser sanity on problems with known minima.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Tape, Tensor } from '../../src/core/autodiff.js';
import { add, backward, bceWithLogits, createTape, hinge, linear, mse, mul, param, relu, scale, sigmoid, sub, sum, tanh, tensor } from '../../src/core/autodiff.js';
import { gradError } from '../helpers/gradcheck.js';
import { adam, gatherRows, miniBatches, normalInit, sgd } from '../../src/core/optim.js';
import { createRng } from '../../src/core/rng.js';

const rng = createRng(7);
const rand = (r: number, c: number, grad = true): Tensor => tensor(r, c, normalInit(rng, r * c, 1), grad);

test('dense layers, activations and losses match finite differences', () => {
  const x = rand(5, 3), w1 = rand(4, 3), b1 = rand(1, 4), w2 = rand(1, 4), b2 = rand(1, 1);
  const y = Array.from({ length: 5 }, (_, i) => i % 2);
  const ypm = y.map((v) => 2 * v - 1);
  const nets: Array<(t: Tape) => Tensor> = [
    (t) => mse(t, linear(t, tanh(t, linear(t, x, w1, b1)), w2, b2), [1, 2, 3, 4, 5]),
    (t) => bceWithLogits(t, linear(t, sigmoid(t, linear(t, x, w1, b1)), w2, b2), y, 3),
    (t) => hinge(t, linear(t, tanh(t, linear(t, x, w1, b1)), w2, b2), ypm, 0.7),
    (t) => sum(t, mul(t, add(t, linear(t, x, w1, b1), scale(t, linear(t, x, w1), 2)), sub(t, linear(t, x, w1, b1), linear(t, x, w1))), true),
    // ReLU kinks are measure-zero; seeded normal data keeps every pre-activation away from 0.
    (t) => mse(t, linear(t, relu(t, linear(t, x, w1, b1)), w2, b2), [0, 1, 0, 1, 0]),
  ];
  for (const [k, f] of nets.entries()) {
    const e = gradError(f, [x, w1, b1, w2, b2]);
    assert.ok(e < 1e-7, `network ${k}: relative gradient error ${e}`);
  }
});

test('constants get no gradient work and backward rejects a non-scalar loss', () => {
  const x = tensor(2, 2, [1, 2, 3, 4]);
  const w = param(1, 2, [0.5, -1]);
  const t = createTape();
  const out = linear(t, x, w);
  assert.throws(() => backward(t, out), /loss must be 1x1/);
  const t2 = createTape();
  backward(t2, sum(t2, linear(t2, x, w)));
  assert.deepEqual(Array.from(x.grad), [0, 0, 0, 0]);
  assert.deepEqual(Array.from(w.grad), [4, 6]);
});

test('shape errors name the operation', () => {
  assert.throws(() => linear(createTape(), tensor(2, 3), tensor(1, 2)), /linear: x is 2x3/);
  assert.throws(() => tensor(0, 1), /shape must be positive/);
  assert.throws(() => mse(createTape(), tensor(2, 1), [1]), /mse: target length/);
});

test('Adam and SGD reach the least-squares solution of a linear regression', () => {
  const r = createRng(3);
  const n = 200, d = 3, wTrue = [1.5, -2, 0.5];
  const X = normalInit(r, n * d, 1);
  const Y = Array.from({ length: n }, (_, i) => wTrue.reduce((s, w, j) => s + w * X[i * d + j], 0) + 0.3);
  for (const make of [(p: Tensor[]) => adam(p, { lr: 0.05 }), (p: Tensor[]) => sgd(p, { lr: 0.1, momentum: 0.9 })]) {
    const w = param(1, d), b = param(1, 1);
    const opt = make([w, b]);
    const order = createRng(5);
    for (let e = 0; e < 150; e++) {
      for (const idx of miniBatches(order, n, 50)) {
        const t = createTape();
        backward(t, mse(t, linear(t, tensor(idx.length, d, gatherRows(X, d, idx)), w, b), idx.map((i) => Y[i])));
        opt.step();
      }
    }
    // Noise-free data: the optimum is exact, so only optimiser convergence error remains.
    for (let j = 0; j < d; j++) assert.ok(Math.abs(w.data[j] - wTrue[j]) < 1e-3, `w[${j}] = ${w.data[j]}`);
    assert.ok(Math.abs(b.data[0] - 0.3) < 1e-3);
  }
});

test('mini-batches partition the indices and are reproducible from the seed', () => {
  const a = miniBatches(createRng(1), 10, 4), b = miniBatches(createRng(1), 10, 4);
  assert.deepEqual(a, b);
  assert.deepEqual(a.map((x) => x.length), [4, 4, 2]);
  assert.deepEqual(a.flat().sort((p, q) => p - q), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.throws(() => miniBatches(createRng(1), 10, 0), /batchSize/);
});

test('float32 tensors give float32 results whose gradients match float64 to single precision', () => {
  const r = createRng(9);
  const xs = normalInit(r, 12, 1), ws = normalInit(r, 16, 1), bs = normalInit(r, 4, 1), vs = normalInit(r, 4, 1);
  const grads = (dtype: 'f32' | 'f64') => {
    const x = tensor(3, 4, xs, false, dtype), w = tensor(4, 4, ws, true, dtype);
    const b = tensor(1, 4, bs, true, dtype), v = tensor(1, 4, vs, true, dtype);
    const t = createTape();
    const h = tanh(t, linear(t, x, w, b));
    assert.equal(h.data instanceof Float32Array, dtype === 'f32');
    backward(t, mse(t, linear(t, h, v), [0.5, -1, 2]));
    return [...w.grad, ...b.grad, ...v.grad];
  };
  const g32 = grads('f32'), g64 = grads('f64');
  // Inputs are rounded to float32 (relative 6e-8) and stored results too; 1e-5 leaves a wide margin.
  g64.forEach((g, i) => assert.ok(Math.abs(g32[i] - g) <= 1e-5 * (1 + Math.abs(g)), `entry ${i}: ${g32[i]} vs ${g}`));
  assert.throws(() => tensor(1, 1, [1], false, 'f16' as 'f32'), /dtype/);
});
