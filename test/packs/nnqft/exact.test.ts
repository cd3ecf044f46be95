// Exact formulas against independent brute-force integration and the published closed forms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gaussHermiteNormal, gaussLegendre } from '../../../src/core/quadrature.js';
import { besselJ, besselK0, erf, logGamma } from '../../../src/core/special.js';
import { exactConnected, exactG2, gpPrediction, neuronMoment, neuronMomentQuadrature } from '../../../src/packs/nnqft/exact.js';
import { kernelErf, kernelRelu, kernelGaussSL } from '../../../src/packs/nnqft/kernels.js';
import { ballVolume, freeScalarG2, freeScalarContinuum, characteristic, canonicalSigmaA2 } from '../../../src/packs/nnqft/radial.js';
import type { ArchSpec } from '../../../src/packs/nnqft/arch.js';

const close = (a: number, b: number, rel: number, what: string): void =>
  assert.ok(Math.abs(a - b) <= rel * Math.max(Math.abs(b), 1e-300), `${what}: ${a} vs ${b} (rel tol ${rel})`);

test('special functions match tabulated values', () => {
  close(erf(0.5), 0.5204998778130465, 1e-14, 'erf(0.5)');
  close(erf(3), 0.9999779095030014, 1e-14, 'erf(3)');
  close(besselJ(0, 1), 0.7651976865579666, 1e-13, 'J0(1)');
  close(besselJ(1, 7.5), 0.1352484275797, 1e-10, 'J1(7.5)');
  close(besselK0(1), 0.42102443824070834, 1e-10, 'K0(1)');
  close(Math.exp(logGamma(0.5)), Math.sqrt(Math.PI), 1e-14, 'Γ(1/2)');
  close(logGamma(100.5), 361.4355404677776, 1e-14, 'lnΓ(100.5)');
});

test('Cos-net connected 4-point: slide closed form = neuron-moment formula = brute-force (b, c) quadrature', () => {
  const x = [-0.7, -0.1, 0.4, 1.0], sb = 1.3, N = 3, d = 1;
  const spec: ArchSpec = { kind: 'cos', d, N, sigmaA: 1, sigmaB: sb };
  const e = (v: number): number => Math.exp((-sb * sb * v * v) / (2 * d));
  const slide = (1 / (8 * N)) * (3 * (e(x[0] + x[1] - x[2] - x[3]) + e(x[0] - x[1] + x[2] - x[3]) + e(x[0] - x[1] - x[2] + x[3]))
    - 2 * Math.exp((-sb * sb * ((x[0] - x[3]) ** 2 + (x[1] - x[2]) ** 2)) / (2 * d))
    - 2 * Math.exp((-sb * sb * ((x[0] - x[2]) ** 2 + (x[1] - x[3]) ** 2)) / (2 * d))
    - 2 * Math.exp((-sb * sb * ((x[0] - x[1]) ** 2 + (x[2] - x[3]) ** 2)) / (2 * d)));
  close(exactConnected(spec, x.map((v) => [v]), [0, 1, 2, 3]), slide, 1e-12, 'Gc4 cos');
  // Brute force: b by Gauss–Hermite, c by the (spectrally exact) trapezoid rule on its period.
  const gh = gaussHermiteNormal(80);
  let h4 = 0;
  for (let i = 0; i < 80; i++) {
    const b = sb * gh.nodes[i];
    let s = 0;
    for (let k = 0; k < 64; k++) { const c = -Math.PI + (2 * Math.PI * k) / 64; s += x.reduce((p, xa) => p * Math.cos(b * xa + c), 1); }
    h4 += gh.weights[i] * s / 64;
  }
  close(neuronMoment(spec, x.map((v) => [v])), h4, 1e-12, 'H4 cos');
});

test('duality Gauss-net: closed-form neuron moments equal Gauss–Hermite integration; G2 equals Cos-net', () => {
  const spec: ArchSpec = { kind: 'gauss', d: 2, N: 5, sigmaA: 1.2, sigmaB: 0.9, sigmaC: 0.4 };
  const xs = [[0.1, 0.3], [-0.2, 0.5], [0.4, -0.1], [0.0, 0.2]];
  const gh = gaussHermiteNormal(40);
  let h = 0;
  for (let i = 0; i < 40; i++) for (let j = 0; j < 40; j++) for (let k = 0; k < 40; k++) {
    const b = [(0.9 / Math.SQRT2) * gh.nodes[i], (0.9 / Math.SQRT2) * gh.nodes[j]], c = 0.4 * gh.nodes[k];
    let p = gh.weights[i] * gh.weights[j] * gh.weights[k];
    for (const x of xs) p *= Math.exp(b[0] * x[0] + b[1] * x[1] + c - 0.16 - (0.81 * (x[0] ** 2 + x[1] ** 2)) / 2);
    h += p;
  }
  close(neuronMoment(spec, xs), h, 1e-10, 'H4 gauss');
  const cos: ArchSpec = { kind: 'cos', d: 2, N: 5, sigmaA: 1.2, sigmaB: 0.9 };
  close(exactG2(spec, xs[0], xs[1]), exactG2(cos, xs[0], xs[1]), 1e-14, 'duality G2');
  assert.ok(Math.abs(exactConnected(spec, xs, [0, 1, 2, 3]) - exactConnected(cos, xs, [0, 1, 2, 3])) > 1e-3, 'G4 differ at finite N');
});

test('single-layer kernels (closed forms) equal quadrature of the neuron 2-point function', () => {
  for (const [x, y] of [[[0.3], [0.8]], [[-1], [0.6]], [[0.5, -0.2], [0.1, 0.9]]]) {
    close(kernelErf(1, 1, x, y), 1 + neuronMomentQuadrature('erf', 1, 1, [x, y]), 1e-9, 'K erf');
    close(kernelRelu(1.1, 0.7, x, y), 0.49 + 1.21 * neuronMomentQuadrature('relu', 1.1, 0.7, [x, y]), 1e-3, 'K relu (kink-limited quadrature)');
    close(kernelGaussSL(1, 1, x, y), exactG2({ kind: 'gauss-sl', d: x.length, N: 3, sigmaW: 1, sigmaB: 1 }, x, y), 1e-14, 'K gauss');
  }
});

test('ReLU test case: σ_b = 0, positive inputs, G_c4 = (15/4) σ_W⁸ x₁x₂x₃x₄ / N', () => {
  const spec: ArchSpec = { kind: 'relu', d: 1, N: 7, sigmaW: 1.2, sigmaB: 0 };
  const xs = [[0.2], [0.5], [0.9], [1.2]];
  close(exactConnected(spec, xs, [0, 1, 2, 3]), (15 / 4) * 1.2 ** 8 * 0.2 * 0.5 * 0.9 * 1.2 / 7, 1e-6, 'relu Gc4');
});

test('free scalar: radial Bessel quadrature equals brute-force polar integration; Λ = 50 value and Λ → ∞ limit', () => {
  const m = 1, L = 8;
  for (const [d, r] of [[2, 0.5], [2, 1.7], [3, 0.8]] as const) {
    // Brute force over the ball in polar/spherical coordinates without Bessel functions.
    const gl = gaussLegendre(64);
    let s = 0;
    const panels = 24;
    for (let p = 0; p < panels; p++) for (let i = 0; i < 64; i++) {
      const b = (L * (p + 0.5 + 0.5 * gl.nodes[i])) / panels, wb = (0.5 * L * gl.weights[i]) / panels;
      let ang = 0;
      for (let j = 0; j < 64; j++) {
        const u = gl.nodes[j];
        ang += d === 2 ? gl.weights[j] * Math.PI * Math.cos(b * r * Math.cos(Math.PI * (u + 1) / 2)) : gl.weights[j] * 2 * Math.PI * Math.cos(b * r * u);
      }
      s += (wb * (d === 2 ? b : b * b) * ang) / (b * b + m * m);
    }
    close(freeScalarG2(d, m, L, 1, r) * 2 * ballVolume(d, L), s, 1e-7, `free d=${d} r=${r}`);
  }
  // Value quoted in the notes: Λ = 50, d = 2, r = 0.5 gives 5.775 against 2πK₀(0.5) = 5.808.
  close(freeScalarG2(2, 1, 50, 1, 0.5) * 2 * ballVolume(2, 50), 5.775, 2e-4, 'notes value');
  close(freeScalarG2(3, 1, 400, Math.sqrt(canonicalSigmaA2(3, 400)), 1.0), freeScalarContinuum(3, 1, 1.0), 5e-3, 'd=3 continuum');
  close(characteristic({ family: 'normal', scale: 1.3 }, 2, 0, 0, 2, 0.7), Math.exp((-1.69 * 0.49) / 4), 1e-12, 'normal closed form');
  close(characteristic({ family: 'normal', scale: 1.3 }, 2, 0.5, 0.001, 2, 0.7), Math.exp((-1.69 * 0.49) / 4) * 1, 2e-3, 'normal radial quadrature');
});

test('Cauchy example: G2 = (σ_a²/2) e^{−m|x−y|}; GP 4-point is the Wick sum', () => {
  const spec: ArchSpec = { kind: 'cauchy', d: 1, N: 4, sigmaA: 1.5, mass: 0.7 };
  close(exactG2(spec, [0.2], [1.1]), (2.25 / 2) * Math.exp(-0.7 * 0.9), 1e-14, 'cauchy G2');
  const pts = [[0], [0.3], [0.5], [1.2]];
  const g = (i: number, j: number): number => exactG2(spec, pts[i], pts[j]);
  close(gpPrediction(spec, pts, [0, 1, 2, 3]), g(0, 1) * g(2, 3) + g(0, 2) * g(1, 3) + g(0, 3) * g(1, 2), 1e-14, 'wick');
  // Notes: G_c4 = (σ_a⁴/(8N)) [3 Σ_± e^{−m|x^±|} − 2 Σ_pairings e^{−m(|x_a−x_b|+|x_c−x_d|)}]
  const x = pts.map((p) => p[0]), e = (v: number): number => Math.exp(-0.7 * Math.abs(v));
  const ref = (1.5 ** 4 / 32) * (3 * (e(x[0] + x[1] - x[2] - x[3]) + e(x[0] - x[1] + x[2] - x[3]) + e(x[0] - x[1] - x[2] + x[3]))
    - 2 * (e(x[0] - x[1]) * e(x[2] - x[3]) + e(x[0] - x[2]) * e(x[1] - x[3]) + e(x[0] - x[3]) * e(x[1] - x[2])));
  close(exactConnected(spec, pts, [0, 1, 2, 3]), ref, 1e-12, 'cauchy Gc4');
});
