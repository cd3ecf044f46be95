// Certificates computed from a saved model's weights alone.
// Lipschitz: with 1-Lipschitz activations, Lip_p(g) ≤ Π_l ‖Ŵ_l‖ (operator norms chained from the
// input p-norm), and the residual adds λ·‖c‖_{p*}. Monotonicity: |∂g/∂x_i| ≤ ‖∇g‖_{p*} ≤ Lip_p(g),
// so Π‖Ŵ_l‖ ≤ λ gives ∂f/∂(c_i x_i) = c_i ∂g/∂x_i + λ ≥ 0 for every constrained input.
import { createRng } from '../../core/rng.js';
import type { SavedModel } from './model.js';
import { evalNetwork } from './model.js';
import { layerKind } from './network.js';
import { inputNormP, operatorNorm } from './norms.js';

export interface Bound {
  /** Input norm p the bound refers to (1, 2 or Infinity). */
  p: number;
  /** Π of the layers' operator norms: a Lipschitz bound of g. */
  gBound: number;
  /** Certified Lipschitz bound of f = g + λ·x·c in normalised input units. */
  bound: number;
  /** Same bound for raw inputs (scaled by the largest inputScale) and raw regression outputs. */
  boundRawUnits: number;
  /** True when gBound ≤ λ, which proves monotonicity in every constrained input. */
  monotoneCertified: boolean;
}

function dualNorm(c: number[], p: number): number {
  const a = c.map(Math.abs);
  if (p === 1) return Math.max(0, ...a);
  if (p === 2) return Math.sqrt(a.reduce((s, v) => s + v * v, 0));
  return a.reduce((s, v) => s + v, 0);
}

/** The certified bound from the stored weights (an unconstrained model is bounded in the 1-norm stack). */
export function certifiedBound(m: SavedModel): Bound {
  const first = m.norm === 'none' ? 'one' : m.norm;
  let g = 1;
  m.layers.forEach((layer, l) => {
    const rows = layer.w.length, cols = layer.w[0].length;
    g *= operatorNorm(layerKind(first, l), layer.w.flat(), rows, cols);
  });
  const p = inputNormP(first);
  const bound = g + m.lambda * dualNorm(m.monotone, p);
  const outScale = m.task === 'regression' ? m.outputScale : 1;
  return { p, gBound: g, bound, boundRawUnits: bound * Math.max(...m.inputScale) * outScale, monotoneCertified: g <= m.lambda };
}

export interface MonotoneCheck {
  /** Constrained inputs, with a leading '-' for decreasing ones. */
  inputs: string[];
  checked: number;
  violations: number;
}

/**
 * Empirical monotonicity check on random points of the normalised box [−r, r]^d: for every
 * constrained input i and step t on a grid, f(z + t·c_i·e_i) ≥ f(z) must hold.
 */
export function checkMonotone(
  m: SavedModel,
  opts: { points?: number; steps?: number; radius?: number; seed?: number; directions?: number[] } = {},
): MonotoneCheck {
  const points = opts.points ?? 200, steps = opts.steps ?? 20, r = opts.radius ?? 3;
  const d = m.inputs.length;
  // Directions to test default to the model's own constraints; others probe an unconstrained model.
  const dir = opts.directions ?? m.monotone;
  if (dir.length !== d) throw new RangeError(`directions must have ${d} entries`);
  const idx = dir.flatMap((c, i) => (c !== 0 ? [i] : []));
  const rng = createRng(opts.seed ?? 1);
  let checked = 0, violations = 0;
  for (const i of idx) {
    const z = new Float64Array(points * (steps + 1) * d);
    for (let p = 0; p < points; p++) {
      const base = Array.from({ length: d }, () => (2 * rng.float() - 1) * r);
      for (let s = 0; s <= steps; s++) {
        const row = (p * (steps + 1) + s) * d;
        for (let j = 0; j < d; j++) z[row + j] = base[j];
        z[row + i] = base[i] + dir[i] * ((2 * r * s) / steps);
      }
    }
    const f = evalNetwork(m, z, points * (steps + 1));
    for (let p = 0; p < points; p++) {
      for (let s = 1; s <= steps; s++) {
        const a = f[p * (steps + 1) + s - 1], b = f[p * (steps + 1) + s];
        checked++;
        // Allow only floating-point noise in the comparison, relative to the values' size.
        if (b < a - 1e-12 * (1 + Math.abs(a))) violations++;
      }
    }
  }
  return { inputs: idx.map((i) => (dir[i] < 0 ? '-' : '') + m.inputs[i]), checked, violations };
}
