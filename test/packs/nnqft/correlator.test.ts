// Monte Carlo correlators against the exact finite-N values, within 4 jackknife standard errors
// (fixed seeds, so each check is deterministic).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { correlator } from '../../../src/packs/nnqft/correlator.js';
import { sampleMoments } from '../../../src/packs/nnqft/ensemble.js';
import { sampleMomentsParallel } from '../../../src/packs/nnqft/parallel.js';
import type { ArchSpec } from '../../../src/packs/nnqft/arch.js';

const Z = 4;

async function within(spec: ArchSpec, points: number[][], order: 2 | 4 | 6, connected: boolean, networks: number, seed = 7): Promise<void> {
  const r = await correlator(spec, points, { order, connected, networks, seed });
  assert.ok(r.exact !== undefined && r.z !== undefined, 'exact value available');
  assert.ok(Number.isFinite(r.stderr) && r.stderr > 0, 'positive standard error');
  assert.ok(Math.abs(r.z) < Z, `${spec.kind} order ${order}${connected ? ' connected' : ''}: MC ${r.estimate} ± ${r.stderr} vs exact ${r.exact} (z = ${r.z.toFixed(2)})`);
  // The check has power: the exact value must be resolved, not buried in noise (except for exactly-zero cases).
  if (connected && order > 2) assert.ok(Math.abs(r.exact) > 3 * r.stderr, `${spec.kind}: exact ${r.exact} resolved by stderr ${r.stderr}`);
}

const P1 = [[-0.7], [-0.1], [0.4], [1.0]];

test('Cos-net: G2 and connected G4 at N = 3 match exact', async () => {
  const spec: ArchSpec = { kind: 'cos', d: 1, N: 3, sigmaA: 1, sigmaB: 1 };
  await within(spec, P1.slice(0, 2), 2, false, 40000);
  await within(spec, P1, 4, true, 200000);
});

test('Cos-net in d = 2: connected G4 at N = 2', async () => {
  await within({ kind: 'cos', d: 2, N: 2, sigmaA: 1, sigmaB: 1.5 }, [[0, 0], [0.3, 0.1], [-0.2, 0.4], [0.5, -0.3]], 4, true, 150000);
});

test('Cos-net connected 6-point at N = 1 (~1/N²) matches exact', async () => {
  await within({ kind: 'cos', d: 1, N: 1, sigmaA: 1, sigmaB: 1 }, [[-0.5], [-0.2], [0], [0.3], [0.6], [0.9]], 6, true, 1000000);
});

test('duality Gauss-net: connected G4 at N = 2 with σ_c = 0.3', async () => {
  await within({ kind: 'gauss', d: 1, N: 2, sigmaA: 1, sigmaB: 1, sigmaC: 0.3 }, P1.map((p) => [p[0] * 0.5]), 4, true, 200000);
});

test('Erf-net with biases: full G4 and connected G4 at N = 2', async () => {
  const spec: ArchSpec = { kind: 'erf', d: 1, N: 2, sigmaW: 1, sigmaB: 1 };
  await within(spec, P1, 4, false, 60000);
  await within(spec, P1, 4, true, 200000);
});

test('ReLU-net (σ_b = 0, positive inputs): connected G4 = 15 σ_W⁸ Πx / (4N)', async () => {
  await within({ kind: 'relu', d: 1, N: 2, sigmaW: 1, sigmaB: 0 }, [[0.2], [0.4], [0.6], [0.8]], 4, true, 200000);
});

test('Cauchy example (d = 1): connected G4 at N = 2', async () => {
  await within({ kind: 'cauchy', d: 1, N: 2, sigmaA: 1, mass: 1 }, P1, 4, true, 200000);
});

test('free scalar d = 2, Λ = 5: G2 at N = 4 equals the radial-quadrature value', async () => {
  await within({ kind: 'free', d: 2, N: 4, sigmaA: 1, mass: 1, cutoff: 5 }, [[0, 0], [0.3, 0.2]], 2, false, 60000);
});

test('user spec (normal b, F = 1/√(b²+1), identity) has exact G2 by radial quadrature', async () => {
  await within({ kind: 'user', d: 2, N: 3, sigmaA: 1, b: { family: 'normal', scale: 2 }, F: { mass: 1, power: 1 }, activation: 'identity' }, [[0, 0], [0.5, 0.2]], 2, false, 60000);
});

test('chunks are reproducible: same seed same sums, two workers give bit-identical results', async () => {
  const spec: ArchSpec = { kind: 'cos', d: 1, N: 5, sigmaA: 1, sigmaB: 1 };
  const a = sampleMoments(spec, P1, [[0, 1, 2, 3]], { networks: 4000, chunks: 4, seed: 3 });
  const b = await sampleMomentsParallel(spec, P1, [[0, 1, 2, 3]], { networks: 4000, chunks: 4, seed: 3, workers: 2 });
  assert.deepEqual(Array.from(b.sums), Array.from(a.sums));
  const c = sampleMoments(spec, P1, [[0, 1, 2, 3]], { networks: 4000, chunks: 4, seed: 4 });
  assert.notDeepEqual(Array.from(c.sums), Array.from(a.sums));
});

test('invalid inputs are rejected with the field named', async () => {
  await assert.rejects(correlator({ kind: 'cos', d: 1, N: 0, sigmaA: 1, sigmaB: 1 }, P1, { order: 4, networks: 100 }), /arch\.N/);
  await assert.rejects(correlator({ kind: 'cos', d: 1, N: 2, sigmaA: 1, sigmaB: 1 }, P1, { order: 6, networks: 100 }), /points/);
  await assert.rejects(correlator({ kind: 'cauchy', d: 2, N: 2, sigmaA: 1, mass: 1 }, [[0, 0], [1, 1]], { order: 2, networks: 100 }), /arch\.d/);
  await assert.rejects(correlator({ kind: 'cos', d: 1, N: 2, sigmaA: 1, sigmaB: 1 }, P1, { order: 4, networks: 1 }), /networks/);
});
