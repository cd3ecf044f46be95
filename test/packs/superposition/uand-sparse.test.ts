import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSparseUand, defaultDensityConstant } from '../../../src/packs/superposition/uand-sparse.js';
import { measureUand } from '../../../src/packs/superposition/measure.js';
import { summarizeResult } from '../../../src/packs/superposition/measure.js';
import { createRng } from '../../../src/core/rng.js';
import { sampleSparse } from '../../../src/packs/superposition/sampling.js';

test('C1 read-off is never below the AND value, on every pair of an exhaustive tiny instance', () => {
  const m = 24, s = 3;
  const M = buildSparseUand({ m, d: 400, seed: 1 });
  let reads = 0;
  for (let a0 = 0; a0 < m; a0++) for (let a1 = a0 + 1; a1 < m; a1++) for (let a2 = a1 + 1; a2 < m; a2 += 3) {
    const act = Int32Array.from([a0, a1, a2]);
    const a = M.activate(act);
    for (let k = 0; k < m; k++) for (let l = k + 1; l < m; l++) {
      const target = act.includes(k) && act.includes(l) ? 1 : 0;
      assert.ok(M.read(a, k, l) >= target - 1e-12);
      reads++;
    }
  }
  assert.ok(reads > 100000);
  assert.equal(s, 3);
});

test('C1 activations are max(0, #active in S_i − 1) and readRow agrees with pairwise reads', () => {
  const M = buildSparseUand({ m: 300, d: 500, seed: 2 });
  const act = sampleSparse(createRng(3), 300, 4);
  const a = M.activate(act);
  for (let i = 0; i < 500; i++) {
    let c = 0;
    for (let j = M.W.rowPtr[i]; j < M.W.rowPtr[i + 1]; j++) if (act.includes(M.W.rowIdx[j])) c++;
    assert.equal(a[i], Math.max(0, c - 1));
  }
  const row = new Float64Array(300);
  M.readRow!(a, act[1], row);
  for (const l of [0, 5, 77, 299]) if (l !== act[1]) assert.ok(Math.abs(row[l] - M.read(a, act[1], l)) < 1e-12);
});

test('C1 case-01 mean error ≈ (s−1)p (notes: exact expectation) within 4 standard errors', () => {
  const m = 1000, d = 4000, s = 3, c = 3.7;
  const M = buildSparseUand({ m, d, c, seed: 5 });
  const r = summarizeResult(measureUand(M, { s, inputs: 30, inputSeed: 9, pairs00: 50, risk00: 0 }));
  const c01 = r.cases['01'];
  // Read-offs of one input share neurons; use the per-input count (30·s) as a conservative effective n.
  const se = c01.std / Math.sqrt(30 * s);
  assert.ok(Math.abs(c01.mean - (s - 1) * M.p) < 4 * se, `${c01.mean} vs ${(s - 1) * M.p} ± ${se}`);
  assert.equal(r.cases['01'].negatives + r.cases['11'].negatives + r.cases['00'].negatives, 0);
  assert.equal(r.emptyReads, 0);
  assert.ok(Math.abs(defaultDensityConstant(1000) - Math.sqrt(2 * Math.log(1000) + 4)) < 1e-12);
});

test('C2 first layer equals W_in Φᵀ, so with orthonormal-like features the activations match C1 closely', () => {
  const m = 200, d = 600;
  const sup = buildSparseUand({ m, d, seed: 4, superposed: true, d0: 4000 });
  const basis = buildSparseUand({ m, d, seed: 4 });
  const act = Int32Array.from([3, 50, 120]);
  const a1 = sup.activate(act), a0 = basis.activate(act);
  // Per-neuron noise std √(s·|S_i|/d0) ≈ √(3·|S_i|/4000); allow 6 sd of the largest fan-in.
  let fan = 0;
  for (let i = 0; i < d; i++) fan = Math.max(fan, sup.W.rowPtr[i + 1] - sup.W.rowPtr[i]);
  const tol = 6 * Math.sqrt((3 * fan) / 4000);
  for (let i = 0; i < d; i++) assert.ok(Math.abs(a1[i] - a0[i]) <= tol, `${i}: ${a1[i]} vs ${a0[i]}`);
});

test('high fan-in block (n = 3) reads a triple as the mean over Γ(k1,k2,k3) with bias −2', () => {
  const M = buildSparseUand({ m: 100, d: 2000, n: 3, seed: 6 });
  const act = Int32Array.from([1, 2, 3]);
  const a = M.activate(act);
  assert.ok(M.readTuple(a, [1, 2, 3]) >= 1);
  assert.ok(M.readTuple(a, [1, 2, 50]) >= 0);
});
