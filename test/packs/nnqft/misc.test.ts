// Input validation, the user architecture, power spectra and width fits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateArch, type ArchSpec } from '../../../src/packs/nnqft/arch.js';
import { parsePoints } from '../../../src/packs/nnqft/points.js';
import { correlator } from '../../../src/packs/nnqft/correlator.js';
import { ballVolume, characteristic, powerSpectrum } from '../../../src/packs/nnqft/radial.js';
import { integrate } from '../../../src/core/quadrature.js';
import { fitWidthSlope } from '../../../src/packs/nnqft/scaling.js';

test('points parse "x1;x2" with "," inside a point and reject bad input', () => {
  assert.deepEqual(parsePoints('0.1,0.2;-1,3'), [[0.1, 0.2], [-1, 3]]);
  assert.throws(() => parsePoints('0.1,a'), /coordinate 'a'/);
  assert.throws(() => parsePoints('0.1,0.2;1'), /points\[1\]/);
  assert.throws(() => parsePoints(''), /non-empty/);
});

test('architecture validation names the bad field', () => {
  const bad: [unknown, RegExp][] = [
    [{ kind: 'cos', d: 1, N: 2, sigmaA: -1, sigmaB: 1 }, /arch\.sigmaA/],
    [{ kind: 'free', d: 2, N: 2, sigmaA: 1, mass: 0, cutoff: 5 }, /arch\.mass/],
    [{ kind: 'user', d: 1, N: 2, sigmaA: 1, b: { family: 'laplace', scale: 1 }, F: { mass: 0, power: 0 }, activation: 'identity' }, /arch\.b\.family/],
    [{ kind: 'user', d: 1, N: 2, sigmaA: 1, b: { family: 'normal', scale: 1 }, F: { mass: 0, power: 0 }, activation: 'softplus' }, /arch\.activation/],
    [{ kind: 'tanh', d: 1, N: 2 }, /arch\.kind/],
  ];
  for (const [spec, re] of bad) assert.throws(() => validateArch(spec as ArchSpec), re);
});

test('user architecture with a non-linear activation runs by Monte Carlo without an exact value', async () => {
  const spec: ArchSpec = { kind: 'user', d: 1, N: 3, sigmaA: 1, b: { family: 'student', scale: 1, nu: 3 }, F: { mass: 1, power: 0.5 }, activation: 'tanh' };
  const r = await correlator(spec, [[0], [0.5]], { order: 2, networks: 2000, seed: 1 });
  assert.ok(Number.isFinite(r.estimate) && r.stderr > 0 && r.exact === undefined);
});

test('power spectra: slide formulas in the (2π)^{-d} convention, and the Fourier transform gives G2', () => {
  const m = 0.8, L = 6, sa = 1.3;
  // Free scalar: G̃(p) = σ_a²(2π)^d / (2 vol) · 1/(p²+m²) inside the ball.
  const d = 2, p = 1.7;
  const slide = ((sa * sa * (2 * Math.PI) ** d) / (2 * ballVolume(d, L))) / (p * p + m * m);
  assert.ok(Math.abs(powerSpectrum({ family: 'ball', scale: L }, d, m, 1, sa, p) * (2 * Math.PI) ** d - slide) < 1e-12 * slide);
  // Cauchy: σ_a² m/(p²+m²); and ∫dp e^{ipr} G̃(p) = (σ_a²/2) e^{−m|r|}.
  const cauchy = { family: 'cauchy' as const, scale: m };
  assert.ok(Math.abs(powerSpectrum(cauchy, 1, 0, 0, sa, p) * 2 * Math.PI - (sa * sa * m) / (p * p + m * m)) < 1e-12);
  const r = 0.7;
  const ft = 2 * integrate((q) => Math.cos(q * r) * powerSpectrum({ family: 'normal', scale: 1.1 }, 1, 0, 0, sa, q), 0, 20, 40, 16);
  assert.ok(Math.abs(ft - ((sa * sa) / 2) * characteristic({ family: 'normal', scale: 1.1 }, 1, 0, 0, 2, r)) < 1e-12);
});

test('width fit recovers a known exponent and skips unresolved widths', () => {
  const pts = [1, 2, 4, 8, 16, 32].map((N) => ({ N, estimate: 0.3 / N * (1 + 0.01 * Math.sin(N)), stderr: 0.001 }));
  const f = fitWidthSlope(pts)!;
  assert.ok(f.slopeCI.lo < -1 && f.slopeCI.hi > -1 && Math.abs(f.slope + 1) < 0.02);
  assert.deepEqual(f.used, [1, 2, 4, 8, 16, 32]);
  const g = fitWidthSlope(pts.map((q) => ({ ...q, stderr: 0.005 })))!;
  assert.deepEqual(g.used, [1, 2, 4, 8, 16]);
  assert.equal(fitWidthSlope(pts.slice(0, 2)), null);
});
