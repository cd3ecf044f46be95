import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CircuitError, GATE_OPS, gateAffine, gateValue, maxSparsity, mobius, outputSupports, randomSparseCircuit, simulate, validateCircuit } from '../../../src/packs/superposition/circuit.js';
import { createRng } from '../../../src/core/rng.js';

const example = {
  inputs: 4,
  layers: [
    [{ op: 'AND', in: [0, 1] }, { op: 'XOR', in: [1, 2] }, { op: 'NOT', in: [3] }],
    [{ op: 'OR', in: [0, 2] }, { op: 'NAND', in: [1, 2] }],
  ],
};

test('simulator matches a hand-written formula on all 16 inputs', () => {
  const c = validateCircuit(example);
  for (let x = 0; x < 16; x++) {
    const b = [0, 1, 2, 3].map((i) => (x >> i) & 1);
    const tr = simulate(c, b);
    const l0 = [b[0] & b[1], b[1] ^ b[2], 1 - b[3]];
    assert.deepEqual([...tr[1]], l0);
    assert.deepEqual([...tr[2]], [l0[0] | l0[2], 1 - (l0[1] & l0[2])]);
  }
});

test('validator names the offending field', () => {
  assert.throws(() => validateCircuit(null), /circuit: must be an object/);
  assert.throws(() => validateCircuit({ inputs: 0, layers: [] }), /circuit\.inputs: must be a positive integer/);
  assert.throws(() => validateCircuit({ inputs: 2, layers: [[{ op: 'AND', in: [0, 2] }]] }), (e: unknown) => e instanceof CircuitError && /layers\[0\]\[0\]\.in\[1\]: must be an integer in \[0, 2\)/.test((e as Error).message));
  assert.throws(() => validateCircuit({ inputs: 2, layers: [[{ op: 'MAJ', in: [0, 1] }]] }), /layers\[0\]\[0\]\.op: must be one of AND/);
  assert.throws(() => validateCircuit({ inputs: 2, layers: [[{ op: 'NOT', in: [0, 1] }]] }), /NOT needs exactly 1/);
  assert.throws(() => validateCircuit({ inputs: 2, layers: [[{ op: 'NOT', in: [0] }], [{ op: 'AND', in: [0, 1] }]] }), /layers\[1\]\[0\]\.in\[1\]: must be an integer in \[0, 1\) \(width of the layer 0\)/);
  assert.throws(() => validateCircuit({ inputs: 2, layers: [[]] }), /layers\[0\]: must be a non-empty/);
  assert.throws(() => validateCircuit({ inputs: 2, layers: [[{ op: 'NOT', in: [0], x: 1 }]] }), /layers\[0\]\[0\]\.x: unknown field/);
});

test('gate affine identities (C9) are exact on all four inputs', () => {
  for (const op of GATE_OPS) {
    const f = gateAffine(op);
    for (const a of [0, 1]) for (const b of [0, 1]) {
      const bb = op === 'NOT' || op === 'COPY' ? 0 : b;
      assert.equal(f.k + f.a * a + f.b * bb + f.and * (a & bb), gateValue(op, a, bb), `${op}(${a},${bb})`);
    }
  }
});

test('Möbius expansion reproduces every output on every input', () => {
  const c = validateCircuit(example);
  const sup = outputSupports(c);
  assert.deepEqual(sup, [[0, 1, 3], [1, 2, 3]]);
  for (let j = 0; j < 2; j++) {
    const { vars, coef } = mobius(c, j);
    for (let x = 0; x < 16; x++) {
      const b = [0, 1, 2, 3].map((i) => (x >> i) & 1);
      let v = 0;
      coef.forEach((cf, mask) => { if (vars.every((vv, t) => !(mask & (1 << t)) || b[vv])) v += cf; });
      const tr = simulate(c, b);
      assert.equal(v, tr[2][j]);
    }
  }
});

test('random sparse circuits without XOR never increase the number of ones', () => {
  const rng = createRng(4);
  const c = validateCircuit(randomSparseCircuit(rng, 50, 6));
  for (let r = 0; r < 50; r++) {
    const b = new Array(50).fill(0);
    for (let t = 0; t < 4; t++) b[rng.int(50)] = 1;
    const tr = simulate(c, b);
    assert.equal(maxSparsity(tr), tr[0].reduce((s, v) => s + v, 0));
  }
});
