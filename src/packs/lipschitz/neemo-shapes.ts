// NEEMo shape fitting (thesis Eq. 4.7): O(Q) = min_θ max_φ E_Q f_φ − E_{P_θ} f_φ, with P_θ a set of
// circles (centre, radius) carrying equal energy, sampled at fixed angles. Alternates Adam ascent on the
// 1-Lipschitz potential φ with descent on θ using ∂/∂θ = −E_P[∇f(y)·∂y/∂θ] (input gradients by autodiff).
import { backward, createTape, custom, tensor } from '../../core/autodiff.js';
import { adam } from '../../core/optim.js';
import { createRng } from '../../core/rng.js';
import type { PointSet } from './emd.js';
import { neemo } from './neemo.js';
import { createNet, forward, parameters } from './network.js';

export interface Circle { x: number; y: number; r: number }

export interface CircleFitOptions {
  circles: number;
  /** Points sampled on each circle. */
  samples?: number;
  outerSteps?: number;
  innerSteps?: number;
  lrPotential?: number;
  lrShape?: number;
  seed?: number;
}

export interface CircleFit {
  circles: Circle[];
  /** NEEMo estimate for the returned circles (a certified lower bound on EMD(Q, P_θ)). */
  emdEstimate: number;
  history: number[];
}

/** Weighted points on the circles: `samples` equally spaced angles each, equal total weight per circle. */
export function circlePoints(cs: Circle[], samples: number): PointSet {
  const n = cs.length * samples, x = new Float64Array(2 * n), w = new Float64Array(n).fill(1 / n);
  cs.forEach((c, k) => {
    for (let m = 0; m < samples; m++) {
      const t = (2 * Math.PI * m) / samples, i = k * samples + m;
      x[2 * i] = c.x + c.r * Math.cos(t);
      x[2 * i + 1] = c.y + c.r * Math.sin(t);
    }
  });
  return { x, n, d: 2, w };
}

export function fitCircles(q: PointSet, o: CircleFitOptions): CircleFit {
  if (q.d !== 2) throw new RangeError('fitCircles needs two-dimensional points');
  if (!Number.isInteger(o.circles) || o.circles < 1) throw new RangeError(`circles must be a positive integer, got ${o.circles}`);
  const M = o.samples ?? 32, T = o.outerSteps ?? 300, S = o.innerSteps ?? 20;
  const rng = createRng(`${o.seed ?? 1}:circles`);
  const lo = [Infinity, Infinity], hi = [-Infinity, -Infinity];
  for (let i = 0; i < q.n; i++) for (let a = 0; a < 2; a++) { lo[a] = Math.min(lo[a], q.x[2 * i + a]); hi[a] = Math.max(hi[a], q.x[2 * i + a]); }
  const span = Math.max(hi[0] - lo[0], hi[1] - lo[1]);
  // Shape parameters as one trainable tensor [x, y, r] per circle, started inside the data's box.
  const theta = tensor(o.circles, 3, Array.from({ length: o.circles }, () => [lo[0] + rng.float() * (hi[0] - lo[0]), lo[1] + rng.float() * (hi[1] - lo[1]), span * (0.05 + 0.1 * rng.float())]).flat(), true);
  const net = createNet({ inputs: 2, hidden: [32, 32, 32], norm: 'two-inf', lambda: 1, monotone: [0, 0], groupSize: 2, activation: 'groupsort', vectorwise: true }, createRng(`${o.seed ?? 1}:potential`));
  const optPhi = adam(parameters(net), { lr: o.lrPotential ?? 0.01 });
  const optTheta = adam([theta], { lr: o.lrShape ?? 0.003 * span });
  const circles = (): Circle[] => Array.from({ length: o.circles }, (_, k) => ({ x: theta.data[3 * k], y: theta.data[3 * k + 1], r: Math.abs(theta.data[3 * k + 2]) }));
  const qx = tensor(q.n, 2, q.x);
  const history: number[] = [];
  let value = 0;
  const lrTheta = optTheta.lr;
  for (let t = 0; t < T; t++) {
    optTheta.lr = lrTheta * (1 - 0.9 * (t / T)); // settle the shapes as the potential sharpens
    const p = circlePoints(circles(), M);
    for (let s = 0; s < S; s++) {
      // Minimise −(E_Q f − E_P f) over φ.
      const tape = createTape();
      const fq = forward(tape, net, qx), fp = forward(tape, net, tensor(p.n, 2, p.x));
      const loss = tensor(1, 1);
      let v = 0;
      for (let i = 0; i < q.n; i++) v += q.w[i] * fq.data[i];
      for (let j = 0; j < p.n; j++) v -= p.w[j] * fp.data[j];
      loss.data[0] = -v;
      custom(tape, [fq, fp], loss, () => {
        const g = loss.grad[0];
        for (let i = 0; i < q.n; i++) fq.grad[i] -= g * q.w[i];
        for (let j = 0; j < p.n; j++) fp.grad[j] += g * p.w[j];
      });
      backward(tape, loss);
      optPhi.step();
      value = v;
    }
    history.push(value);
    // θ step: EMD's θ-dependence is −E_P f(y(θ)); descend it, i.e. ascend E_P f.
    const y = tensor(p.n, 2, p.x, true);
    const tape = createTape();
    const fy = forward(tape, net, y);
    const total = tensor(1, 1);
    custom(tape, [fy], total, () => { for (let j = 0; j < p.n; j++) fy.grad[j] -= total.grad[0] * p.w[j]; });
    backward(tape, total);
    for (const prm of parameters(net)) prm.grad.fill(0); // only θ moves in this half-step
    for (let k = 0; k < o.circles; k++) {
      const sign = theta.data[3 * k + 2] < 0 ? -1 : 1;
      for (let m = 0; m < M; m++) {
        const j = k * M + m, a = (2 * Math.PI * m) / M;
        theta.grad[3 * k] += y.grad[2 * j];
        theta.grad[3 * k + 1] += y.grad[2 * j + 1];
        theta.grad[3 * k + 2] += sign * (y.grad[2 * j] * Math.cos(a) + y.grad[2 * j + 1] * Math.sin(a));
      }
    }
    optTheta.step();
  }
  // The running dual value lags the moving shapes; re-estimate the EMD for the final circles alone.
  const final = neemo(q, circlePoints(circles(), M), { steps: 400, seed: o.seed ?? 1 });
  return { circles: circles(), emdEstimate: final.estimate, history };
}
