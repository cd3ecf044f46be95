// NEEMo (thesis Ch. 4): EMD(P, Q) = sup_{‖f‖_L ≤ 1} E_P f − E_Q f (Kantorovich–Rubinstein, Eq. 4.5),
// estimated by maximising over a 1-Lipschitz GroupSort network in the Euclidean metric: first layer
// rows with L2 norm ≤ 1 (‖W¹‖_{2,∞} ≤ 1), later layers rows with abs-sum ≤ 1 (Eqs. 4.1–4.3).
// Every network visited is 1-Lipschitz, so every value it attains is a lower bound on the EMD.
import type { Tensor } from '../../core/autodiff.js';
import { backward, createTape, custom, tensor } from '../../core/autodiff.js';
import { adam } from '../../core/optim.js';
import { createRng } from '../../core/rng.js';
import type { PointSet } from './emd.js';
import { certifiedBound } from './certify.js';
import type { NetConfig } from './network.js';
import { createNet, forward, parameters } from './network.js';
import { saveModel } from './model.js';

export interface NeemoOptions {
  hidden?: number[];
  groupSize?: number;
  steps?: number;
  lr?: number;
  seed?: number;
}

export interface NeemoResult {
  /** Best dual value E_a f − E_b f reached: a certified lower bound on EMD(a, b). */
  estimate: number;
  /** Dual value after every step. */
  history: number[];
  /** Certified Lipschitz bound of the final potential (≤ 1). */
  lipschitzBound: number;
}

/** Σ_k s_k·x_k for a constant vector s, as a 1×1 tensor. */
function weightedSum(x: Tensor, s: Float64Array): Tensor {
  const out = tensor(1, 1);
  let v = 0;
  for (let k = 0; k < s.length; k++) v += s[k] * x.data[k];
  out.data[0] = v;
  return out;
}

export function neemo(a: PointSet, b: PointSet, o: NeemoOptions = {}): NeemoResult {
  if (a.d !== b.d) throw new RangeError(`point sets differ in dimension (${a.d} vs ${b.d})`);
  const steps = o.steps ?? 400, lr = o.lr ?? 0.01;
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`steps must be a positive integer, got ${steps}`);
  const config: NetConfig = {
    inputs: a.d, hidden: o.hidden ?? [32, 32, 32], norm: 'two-inf', lambda: 1, monotone: new Array(a.d).fill(0),
    groupSize: o.groupSize ?? 2, activation: 'groupsort', vectorwise: true,
  };
  const net = createNet(config, createRng(`${o.seed ?? 1}:neemo`));
  const x = tensor(a.n + b.n, a.d);
  x.data.set(a.x, 0);
  x.data.set(b.x, a.n * a.d);
  // Minimise −(E_a f − E_b f).
  const s = new Float64Array(a.n + b.n);
  for (let i = 0; i < a.n; i++) s[i] = -a.w[i];
  for (let j = 0; j < b.n; j++) s[a.n + j] = b.w[j];
  const opt = adam(parameters(net), { lr });
  const history: number[] = [];
  let best = -Infinity;
  const tape = createTape();
  for (let t = 0; t < steps; t++) {
    opt.lr = lr * (1 - 0.9 * (t / steps)); // linear decay to lr/10 sharpens the final potential
    const f = forward(tape, net, x);
    const loss = weightedSum(f, s);
    custom(tape, [f], loss, () => { for (let k = 0; k < s.length; k++) f.grad[k] += s[k] * loss.grad[0]; });
    backward(tape, loss);
    opt.step();
    history.push(-loss.data[0]);
    best = Math.max(best, -loss.data[0]);
  }
  const m = saveModel(net, 'regression', Array.from({ length: a.d }, (_, i) => `x${i}`), {
    inputShift: new Array(a.d).fill(0), inputScale: new Array(a.d).fill(1), outputShift: 0, outputScale: 1,
  });
  return { estimate: best, history, lipschitzBound: certifiedBound(m).bound };
}
