import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FeatureBank, coherence, featureVector } from '../../../src/packs/superposition/features.js';

test('features are unit vectors and regenerate identically with or without the dense cache', () => {
  const spec = { seed: 11, m: 50, d0: 64 };
  const dense = new FeatureBank(spec);
  const lazy = new FeatureBank(spec, 0);
  for (const k of [0, 7, 49]) {
    const v = featureVector(spec, k);
    let n = 0;
    for (const x of v) n += x * x;
    assert.ok(Math.abs(n - 1) < 1e-12);
    const a = dense.get(k), b = lazy.get(k);
    for (let i = 0; i < 64; i++) assert.ok(Math.abs(a[i] - b[i]) < 1e-6); // dense copy is Float32
  }
  const r = featureVector({ seed: 1, m: 3, d0: 16, kind: 'rademacher' }, 2);
  for (const x of r) assert.equal(Math.abs(x), 0.25);
});

test('read-off of an encoding: φ_k·Φb = b_k + Σ_{l active, l≠k} φ_k·φ_l (exact algebra)', () => {
  const bank = new FeatureBank({ seed: 3, m: 40, d0: 32 });
  const act = [2, 9, 30];
  const x = bank.encode(act);
  for (const k of [2, 5, 30]) {
    let expect = act.includes(k) ? 1 : 0;
    const phik = bank.get(k);
    for (const l of act) if (l !== k) expect += bank.read(phik, l);
    assert.ok(Math.abs(bank.read(x, k) - expect) < 1e-5); // the cache stores Float32 (relative rounding 6e-8 per entry)
  }
});

test('coherence of Gaussian features is below √(4 ln m / d0) + margin and above √(1/d0)', () => {
  const m = 200, d0 = 400;
  const mu = coherence(new FeatureBank({ seed: 5, m, d0 }));
  // max of C(m,2) ≈ 2e4 values with sd 1/√d0 = 0.05: expected ≈ 4.4 sd ≈ 0.22; the bound √(4 ln m/d0) = 0.23 + slack.
  assert.ok(mu < Math.sqrt((4 * Math.log(m)) / d0) + 0.05, String(mu));
  assert.ok(mu > 1 / Math.sqrt(d0));
});
