// Thesis §2.3.3 (Eq. 2.12, Fig. 2.3): a Lipschitz GroupSort network regressing three flower-shaped
// rings ρ(θ) = R + α cos(ωθ) labelled 0 (inner), 0.5 (middle), 1 (outer), with R = 1.5 and α = 0.18
// for the outer ring as in the thesis. ω and the inner radii are not given: ω = 6, R = 0.5 and 1.0 here.
import { createRng } from '../../../core/rng.js';
import { trainNet, outputs } from '../train.js';

export interface FlowerResult {
  points: number;
  lambda: number;
  trainMse: number;
  maxAbsError: number;
}

export function flower(epochs: number, perRing = 120): FlowerResult {
  const r = createRng('flower');
  const rings: Array<[number, number]> = [[0.5, 0], [1.0, 0.5], [1.5, 1]];
  const xs: number[] = [], ys: number[] = [];
  for (const [R, label] of rings) {
    for (let i = 0; i < perRing; i++) {
      const th = 2 * Math.PI * r.float(), rho = R + 0.18 * Math.cos(6 * th);
      xs.push(rho * Math.cos(th), rho * Math.sin(th));
      ys.push(label);
    }
  }
  const n = ys.length, lambda = 2;
  const data = { x: Float64Array.from(xs), y: Float64Array.from(ys), n, d: 2 };
  const { net } = trainNet({ inputs: 2, hidden: [64, 64, 64], norm: 'two-inf', lambda, monotone: [0, 0], groupSize: 2, activation: 'groupsort', vectorwise: true },
    data, { epochs, batchSize: 64, lr: 0.003, seed: 1, loss: 'mse', finalLrFactor: 0.05 });
  const f = outputs(net, data.x, n);
  let se = 0, worst = 0;
  for (let i = 0; i < n; i++) { const e = f[i] - ys[i]; se += e * e; worst = Math.max(worst, Math.abs(e)); }
  return { points: n, lambda, trainMse: se / n, maxAbsError: worst };
}
