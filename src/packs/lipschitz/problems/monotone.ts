// Engine problem `lipschitz-monotone`: evolve the architecture and training hyper-parameters of a
// monotonic Lipschitz classifier on AutoMPG (is MPG above the median?), required to be decreasing
// in displacement, horsepower and weight with Lipschitz budget λ = 1 on standardised inputs.
// The program returns weights; the verifier recomputes the certified bound from them, checks
// monotonicity on random pairs, and scores accuracy on rows the program never sees.
import type { CascadeStage, Problem, Verdict } from '../../../engine/problem.js';
import { reject } from '../../../engine/problem.js';
import { createRng, shuffle } from '../../../core/rng.js';
import { certifiedBound, checkMonotone } from '../certify.js';
import type { SavedModel } from '../model.js';
import { evalNetwork, MODEL_FORMAT, validateModel } from '../model.js';
import { AUTOMPG_DECREASING, AUTOMPG_FEATURES, loadAutoMpg } from '../table.js';
import { initialProgram } from '../../initial-program.js';

const LAMBDA = 1;
const MONOTONE = AUTOMPG_FEATURES.map((f) => (AUTOMPG_DECREASING.includes(f) ? -1 : 0));

interface Split {
  train: { x: number[][]; y: number[] };
  test: { x: number[][]; y: number[] };
  threshold: number;
}

let cached: Split | null = null;

/** Fixed 70/30 split; inputs standardised with training statistics; label = MPG > median MPG. */
export function monotoneSplit(): Split {
  if (cached) return cached;
  const t = loadAutoMpg();
  const mpg = t.rows.map((r) => r[0]).sort((a, b) => a - b);
  const threshold = (mpg[Math.floor((mpg.length - 1) / 2)] + mpg[Math.ceil((mpg.length - 1) / 2)]) / 2;
  const idx = shuffle(createRng('lipschitz-monotone:split'), t.rows.map((_, i) => i));
  const nt = Math.round(0.7 * idx.length);
  const d = AUTOMPG_FEATURES.length;
  const tr = idx.slice(0, nt).map((i) => t.rows[i]), te = idx.slice(nt).map((i) => t.rows[i]);
  const mean = Array.from({ length: d }, (_, j) => tr.reduce((s, r) => s + r[j + 1], 0) / tr.length);
  const std = mean.map((m, j) => Math.sqrt(tr.reduce((s, r) => s + (r[j + 1] - m) ** 2, 0) / tr.length) || 1);
  const std6 = (v: number) => Math.round(v * 1e6) / 1e6; // short JSON, identical for program and verifier
  const xs = (rows: number[][]) => rows.map((r) => r.slice(1).map((v, j) => std6((v - mean[j]) / std[j])));
  const ys = (rows: number[][]) => rows.map((r) => (r[0] > threshold ? 1 : 0));
  cached = { train: { x: xs(tr), y: ys(tr) }, test: { x: xs(te), y: ys(te) }, threshold };
  return cached;
}

function stageInput(): unknown {
  const s = monotoneSplit();
  return { features: AUTOMPG_FEATURES, monotone: MONOTONE, lambda: LAMBDA, train: s.train };
}

function accuracy(m: SavedModel, x: number[][], y: number[]): number {
  const f = evalNetwork(m, Float64Array.from(x.flat()), x.length);
  let ok = 0;
  for (let i = 0; i < y.length; i++) if ((f[i] >= 0 ? 1 : 0) === y[i]) ok++;
  return ok / y.length;
}

export function verifyMonotone(output: unknown): Verdict {
  if (typeof output !== 'object' || output === null || Array.isArray(output)) return reject('output must be an object {norm, activation, groupSize, layers}');
  const o = output as Record<string, unknown>;
  const d = AUTOMPG_FEATURES.length;
  if (o.norm === 'none') return reject('norm: a constrained kind (one, inf, one-inf, two-inf) is required');
  if (Array.isArray(o.layers) && o.layers.length > 6) return reject('layers: at most 6 layers are allowed');
  if (Array.isArray(o.layers) && o.layers.some((l) => Array.isArray((l as { w?: unknown })?.w) && ((l as { w: unknown[] }).w.length > 128))) return reject('layers: widths above 128 are not allowed');
  let m: SavedModel;
  try {
    m = validateModel({
      format: MODEL_FORMAT, version: 1, task: 'classification', inputs: AUTOMPG_FEATURES, norm: o.norm, lambda: LAMBDA,
      monotone: MONOTONE, groupSize: o.groupSize, activation: o.activation, layers: o.layers,
      inputShift: new Array(d).fill(0), inputScale: new Array(d).fill(1), outputShift: 0, outputScale: 1, temperature: 1,
    });
  } catch (e) {
    return reject((e as Error).message);
  }
  const b = certifiedBound(m);
  if (!(b.gBound <= LAMBDA)) return reject(`layers: product of operator norms ${b.gBound} exceeds the Lipschitz budget ${LAMBDA}`);
  const mono = checkMonotone(m, { points: 100, steps: 10, seed: 5 });
  if (mono.violations > 0) return reject(`layers: ${mono.violations} of ${mono.checked} monotonicity checks failed`);
  const s = monotoneSplit();
  const params = m.layers.reduce((a, l) => a + l.w.length * (l.w[0].length + 1), 0);
  return {
    valid: true,
    metrics: { heldout_accuracy: accuracy(m, s.test.x, s.test.y), train_accuracy: accuracy(m, s.train.x, s.train.y), lipschitz_bound: b.bound, parameters: params },
    features: { parameters: params, depth: m.layers.length },
  };
}

export const lipschitzMonotone: Problem = {
  id: 'lipschitz-monotone',
  pack: 'lipschitz',
  title: 'Monotonic Lipschitz classifier on AutoMPG',
  description:
    'Train a classifier for "MPG above the median" on 70% of AutoMPG (7 standardised features). The network must be ' +
    'f(x) = g(x) + 1·(−displacement − horsepower − weight) with g a GroupSort/ReLU MLP whose layers\' operator norms ' +
    '(first layer kind `norm`, later layers the matching hidden kind) multiply to at most λ = 1; this certifies that ' +
    'f is 2-Lipschitz in the 1-norm (for norm one/one-inf) and non-increasing in the three features. Output ' +
    '{norm, activation, groupSize, layers:[{w,b}]}; class 1 when f(x) ≥ 0. Score: accuracy on the held-out 30% (maximise).',
  initialProgram: initialProgram(import.meta.url, 'lipschitz-monotone'),
  metrics: [
    { name: 'heldout_accuracy', direction: 'max', description: 'fraction of the held-out 30% classified correctly' },
    { name: 'train_accuracy', direction: 'max', description: 'fraction of the training rows classified correctly' },
    { name: 'lipschitz_bound', direction: 'min', description: 'certified Lipschitz bound of f from the weights (standardised inputs)' },
    { name: 'parameters', direction: 'min', description: 'number of weights and biases' },
  ],
  primaryMetric: 'heldout_accuracy',
  stages: [{ name: 'full', input: null, timeoutMs: 20_000 }],
  descriptors: [
    { name: 'parameters', min: 0, max: 2000, bins: 10, description: 'number of weights and biases' },
    { name: 'depth', min: 1, max: 5, bins: 5, description: 'number of linear layers' },
  ],
  timeoutMs: 20_000,
  memoryMb: 512,
  verify(output: unknown, _stage: CascadeStage | null): Verdict {
    return verifyMonotone(output);
  },
};

// The stage input is built lazily from the installed dataset on first access.
Object.defineProperty(lipschitzMonotone.stages![0], 'input', { get: stageInput, enumerable: true });
