// Fitting a monotonic Lipschitz network to tabular rows: standardise inputs (and a regression
// target), train, and return the saved model. The Lipschitz budget refers to standardised inputs.
import type { SavedModel } from './model.js';
import { saveModel } from './model.js';
import type { Activation, NetConfig, NormChoice } from './network.js';
import { parameterCount } from './network.js';
import { trainNet } from './train.js';

export interface FitOptions {
  task: 'regression' | 'classification';
  lambda: number;
  norm: NormChoice;
  /** Per input: +1, −1 or 0. */
  monotone: number[];
  epochs: number;
  seed: number;
  hidden?: number[];
  groupSize?: number;
  activation?: Activation;
  lr?: number;
  batchSize?: number;
  /** BCE temperature for classification. */
  temperature?: number;
}

export interface FitResult {
  model: SavedModel;
  history: number[];
  parameters: number;
}

function meanStd(v: number[]): [number, number] {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  const s = Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length);
  return [m, s > 0 ? s : 1];
}

export function fitRows(x: number[][], y: number[], inputs: string[], o: FitOptions): FitResult {
  const n = x.length, d = inputs.length;
  if (n < 2) throw new RangeError('need at least two rows to train');
  if (y.length !== n) throw new RangeError(`target has ${y.length} values for ${n} rows`);
  if (o.task === 'classification' && y.some((v) => v !== 0 && v !== 1)) throw new RangeError('classification targets must be 0 or 1');
  const stats = inputs.map((_, j) => meanStd(x.map((r) => r[j])));
  const [ym, ys] = o.task === 'regression' ? meanStd(y) : [0, 1];
  const xs = new Float64Array(n * d), yv = new Float64Array(n);
  x.forEach((r, i) => {
    if (r.length !== d) throw new RangeError(`row ${i} has ${r.length} values, expected ${d}`);
    r.forEach((v, j) => (xs[i * d + j] = (v - stats[j][0]) / stats[j][1]));
    yv[i] = (y[i] - ym) / ys;
  });
  const hidden = o.hidden ?? [32, 32];
  const config: NetConfig = {
    inputs: d, hidden, norm: o.norm, lambda: o.lambda, monotone: o.monotone,
    groupSize: o.groupSize ?? 2, activation: o.activation ?? 'groupsort', vectorwise: true,
  };
  const { net, history } = trainNet(config, { x: xs, y: yv, n, d }, {
    epochs: o.epochs, batchSize: o.batchSize ?? 32, lr: o.lr ?? 3e-3, seed: o.seed,
    loss: o.task === 'regression' ? 'mse' : 'bce', temperature: o.temperature ?? 1, finalLrFactor: 0.1,
  });
  const model = saveModel(net, o.task, inputs, {
    inputShift: stats.map((s) => s[0]), inputScale: stats.map((s) => 1 / s[1]), outputShift: ym, outputScale: ys,
  }, o.temperature ?? 1);
  return { model, history, parameters: parameterCount(net) };
}
