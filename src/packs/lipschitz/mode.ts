// MoDe[ℓ] moment-decomposition loss (thesis Ch. 3, Eqs. 3.8–3.22) and its closed-form gradient.
// Background events are split into equal-occupancy mass bins m with centres m̃ (mass mapped to
// [−1, 1]) and widths Δ; F_m(s) is the (weighted) CDF of scores in bin m with Θ(0) = ½, and
//   F^ℓ_m(s) = Σ_{l≤ℓ} c_l(s) P_l(m̃_m),   c_l(s) = (2l+1)/2 Σ_{m'} Δ_{m'} P_l(m̃_{m'}) F_{m'}(s),
// i.e. F^ℓ = A·F with A_{mm'} = Σ_l (2l+1)/2 Δ_{m'} P_l(m̃_m) P_l(m̃_{m'}). The loss is
//   L = (1/B) Σ_m ∫_0^1 (F_m(s) − F^ℓ_m(s))² ds,
// and because G = (I − A)F jumps by (w_i/W_k)(I − A)e_k when s crosses s_i (bin k),
//   ∂L/∂s_i = −(2/B)(w_i/W_k) Σ_m G_m(s_i)(I − A)_{mk}      (Eq. 3.19 for ℓ = 1).
import type { Tape, Tensor } from '../../core/autodiff.js';
import { custom, tensor } from '../../core/autodiff.js';

export interface ModeOptions {
  /** Polynomial order ℓ ∈ {0, 1, 2} (0 = flat, 1 = linear, 2 = quadratic dependence allowed). */
  order: number;
  /** Number of equal-occupancy mass bins. */
  bins: number;
  /** 'exact' integrates the piecewise-constant integrand exactly; a number uses that many midpoint s-steps. */
  integral?: 'exact' | number;
  /** Per-event weights (default 1). */
  weights?: ArrayLike<number>;
}

export function legendre(l: number, x: number): number {
  if (l === 0) return 1;
  if (l === 1) return x;
  if (l === 2) return 0.5 * (3 * x * x - 1);
  throw new RangeError(`order must be 0, 1 or 2, got ${l}`);
}

export interface MassBinning {
  /** Bin of each event. */
  bin: Int32Array;
  centre: Float64Array;
  width: Float64Array;
}

/**
 * Equal-occupancy bins of the masses after min–max scaling to [−1, 1]. Edges sit midway between
 * neighbouring bins' extreme masses so the widths sum to 2 (the reference package uses max − min
 * inside each bin, which leaves gaps); centres are the mean scaled mass in the bin.
 */
export function massBins(m: ArrayLike<number>, bins: number): MassBinning {
  const n = m.length;
  if (!Number.isInteger(bins) || bins < 1 || bins > n) throw new RangeError(`bins must be an integer in [1, ${n}], got ${bins}`);
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) { if (!Number.isFinite(m[i])) throw new RangeError(`mass ${i} is not finite`); lo = Math.min(lo, m[i]); hi = Math.max(hi, m[i]); }
  const span = hi > lo ? hi - lo : 1;
  const scaled = Array.from({ length: n }, (_, i) => (2 * (m[i] - lo)) / span - 1);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scaled[a] - scaled[b]);
  const bin = new Int32Array(n), centre = new Float64Array(bins), width = new Float64Array(bins);
  const first = new Float64Array(bins), last = new Float64Array(bins);
  for (let k = 0; k < bins; k++) {
    const a = Math.floor((k * n) / bins), b = Math.floor(((k + 1) * n) / bins);
    let s = 0;
    for (let r = a; r < b; r++) { bin[order[r]] = k; s += scaled[order[r]]; }
    centre[k] = s / (b - a);
    first[k] = scaled[order[a]]; last[k] = scaled[order[b - 1]];
  }
  for (let k = 0; k < bins; k++) {
    const left = k === 0 ? -1 : (last[k - 1] + first[k]) / 2;
    const right = k === bins - 1 ? 1 : (last[k] + first[k + 1]) / 2;
    width[k] = right - left;
  }
  return { bin, centre, width };
}

/** The matrix I − A (row-major B×B) that maps bin CDFs F to residuals G = F − F^ℓ. */
export function residualMatrix(b: MassBinning, order: number): Float64Array {
  const B = b.centre.length, R = new Float64Array(B * B);
  for (let m = 0; m < B; m++) for (let k = 0; k < B; k++) {
    let a = 0;
    for (let l = 0; l <= order; l++) a += ((2 * l + 1) / 2) * b.width[k] * legendre(l, b.centre[m]) * legendre(l, b.centre[k]);
    R[m * B + k] = (m === k ? 1 : 0) - a;
  }
  return R;
}

/** Loss value and gradient with respect to every score. Scores must lie in [0, 1]. */
export function modeLoss(s: ArrayLike<number>, mass: ArrayLike<number>, o: ModeOptions): { loss: number; grad: Float64Array } {
  const n = s.length;
  if (mass.length !== n) throw new RangeError(`mass has ${mass.length} entries, scores have ${n}`);
  for (let i = 0; i < n; i++) if (!(s[i] >= 0 && s[i] <= 1)) throw new RangeError(`score ${i} must lie in [0, 1], got ${s[i]}`);
  if (![0, 1, 2].includes(o.order)) throw new RangeError(`order must be 0, 1 or 2, got ${o.order}`);
  const w = o.weights ?? new Float64Array(n).fill(1);
  if (w.length !== n) throw new RangeError('weights must have one entry per score');
  const bins = massBins(mass, o.bins);
  const B = o.bins, R = residualMatrix(bins, o.order);
  const W = new Float64Array(B);
  for (let i = 0; i < n; i++) W[bins.bin[i]] += w[i];
  for (let k = 0; k < B; k++) if (!(W[k] > 0)) throw new RangeError(`mass bin ${k} has zero total weight`);
  const jump = (i: number): number => w[i] / W[bins.bin[i]];
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => s[a] - s[b]);
  const G = new Float64Array(B), grad = new Float64Array(n);
  const addJump = (i: number, f: number): void => { const k = bins.bin[i], j = f * jump(i); for (let m = 0; m < B; m++) G[m] += j * R[m * B + k]; };
  const sq = (): number => { let q = 0; for (let m = 0; m < B; m++) q += G[m] * G[m]; return q; };
  let loss = 0;
  const grid = o.integral === undefined || o.integral === 'exact' ? null : o.integral;
  if (grid !== null && (!Number.isInteger(grid) || grid < 1)) throw new RangeError(`integral must be 'exact' or a positive integer, got ${grid}`);
  let prev = 0, g = 0; // g: next grid point index
  for (let r = 0; r < n; ) {
    // Events tied at the same score jump together; each sees the half-way residual.
    let e = r;
    while (e < n && s[idx[e]] === s[idx[r]]) e++;
    const at = s[idx[r]];
    if (grid === null) loss += sq() * (at - prev);
    else for (; g < grid && (g + 0.5) / grid < at; g++) loss += sq() / grid;
    for (let t = r; t < e; t++) addJump(idx[t], 0.5);
    if (grid !== null) for (; g < grid && (g + 0.5) / grid === at; g++) loss += sq() / grid;
    for (let t = r; t < e; t++) {
      const i = idx[t], k = bins.bin[i];
      let dot = 0;
      for (let m = 0; m < B; m++) dot += G[m] * R[m * B + k];
      grad[i] = (-2 / B) * jump(i) * dot;
    }
    for (let t = r; t < e; t++) addJump(idx[t], 0.5);
    prev = at;
    r = e;
  }
  if (grid === null) loss += sq() * (1 - prev);
  else for (; g < grid; g++) loss += sq() / grid;
  return { loss: loss / B, grad };
}

/** MoDe loss on a tape: `scores` is an n×1 tensor of values in [0, 1]. */
export function modeLossOp(tape: Tape, scores: Tensor, mass: ArrayLike<number>, o: ModeOptions): Tensor {
  const { loss, grad } = modeLoss(scores.data, mass, o);
  const out = tensor(1, 1, [loss]);
  return custom(tape, [scores], out, () => {
    const g = out.grad[0];
    for (let i = 0; i < grad.length; i++) scores.grad[i] += g * grad[i];
  });
}
