// Operator norms of weight matrices and the weight normalisation of thesis Eqs. (2.7)–(2.8).
// A matrix W is stored row-major with shape [out, in]. The kinds follow the public package:
//   one     ‖W‖_{1→1} = max column abs-sum          (Eq. 2.8 when applied per column)
//   inf     ‖W‖_{∞→∞} = max row abs-sum
//   one-inf ‖W‖_{1→∞} = max |W_jk|
//   two-inf ‖W‖_{2→∞} = max row L2 norm
import type { Tape, Tensor } from '../../core/autodiff.js';
import { custom } from '../../core/autodiff.js';

export type NormKind = 'one' | 'inf' | 'one-inf' | 'two-inf';
export const NORM_KINDS: readonly NormKind[] = ['one', 'inf', 'one-inf', 'two-inf'];

export function isNormKind(s: unknown): s is NormKind {
  return typeof s === 'string' && (NORM_KINDS as readonly string[]).includes(s);
}

/** The norm on network inputs that a stack starting with `kind` is Lipschitz in: 1, 2 or ∞. */
export function inputNormP(kind: NormKind): number {
  return kind === 'inf' ? Infinity : kind === 'two-inf' ? 2 : 1;
}

/** Kind used for every layer after the first: the hidden representation keeps the norm the first layer maps into. */
export function hiddenKind(kind: NormKind): NormKind {
  return kind === 'one' ? 'one' : 'inf';
}

/**
 * Entries grouped so that the operator norm is the max over groups of the group's L1 (or L2)
 * norm: columns for `one`, rows for `inf`/`two-inf`, single entries for `one-inf`.
 */
function groups(kind: NormKind, rows: number, cols: number): { count: number; index: (g: number, t: number) => number; size: number; l2: boolean } {
  switch (kind) {
    case 'one': return { count: cols, size: rows, index: (g, t) => t * cols + g, l2: false };
    case 'inf': return { count: rows, size: cols, index: (g, t) => g * cols + t, l2: false };
    case 'two-inf': return { count: rows, size: cols, index: (g, t) => g * cols + t, l2: true };
    case 'one-inf': return { count: rows * cols, size: 1, index: (g) => g, l2: false };
  }
}

function groupNorms(kind: NormKind, w: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const G = groups(kind, rows, cols);
  const a = new Float64Array(G.count);
  for (let g = 0; g < G.count; g++) {
    let s = 0;
    for (let t = 0; t < G.size; t++) { const v = w[G.index(g, t)]; s += G.l2 ? v * v : Math.abs(v); }
    a[g] = G.l2 ? Math.sqrt(s) : s;
  }
  return a;
}

/** The operator norm of W ([rows, cols], row-major) for `kind`. */
export function operatorNorm(kind: NormKind, w: ArrayLike<number>, rows: number, cols: number): number {
  if (w.length !== rows * cols) throw new RangeError(`operatorNorm: ${w.length} entries for a ${rows}x${cols} matrix`);
  let m = 0;
  for (const v of groupNorms(kind, w, rows, cols)) m = Math.max(m, v);
  return m;
}

/**
 * Ŵ = Norm(W) with every group norm at most `budget` (vectorwise, Eq. 2.8 for `one`), or the
 * whole matrix divided by max(1, ‖W‖/budget) (Eq. 2.7). Weights are only ever shrunk.
 * The tape op back-propagates through the normalisation (thesis Algorithm 1).
 */
export function normalizeWeight(tape: Tape, w: Tensor, kind: NormKind, budget: number, vectorwise = true): Tensor {
  if (!(budget > 0) || !Number.isFinite(budget)) throw new RangeError(`normalizeWeight: budget must be a positive number, got ${budget}`);
  const rows = w.rows, cols = w.cols, W = w.data;
  const G = groups(kind, rows, cols);
  const a = groupNorms(kind, W, rows, cols);
  const out: Tensor = { rows, cols, data: new Float64Array(W.length), grad: new Float64Array(W.length), needsGrad: w.needsGrad };
  const Y = out.data;
  if (vectorwise) {
    for (let g = 0; g < G.count; g++) {
      const s = a[g] > budget ? budget / a[g] : 1;
      for (let t = 0; t < G.size; t++) { const i = G.index(g, t); Y[i] = W[i] * s; }
    }
  } else {
    let gmax = 0;
    for (let g = 1; g < G.count; g++) if (a[g] > a[gmax]) gmax = g;
    const s = a[gmax] > budget ? budget / a[gmax] : 1;
    for (let i = 0; i < W.length; i++) Y[i] = W[i] * s;
    return custom(tape, [w], out, () => backWhole(w, out, G, a[gmax], gmax, budget));
  }
  return custom(tape, [w], out, () => {
    const GY = out.grad, GW = w.grad;
    for (let g = 0; g < G.count; g++) {
      if (a[g] <= budget) {
        for (let t = 0; t < G.size; t++) { const i = G.index(g, t); GW[i] += GY[i]; }
        continue;
      }
      // Ŵ = c·W/a(W): dW = (c/a)·G − (c/a²)·⟨G, W⟩_group·∂a/∂W.
      const c = budget / a[g];
      let dot = 0;
      for (let t = 0; t < G.size; t++) { const i = G.index(g, t); dot += GY[i] * W[i]; }
      const k = (budget / (a[g] * a[g])) * dot;
      for (let t = 0; t < G.size; t++) {
        const i = G.index(g, t);
        const da = G.l2 ? W[i] / a[g] : Math.sign(W[i]);
        GW[i] += c * GY[i] - k * da;
      }
    }
  });
}

function backWhole(w: Tensor, out: Tensor, G: ReturnType<typeof groups>, amax: number, gmax: number, budget: number): void {
  const GY = out.grad, GW = w.grad, W = w.data;
  if (amax <= budget) { for (let i = 0; i < W.length; i++) GW[i] += GY[i]; return; }
  const c = budget / amax;
  let dot = 0;
  for (let i = 0; i < W.length; i++) { GW[i] += c * GY[i]; dot += GY[i] * W[i]; }
  const k = (budget / (amax * amax)) * dot;
  for (let t = 0; t < G.size; t++) {
    const i = G.index(gmax, t);
    GW[i] -= k * (G.l2 ? W[i] / amax : Math.sign(W[i]));
  }
}
