// Balancer (C6), composition gadget (Thm 10) and one-layer circuit emulation (Thm 6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { balance, buildBalancer, evalPL, normEstimate, RELU_GAUSS_MEAN, semicirclePL } from '../../../src/packs/superposition/balancer.js';
import { gadget } from '../../../src/packs/superposition/gadget.js';
import { createRng } from '../../../src/core/rng.js';
import { buildOneLayerEmulation, runOneLayer } from '../../../src/packs/superposition/emulate.js';
import { validateCircuit } from '../../../src/packs/superposition/circuit.js';

test('piecewise-linear semicircle interpolates √(s0 − t²) exactly at its knots', () => {
  const s0 = 4, K = 32;
  const f = semicirclePL(s0, K);
  for (let j = 0; j <= K; j++) {
    const t = 2 * Math.sin((Math.PI * j) / (2 * K));
    assert.ok(Math.abs(evalPL(f, t) - Math.sqrt(Math.max(0, s0 - t * t))) < 1e-9);
  }
});

test('N(a)/|a| ≈ 1/√(2π) within 5/√d and balanced norms ≈ √s0', () => {
  const d = 400;
  const B = buildBalancer({ d, s0: 4, seed: 1 });
  const rng = createRng(2);
  for (let r = 0; r < 5; r++) {
    const a = Float64Array.from({ length: d }, () => rng.normal() * (0.5 + r * 0.3) / Math.sqrt(d));
    const na = Math.hypot(...a);
    assert.ok(Math.abs(normEstimate(B, a) / na - RELU_GAUSS_MEAN) < 5 / Math.sqrt(d) * RELU_GAUSS_MEAN);
    const nb = Math.hypot(...balance(B, a));
    assert.ok(Math.abs(nb / 2 - 1) < 8 / Math.sqrt(d), `${nb}`);
  }
});

test('Thm 10 gadget: AND error ≤ 2ε and OR error ≤ 4ε for all noisy inputs with ε < 1/2', () => {
  const rng = createRng(3);
  for (const eps of [0.05, 0.2, 0.45]) {
    for (let r = 0; r < 2000; r++) {
      const f1 = rng.int(2), f2 = rng.int(2);
      const g = gadget(f1 + eps * (2 * rng.float() - 1), f2 + eps * (2 * rng.float() - 1));
      assert.ok(Math.abs(g.and - (f1 & f2)) <= 2 * eps + 1e-12);
      assert.ok(Math.abs(g.or - (f1 | f2)) <= 4 * eps + 1e-12);
    }
  }
  const exact = gadget(1, 0);
  assert.equal(exact.paperAnd, 1 / 4); // the paper's read-off: separable, not 0/1-valued
});

test('one-layer emulation (Thm 6): output error ≤ Σ_T |c_T|·(block error of monomial T) on every input', () => {
  const c = validateCircuit({ inputs: 40, layers: [[{ op: 'XOR', in: [0, 1] }, { op: 'OR', in: [2, 3] }, { op: 'AND', in: [4, 5] }], [{ op: 'XOR', in: [0, 1] }, { op: 'ANDNOT', in: [2, 1] }]] });
  const E = buildOneLayerEmulation(c, { dPerBlock: 1500, seed: 1 });
  const rng = createRng(4);
  for (let r = 0; r < 40; r++) {
    const act = new Set<number>();
    while (act.size < 3) act.add(rng.int(r % 2 ? 6 : 40));
    const actives = Int32Array.from([...act].sort((x, y) => x - y));
    const { out, truth } = runOneLayer(E, actives);
    E.terms.forEach((t, j) => {
      let bound = 0;
      t.coef.forEach((cf, mask) => {
        if (cf === 0 || mask === 0) return;
        const ks = t.vars.filter((_, i) => mask & (1 << i));
        const B = E.blocks.get(ks.length)!;
        const exact = ks.every((k) => act.has(k)) ? 1 : 0;
        bound += Math.abs(cf) * Math.abs(B.readTuple(B.activate(actives), ks) - exact);
      });
      assert.ok(Math.abs(out[j] - truth[j]) <= bound + 1e-9, `output ${j}`);
    });
  }
});
