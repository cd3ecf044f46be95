// First-order optimisers over autodiff tensors, seeded initialisation and mini-batch helpers.
import type { Tensor } from './autodiff.js';
import type { Rng } from './rng.js';
import { shuffle } from './rng.js';

export interface Optimizer {
  /** Applies one update from the tensors' current `grad`, then zeroes the gradients. */
  step(): void;
  /** Learning rate used by the next step (may be changed between steps, e.g. by a schedule). */
  lr: number;
}

export interface AdamOptions {
  lr?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  /** Decoupled weight decay (AdamW); 0 gives plain Adam. */
  weightDecay?: number;
}

function checkPositive(name: string, v: number, allowZero = false): void {
  if (!Number.isFinite(v) || v < 0 || (!allowZero && v === 0)) throw new RangeError(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} number, got ${v}`);
}

/** Adam (Kingma & Ba) with bias correction; defaults lr 1e-3, betas (0.9, 0.999), eps 1e-8. */
export function adam(params: Tensor[], opts: AdamOptions = {}): Optimizer {
  const b1 = opts.beta1 ?? 0.9, b2 = opts.beta2 ?? 0.999, eps = opts.eps ?? 1e-8, wd = opts.weightDecay ?? 0;
  checkPositive('adam.lr', opts.lr ?? 1e-3);
  if (!(b1 >= 0 && b1 < 1) || !(b2 >= 0 && b2 < 1)) throw new RangeError('adam betas must lie in [0, 1)');
  checkPositive('adam.weightDecay', wd, true);
  const m = params.map((p) => new Float64Array(p.data.length));
  const v = params.map((p) => new Float64Array(p.data.length));
  let t = 0;
  const opt: Optimizer = {
    lr: opts.lr ?? 1e-3,
    step() {
      t++;
      const c1 = 1 - Math.pow(b1, t), c2 = 1 - Math.pow(b2, t);
      const a = opt.lr / c1;
      for (let k = 0; k < params.length; k++) {
        const p = params[k].data, g = params[k].grad, mk = m[k], vk = v[k];
        for (let i = 0; i < p.length; i++) {
          const gi = g[i];
          mk[i] = b1 * mk[i] + (1 - b1) * gi;
          vk[i] = b2 * vk[i] + (1 - b2) * gi * gi;
          if (wd !== 0) p[i] -= opt.lr * wd * p[i];
          p[i] -= (a * mk[i]) / (Math.sqrt(vk[i] / c2) + eps);
        }
        g.fill(0);
      }
    },
  };
  return opt;
}

/** Stochastic gradient descent with optional (heavy-ball) momentum. */
export function sgd(params: Tensor[], opts: { lr?: number; momentum?: number } = {}): Optimizer {
  const mu = opts.momentum ?? 0;
  checkPositive('sgd.lr', opts.lr ?? 1e-2);
  if (!(mu >= 0 && mu < 1)) throw new RangeError('sgd.momentum must lie in [0, 1)');
  const vel = params.map((p) => new Float64Array(p.data.length));
  const opt: Optimizer = {
    lr: opts.lr ?? 1e-2,
    step() {
      for (let k = 0; k < params.length; k++) {
        const p = params[k].data, g = params[k].grad, vk = vel[k];
        for (let i = 0; i < p.length; i++) {
          vk[i] = mu * vk[i] + g[i];
          p[i] -= opt.lr * vk[i];
        }
        g.fill(0);
      }
    },
  };
  return opt;
}

/** Uniform(−bound, bound) entries: with bound = 1/√fanIn this is the usual default for dense layers. */
export function uniformInit(rng: Rng, n: number, bound: number): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = (2 * rng.float() - 1) * bound;
  return a;
}

/** Normal(0, std²) entries. */
export function normalInit(rng: Rng, n: number, std: number): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = std * rng.normal();
  return a;
}

/** A random partition of 0..n−1 into consecutive batches of `batchSize` (the last may be shorter). */
export function miniBatches(rng: Rng, n: number, batchSize: number): number[][] {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const idx = shuffle(rng, Array.from({ length: n }, (_, i) => i));
  const out: number[][] = [];
  for (let s = 0; s < n; s += batchSize) out.push(idx.slice(s, s + batchSize));
  return out;
}

/** Copies the listed rows of a row-major matrix with `cols` columns. */
export function gatherRows(src: ArrayLike<number>, cols: number, rows: number[]): Float64Array {
  const out = new Float64Array(rows.length * cols);
  for (let r = 0; r < rows.length; r++) {
    const o = rows[r] * cols;
    for (let c = 0; c < cols; c++) out[r * cols + c] = src[o + c];
  }
  return out;
}
