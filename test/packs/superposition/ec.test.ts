import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildEcLayer, countCollisions, ecApply, ecReadAll, roundStair, roundStairRelus, roundUnit } from '../../../src/packs/superposition/ec.js';
import { createRng } from '../../../src/core/rng.js';
import { sampleSparse } from '../../../src/packs/superposition/sampling.js';

test('round_[−2,2] is exact on integers ± (1/3 − 1e-6), clips beyond, and is built from 8 ReLUs', () => {
  const relus = roundStairRelus(2);
  assert.equal(relus.length, 8);
  for (let n = -2; n <= 2; n++) {
    for (const e of [-(1 / 3 - 1e-6), 0, 1 / 3 - 1e-6]) {
      const x = n + e;
      assert.equal(roundStair(x), n, `${x}`);
      const viaRelus = relus.reduce((s, r) => s + r.weight * Math.max(0, r.sign * x - r.shift), 0);
      assert.ok(Math.abs(viaRelus - n) < 1e-12);
    }
  }
  assert.equal(roundStair(3.2), 2);
  assert.equal(roundStair(-7), -2);
  assert.equal(roundUnit(0.5), 0.5);
});

test('EC layer with exact inputs and no collisions returns Φ^u b exactly; the read-off is Φ^uᵀΦ^u b/|Γ|', () => {
  const L = buildEcLayer({ m: 500, d: 1000, s: 3, seed: 2 });
  const W = L.code;
  const rng = createRng(5);
  let checked = 0;
  for (let r = 0; r < 20; r++) {
    const act = sampleSparse(rng, 500, 3);
    if (countCollisions(L, act) > 0) continue;
    const b = new Float64Array(500);
    for (const k of act) b[k] = 1;
    const h = ecApply(L, b);
    assert.deepEqual(h, ecApply(L, b, false));
    for (const v of h) assert.ok(Number.isInteger(v) && Math.abs(v) <= 2);
    const y = ecReadAll(L, h);
    const col = (k: number): Map<number, number> => new Map(Array.from(W.colIdx.subarray(W.colPtr[k], W.colPtr[k + 1]), (i, j) => [i, W.colSign[W.colPtr[k] + j]]));
    for (const k of [...act, 0, 1, 2, 499]) {
      const ck = col(k);
      let dot = 0;
      for (const l of act) for (const [i, sg] of col(l)) dot += (ck.get(i) ?? 0) * sg;
      assert.equal(y[k], ck.size ? dot / ck.size : 0);
    }
    checked++;
  }
  assert.ok(checked > 10);
});

test('EC rounding removes input noise below 1/3 per neuron exactly', () => {
  const L = buildEcLayer({ m: 300, d: 800, s: 2, seed: 3 });
  const rng = createRng(6);
  const act = sampleSparse(rng, 300, 2);
  const b = new Float64Array(300);
  for (const k of act) b[k] = 1;
  const clean = ecApply(L, b);
  // Noise of size ε on every read-off: neuron deviation ≤ ε·(fan-in); choose ε so that this is < 1/3.
  let fanMax = 0;
  for (let i = 0; i < L.d; i++) fanMax = Math.max(fanMax, L.code.rowPtr[i + 1] - L.code.rowPtr[i]);
  const eps = 0.3 / fanMax;
  const noisy = b.map((v) => v + eps * (rng.float() * 2 - 1));
  assert.deepEqual(ecApply(L, noisy), clean);
});
