// Invariance checks as paired differences: Cos-net is translation and rotation invariant at finite N;
// the duality Gauss-net is rotation invariant but breaks translations by the predicted amount.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairedDifference } from '../../../src/packs/nnqft/symmetry.js';
import { exactConnected } from '../../../src/packs/nnqft/exact.js';
import { rotate, shift } from '../../../src/packs/nnqft/points.js';
import type { ArchSpec } from '../../../src/packs/nnqft/arch.js';

const P1 = [[-0.35], [-0.05], [0.2], [0.5]];
const P2 = [[0, 0], [0.3, 0.1], [-0.2, 0.4], [0.5, -0.3]];
const opts = { networks: 100000, seed: 5 };

test('exact formulas: Cos-net G_c4 is translation invariant, Gauss-net G_c4 is not', () => {
  const cos: ArchSpec = { kind: 'cos', d: 1, N: 3, sigmaA: 1, sigmaB: 1 };
  const gauss: ArchSpec = { kind: 'gauss', d: 1, N: 3, sigmaA: 1, sigmaB: 1, sigmaC: 0.3 };
  const t = [0, 1, 2, 3];
  assert.ok(Math.abs(exactConnected(cos, shift(P1, [1.7]), t) - exactConnected(cos, P1, t)) < 1e-14);
  assert.ok(Math.abs(exactConnected(gauss, shift(P1, [0.3]), t) - exactConnected(gauss, P1, t)) > 0.05);
});

test('Cos-net: translated and rotated connected G4 differ from the original by less than 4 standard errors', async () => {
  const tr = await pairedDifference({ kind: 'cos', d: 1, N: 2, sigmaA: 1, sigmaB: 1 }, P1, shift(P1, [0.6]), opts);
  assert.ok(Math.abs(tr.z) < 4, `translation z = ${tr.z}`);
  const rot = await pairedDifference({ kind: 'cos', d: 2, N: 2, sigmaA: 1, sigmaB: 1 }, P2, rotate(P2, 0.7), opts);
  assert.ok(Math.abs(rot.z) < 4, `rotation z = ${rot.z}`);
  assert.equal(rot.predicted !== undefined && Math.abs(rot.predicted) < 1e-12, true);
});

test('Gauss-net (N = 2, σ_c = 0.3): translation violation is resolved and matches its exact size; rotations are a symmetry', async () => {
  const gauss: ArchSpec = { kind: 'gauss', d: 1, N: 2, sigmaA: 1, sigmaB: 1, sigmaC: 0.3 };
  const tr = await pairedDifference(gauss, P1, shift(P1, [0.3]), opts);
  assert.ok(tr.z > 5, `violation resolved: z = ${tr.z}`);
  assert.ok(Math.abs(tr.zPredicted!) < 4, `matches prediction ${tr.predicted}: z = ${tr.zPredicted}`);
  const rot = await pairedDifference({ ...gauss, d: 2 }, P2, rotate(P2, 0.7), opts);
  assert.ok(Math.abs(rot.z) < 4, `rotation z = ${rot.z}`);
});
