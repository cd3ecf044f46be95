// Monotonic Lipschitz network (thesis §2.2): g = MLP with weight-normalised layers and GroupSort,
// f(x) = g(x) + λ Σ_i c_i x_i with c_i ∈ {−1, 0, +1} (Eq. 2.3). Trainable parameters are the raw
// weights; the normalised weights Ŵ = Norm(W) are recomputed on every forward pass (Algorithm 1).
import type { Tape, Tensor } from '../../core/autodiff.js';
import { createTape, custom, linear, param, relu } from '../../core/autodiff.js';
import { uniformInit } from '../../core/optim.js';
import type { Rng } from '../../core/rng.js';
import { checkGroupSize, groupSort } from './groupsort.js';
import type { NormKind } from './norms.js';
import { hiddenKind, isNormKind, normalizeWeight } from './norms.js';

export type NormChoice = NormKind | 'none';
export type Activation = 'groupsort' | 'relu';

export interface NetConfig {
  inputs: number;
  /** Hidden layer widths; the output layer (width 1) is added after them. */
  hidden: number[];
  /** Weight constraint of the first layer (later layers use the matching hidden kind); 'none' = unconstrained. */
  norm: NormChoice;
  /** Lipschitz budget λ of g; also the weight of the monotonic residual. */
  lambda: number;
  /** Per input: +1 increasing, −1 decreasing, 0 free. */
  monotone: number[];
  /** GroupSort group size (must divide every hidden width); hidden width = a full sort. */
  groupSize: number;
  activation: Activation;
  /** Per-vector normalisation (Eq. 2.8) rather than whole-matrix (Eq. 2.7). */
  vectorwise: boolean;
}

export interface Net {
  config: NetConfig;
  weights: Tensor[];
  biases: Tensor[];
}

/** Checks a configuration, naming the offending field. */
export function validateConfig(c: NetConfig): void {
  if (!Number.isInteger(c.inputs) || c.inputs < 1) throw new RangeError(`inputs must be a positive integer, got ${c.inputs}`);
  if (!Array.isArray(c.hidden) || c.hidden.some((h) => !Number.isInteger(h) || h < 1)) throw new RangeError('hidden must be an array of positive integer widths');
  if (c.norm !== 'none' && !isNormKind(c.norm)) throw new RangeError(`norm must be one of one, inf, one-inf, two-inf, none; got ${String(c.norm)}`);
  if (!(c.lambda > 0) || !Number.isFinite(c.lambda)) throw new RangeError(`lambda must be a positive number, got ${c.lambda}`);
  if (!Array.isArray(c.monotone) || c.monotone.length !== c.inputs || c.monotone.some((v) => v !== -1 && v !== 0 && v !== 1)) {
    throw new RangeError(`monotone must hold ${c.inputs} entries from {-1, 0, 1}`);
  }
  if (c.activation !== 'groupsort' && c.activation !== 'relu') throw new RangeError(`activation must be groupsort or relu, got ${String(c.activation)}`);
  if (c.activation === 'groupsort') for (const h of c.hidden) checkGroupSize(h, c.groupSize);
}

/** Layer shapes [out, in] from input to output. */
export function layerShapes(c: NetConfig): Array<[number, number]> {
  const widths = [c.inputs, ...c.hidden, 1];
  return widths.slice(1).map((w, i) => [w, widths[i]] as [number, number]);
}

/** Seeded initialisation: U(−1/√fanIn, 1/√fanIn) for weights and biases. */
export function createNet(config: NetConfig, rng: Rng): Net {
  validateConfig(config);
  const shapes = layerShapes(config);
  return {
    config: { ...config, hidden: [...config.hidden], monotone: [...config.monotone] },
    weights: shapes.map(([o, i]) => param(o, i, uniformInit(rng, o * i, 1 / Math.sqrt(i)))),
    biases: shapes.map(([o, i]) => param(1, o, uniformInit(rng, o, 1 / Math.sqrt(i)))),
  };
}

export function parameters(net: Net): Tensor[] {
  return [...net.weights, ...net.biases];
}

export function parameterCount(net: Net): number {
  return parameters(net).reduce((s, t) => s + t.data.length, 0);
}

/** Kind applied to layer `l` (0-based) of a constrained network. */
export function layerKind(norm: NormKind, l: number): NormKind {
  return l === 0 ? norm : hiddenKind(norm);
}

/** Normalised weights on the tape; per-layer budget λ^{1/m} so that the product is ≤ λ. */
function normalisedWeights(tape: Tape, net: Net): Tensor[] {
  const { norm, lambda, vectorwise } = net.config;
  if (norm === 'none') return net.weights;
  // The 1e-9 margin absorbs rounding in the norms and in λ^{1/m}, so the product of the stored
  // operator norms, recomputed in floating point by the certificate, is ≤ λ, not merely ≈ λ.
  const budget = Math.pow(lambda, 1 / net.weights.length) * (1 - 1e-9);
  return net.weights.map((w, l) => normalizeWeight(tape, w, layerKind(norm, l), budget, vectorwise));
}

/** f(x) as an n×1 tensor on the tape (x is n×inputs). */
export function forward(tape: Tape, net: Net, x: Tensor): Tensor {
  const c = net.config;
  if (x.cols !== c.inputs) throw new RangeError(`forward: x has ${x.cols} columns, network expects ${c.inputs}`);
  const ws = normalisedWeights(tape, net);
  let z = x;
  for (let l = 0; l < ws.length; l++) {
    z = linear(tape, z, ws[l], net.biases[l]);
    if (l < ws.length - 1) z = c.activation === 'groupsort' ? groupSort(tape, z, c.groupSize) : relu(tape, z);
  }
  return monotonicResidual(tape, z, x, c.lambda, c.monotone);
}

/** out = z + λ·x·c (Eq. 2.3); a no-op when no input is constrained. */
function monotonicResidual(tape: Tape, z: Tensor, x: Tensor, lambda: number, coef: number[]): Tensor {
  if (coef.every((v) => v === 0)) return z;
  const n = z.rows, k = x.cols;
  const out: Tensor = { rows: n, cols: 1, data: new Float64Array(n), grad: new Float64Array(n), needsGrad: false };
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += coef[j] * x.data[i * k + j];
    out.data[i] = z.data[i] + lambda * s;
  }
  return custom(tape, [z, x], out, () => {
    for (let i = 0; i < n; i++) {
      const g = out.grad[i];
      if (z.needsGrad) z.grad[i] += g;
      if (x.needsGrad) for (let j = 0; j < k; j++) x.grad[i * k + j] += lambda * coef[j] * g;
    }
  });
}

/** The weights actually used at inference (Ŵ), as plain arrays. */
export function effectiveLayers(net: Net): Array<{ w: number[][]; b: number[] }> {
  const ws = normalisedWeights(createTape(), net);
  return ws.map((w, l) => ({
    w: Array.from({ length: w.rows }, (_, r) => Array.from(w.data.subarray(r * w.cols, (r + 1) * w.cols))),
    b: Array.from(net.biases[l].data),
  }));
}
