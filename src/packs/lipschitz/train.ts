// Mini-batch training of a (monotonic Lipschitz or unconstrained) network with Adam.
import type { Tape, Tensor, Vec } from '../../core/autodiff.js';
import { backward, bceWithLogits, createTape, mse, tensor } from '../../core/autodiff.js';
import { adam, gatherRows, miniBatches } from '../../core/optim.js';
import { createRng } from '../../core/rng.js';
import type { Net, NetConfig } from './network.js';
import { createNet, forward, parameters } from './network.js';

export type Loss = 'mse' | 'bce';

export interface TrainOptions {
  epochs: number;
  batchSize: number;
  lr: number;
  seed: number;
  loss: Loss;
  /** Temperature τ of the BCE loss (Eq. 2.13). */
  temperature?: number;
  /** Called after each epoch with the mean training loss. */
  onEpoch?: (epoch: number, loss: number) => void;
  /** Multiplies the learning rate by this factor over the run (cosine-free linear decay to lr·final). */
  finalLrFactor?: number;
}

export interface Dataset {
  /** Row-major n×d inputs (already normalised). */
  x: Float64Array;
  y: Float64Array;
  n: number;
  d: number;
}

function lossOn(tape: Tape, out: Tensor, y: ArrayLike<number>, o: TrainOptions): Tensor {
  return o.loss === 'mse' ? mse(tape, out, y) : bceWithLogits(tape, out, y, o.temperature ?? 1);
}

export function validateTrainOptions(o: TrainOptions): void {
  if (!Number.isInteger(o.epochs) || o.epochs < 1) throw new RangeError(`epochs must be a positive integer, got ${o.epochs}`);
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${o.batchSize}`);
  if (!(o.lr > 0) || !Number.isFinite(o.lr)) throw new RangeError(`lr must be a positive number, got ${o.lr}`);
  if (o.loss !== 'mse' && o.loss !== 'bce') throw new RangeError(`loss must be mse or bce, got ${String(o.loss)}`);
}

/** Trains a fresh network (seeded init and batch order) and returns it with the loss history. */
export function trainNet(config: NetConfig, data: Dataset, o: TrainOptions): { net: Net; history: number[] } {
  validateTrainOptions(o);
  if (data.x.length !== data.n * data.d || data.y.length !== data.n) throw new RangeError('dataset arrays do not match n and d');
  if (config.inputs !== data.d) throw new RangeError(`network has ${config.inputs} inputs, data has ${data.d} columns`);
  const rng = createRng(`${o.seed}:init`);
  const net = createNet(config, rng);
  const opt = adam(parameters(net), { lr: o.lr });
  const order = createRng(`${o.seed}:batches`);
  const history: number[] = [];
  const tape = createTape();
  for (let e = 0; e < o.epochs; e++) {
    if (o.finalLrFactor !== undefined) opt.lr = o.lr * (1 - (1 - o.finalLrFactor) * (e / Math.max(1, o.epochs - 1)));
    let total = 0;
    for (const idx of miniBatches(order, data.n, Math.min(o.batchSize, data.n))) {
      const xb = tensor(idx.length, data.d, gatherRows(data.x, data.d, idx));
      const yb = idx.map((i) => data.y[i]);
      const loss = lossOn(tape, forward(tape, net, xb), yb, o);
      backward(tape, loss);
      opt.step();
      total += loss.data[0] * idx.length;
    }
    history.push(total / data.n);
    o.onEpoch?.(e, total / data.n);
  }
  return { net, history };
}

/** Network output for every row (n×1 → Float64Array), without recording gradients. */
export function outputs(net: Net, x: Float64Array, n: number): Vec {
  return forward(createTape(), net, tensor(n, net.config.inputs, x)).data;
}
