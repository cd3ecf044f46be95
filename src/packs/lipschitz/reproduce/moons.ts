// Thesis Fig. 2.7 (§2.5): objectives for Lipschitz classifiers on two moons. With a network that is
// 1-Lipschitz in the Euclidean norm, |f(x)| is a certified lower bound on the distance from x to the
// decision boundary, so the mean |f| on test points is a certified mean margin.
import type { Tape, Tensor } from '../../../core/autodiff.js';
import { backward, bceWithLogits, createTape, hinge, mse, tensor } from '../../../core/autodiff.js';
import { adam } from '../../../core/optim.js';
import { createRng } from '../../../core/rng.js';
import { createNet, forward, parameters } from '../network.js';

interface Moons { x: Float64Array; y: number[]; n: number }

/** The usual two-moons construction with Gaussian noise of standard deviation `noise`. */
export function twoMoons(n: number, noise: number, seed: string): Moons {
  const r = createRng(seed);
  const x = new Float64Array(2 * n), y: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = Math.PI * r.float(), upper = i % 2 === 0;
    x[2 * i] = (upper ? Math.cos(t) : 1 - Math.cos(t)) + noise * r.normal();
    x[2 * i + 1] = (upper ? Math.sin(t) : 0.5 - Math.sin(t)) + noise * r.normal();
    y.push(upper ? 1 : -1);
  }
  return { x, y, n };
}

/** δ(x|y) = d(C^{−y}, x)/2: half the Euclidean distance to the nearest training point of the other class (Eq. 2.16). */
export function dynamicMargins(d: Moons): number[] {
  return d.y.map((yi, i) => {
    let best = Infinity;
    for (let j = 0; j < d.n; j++) {
      if (d.y[j] === yi) continue;
      best = Math.min(best, Math.hypot(d.x[2 * i] - d.x[2 * j], d.x[2 * i + 1] - d.x[2 * j + 1]));
    }
    return best / 2;
  });
}

export interface MoonsRow {
  objective: string;
  testAccuracy: number;
  /** Mean |f(x)| over test points: mean certified distance to the decision boundary. */
  meanMargin: number;
}

export function moonsStudy(epochs: number): MoonsRow[] {
  const tr = twoMoons(300, 0.1, 'moons-train'), te = twoMoons(1000, 0.1, 'moons-test');
  const y01 = tr.y.map((v) => (v + 1) / 2);
  const dyn = dynamicMargins(tr);
  const objectives: Array<[string, (t: Tape, f: Tensor) => Tensor]> = [
    ['MSE (targets ±1)', (t, f) => mse(t, f, tr.y)],
    ['BCE', (t, f) => bceWithLogits(t, f, y01, 1)],
    ['BCE, τ = 16', (t, f) => bceWithLogits(t, f, y01, 16)],
    ['hinge, margin 1', (t, f) => hinge(t, f, tr.y, 1)],
    ['hinge, margin 0.1', (t, f) => hinge(t, f, tr.y, 0.1)],
    ['dynamic hinge (Eq. 2.15)', (t, f) => hinge(t, f, tr.y, dyn)],
  ];
  return objectives.map(([objective, loss]) => {
    const net = createNet({ inputs: 2, hidden: [64, 64], norm: 'two-inf', lambda: 1, monotone: [0, 0], groupSize: 2, activation: 'groupsort', vectorwise: true }, createRng('moons-init'));
    const opt = adam(parameters(net), { lr: 0.005 });
    const x = tensor(tr.n, 2, tr.x);
    for (let e = 0; e < epochs; e++) {
      const t = createTape();
      backward(t, loss(t, forward(t, net, x)));
      opt.step();
    }
    const f = forward(createTape(), net, tensor(te.n, 2, te.x)).data;
    let ok = 0, margin = 0;
    for (let i = 0; i < te.n; i++) { if ((f[i] >= 0 ? 1 : -1) === te.y[i]) ok++; margin += Math.abs(f[i]); }
    return { objective, testAccuracy: ok / te.n, meanMargin: margin / te.n };
  });
}
