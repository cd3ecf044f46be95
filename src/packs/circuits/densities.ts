// Log-degree densities f_C(p) = (1/n)·E_{X~Ber(p)^n} log₂ L_C(X) (and g_C(q) with right degrees),
// exactly by enumeration for explicit circuits, and for tame circuits through Prop 3.2 by
// enumerating the block-weight sequences with their binomial probabilities.
import type { Circuit } from './circuit.js';
import { leftDegrees, popcount, rightDegrees } from './circuit.js';
import { binomialPmf } from './ga05.js';
import { rowTimes, type Transitions } from './transitions.js';

function densityFromDegrees(deg: Int32Array, n: number, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must lie in [0, 1], got ${p}`);
  if (deg.length !== 2 ** n) throw new RangeError(`expected 2^${n} degrees, got ${deg.length}`);
  let s = 0;
  for (let x = 0; x < deg.length; x++) {
    const w = popcount(x);
    const pr = Math.pow(p, w) * Math.pow(1 - p, n - w);
    if (pr === 0) continue;
    if (deg[x] <= 0) throw new RangeError(`input ${x} has degree 0; densities need every row to be used`);
    s += pr * Math.log2(deg[x]);
  }
  return s / n;
}

/** f_C(p) of an explicit circuit on n input bits. */
export function leftDensity(c: Circuit, n: number, p: number): number {
  return densityFromDegrees(leftDegrees(c), n, p);
}

/** g_C(q) of an explicit circuit on n output bits. */
export function rightDensity(c: Circuit, n: number, q: number): number {
  return densityFromDegrees(rightDegrees(c), n, q);
}

/** f_{C_X(km, h)}(p) by Prop 3.2: (1/(km))·Σ_{i_1..i_m} Π P_{i_t} log₂‖e_hᵀ A_{i_1}⋯A_{i_m}‖₁ (8^m sequences). */
export function tameLeftDensity(t: Transitions, h: number, m: number, p: number): number {
  if (!Number.isInteger(m) || m < 1 || m > 5) throw new RangeError(`m must be an integer in [1, 5], got ${m}`);
  if (!Number.isInteger(h) || h < 0 || h >= t.H) throw new RangeError(`h must be an integer in [0, ${t.H}), got ${h}`);
  const P = binomialPmf(t.k, p);
  const start = new Float64Array(t.H);
  start[h] = 1;
  const rec = (x: Float64Array, depth: number, prob: number): number => {
    if (prob === 0) return 0;
    if (depth === m) {
      let s = 0;
      for (const v of x) s += v;
      return prob * Math.log2(s);
    }
    let acc = 0;
    for (let i = 0; i <= t.k; i++) acc += rec(rowTimes(t, i, x), depth + 1, prob * P[i]);
    return acc;
  };
  return rec(start, 0, 1) / (t.k * m);
}
