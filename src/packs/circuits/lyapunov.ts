// Monte Carlo estimates of the top Lyapunov exponent λ of the i.i.d. product A_{I_1}A_{I_2}⋯
// with I_t ~ Bin(k, p): independent seeded runs of m steps from e_h, renormalised every step,
// reported per input bit (λ/k) with a Student-t confidence interval over the runs.
import { stream } from '../../core/rng.js';
import { meanCI } from '../../core/stats.js';
import { binomialPmf } from './ga05.js';
import { rowTimes, type Transitions } from './transitions.js';

export interface LyapunovEstimate {
  /** Estimate of λ/k (bits per input bit). */
  perBit: number;
  se: number;
  lo: number;
  hi: number;
  level: number;
  runs: number[];
  steps: number;
}

export function lyapunovMC(t: Transitions, p: number, opts: { steps: number; runs: number; seed: number | string; start?: number; burnIn?: number; level?: number }): LyapunovEstimate {
  const { steps, runs } = opts;
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`steps must be a positive integer, got ${steps}`);
  if (!Number.isInteger(runs) || runs < 2) throw new RangeError(`runs must be an integer ≥ 2, got ${runs}`);
  const P = binomialPmf(t.k, p);
  const cdf: number[] = [];
  P.reduce((s, v, i) => (cdf[i] = s + v), 0);
  const burn = opts.burnIn ?? Math.floor(steps / 10);
  const values: number[] = [];
  for (let r = 0; r < runs; r++) {
    const rng = stream(opts.seed, 'lyapunov', r);
    let x = new Float64Array(t.H);
    x[opts.start ?? 0] = 1;
    let tmp = new Float64Array(t.H);
    let logSum = 0;
    for (let s = 0; s < burn + steps; s++) {
      const u = rng.float();
      let i = 0;
      while (i < t.k && u >= cdf[i]) i++;
      rowTimes(t, i, x, tmp);
      let norm = 0;
      for (const v of tmp) norm += v;
      for (let q = 0; q < t.H; q++) tmp[q] /= norm;
      if (s >= burn) logSum += Math.log2(norm);
      [x, tmp] = [tmp, x];
    }
    values.push(logSum / steps / t.k);
  }
  const ci = meanCI(values, opts.level ?? 0.95);
  return { perBit: ci.mean, se: ci.se, lo: ci.lo, hi: ci.hi, level: ci.level, runs: values, steps };
}
