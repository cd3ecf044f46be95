// C6 (Thm 19): the norm balancer. N(a) = Σ_i ReLU(W a)_i with W_ij ~ N(0, 1/d²) estimates |a|/√(2π)
// (the paper's constant 1/(2√π) is a typo); balance(a) = a + f_PL(√(2π)·N(a))·v with f(t) = √(s0 − t²)
// replaced by a piecewise-linear sum of ReLUs and v ~ N(0, I/d).
import { checkInt, checkNum, fillNormal, objStream, type Seed } from './sampling.js';

export const RELU_GAUSS_MEAN = 1 / Math.sqrt(2 * Math.PI); // E ReLU(N(0,1))

export interface PiecewiseLinear {
  /** f(t) = base + slope0·t + Σ_j kinks[j].dw·ReLU(t − kinks[j].t): a sum of ReLUs. */
  base: number;
  slope0: number;
  kinks: Array<{ t: number; dw: number }>;
}

export function evalPL(f: PiecewiseLinear, t: number): number {
  let v = f.base + f.slope0 * t;
  for (const k of f.kinks) v += k.dw * Math.max(0, t - k.t);
  return v;
}

/** Interpolant of √(s0 − t²) on knots t_j = √s0·sin(π j/(2K)) (denser near √s0, where the slope blows up), linear beyond. */
export function semicirclePL(s0: number, knots: number): PiecewiseLinear {
  checkNum('s0', s0, 0, 1e9, true);
  checkInt('knots', knots, 2);
  const r = Math.sqrt(s0);
  const ts = Array.from({ length: knots + 1 }, (_, j) => r * Math.sin((Math.PI * j) / (2 * knots)));
  const fs = ts.map((t) => Math.sqrt(Math.max(0, s0 - t * t)));
  const slopes = ts.slice(1).map((t, j) => (fs[j + 1] - fs[j]) / (t - ts[j]));
  const kinks = slopes.slice(1).map((sl, j) => ({ t: ts[j + 1], dw: sl - slopes[j] }));
  return { base: fs[0], slope0: slopes[0], kinks };
}

export interface Balancer { d: number; s0: number; W: Float32Array; v: Float64Array; f: PiecewiseLinear; width: number }

export function buildBalancer(opts: { d: number; s0: number; seed: Seed; knots?: number }): Balancer {
  const d = checkInt('d', opts.d, 1);
  const W = new Float32Array(d * d);
  fillNormal(objStream(opts.seed, 'balancer-W'), W, 1 / d);
  const v = new Float64Array(d);
  fillNormal(objStream(opts.seed, 'balancer-v'), v, 1 / Math.sqrt(d));
  const f = semicirclePL(opts.s0, opts.knots ?? 128);
  // Hidden ReLUs: d for N(a), the knots of f_PL, and 2d to pass a through as ReLU(a) − ReLU(−a).
  return { d, s0: opts.s0, W, v, f, width: 3 * d + f.kinks.length + 1 };
}

/** N(a) = Σ_i ReLU((W a)_i). */
export function normEstimate(B: Balancer, a: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < B.d; i++) {
    let s = 0;
    const o = i * B.d;
    for (let j = 0; j < B.d; j++) s += B.W[o + j] * a[j];
    if (s > 0) n += s;
  }
  return n;
}

export function balance(B: Balancer, a: ArrayLike<number>): Float64Array {
  const t = normEstimate(B, a) / RELU_GAUSS_MEAN;
  const g = evalPL(B.f, t);
  const out = new Float64Array(B.d);
  for (let i = 0; i < B.d; i++) out[i] = a[i] + g * B.v[i];
  return out;
}
