// Mergeable error statistics for one case of read-offs: moments, worst case, a fine histogram of |error|
// for quantiles with confidence intervals, sign-error and negative-error counts. Memory is fixed, so
// millions of read-offs can be summarised without storing them.
import { emptyMoments, mergeMoments, momentsStd, pushMoment, quantileRankInterval, type Moments } from '../../core/stats.js';

export const HIST_MAX = 8;
export const HIST_BINS = 1 << 15; // bin width 8/32768 ≈ 2.4e-4

export interface ErrStats {
  moments: Moments; // of the signed error
  sq: number; // Σ error²
  maxAbs: number;
  hist: number[]; // counts of |error| by bin (last bin collects ≥ HIST_MAX)
  signErrors: number; // |error| ≥ 1/2: the thresholded bit is wrong
  negatives: number; // error < −1e-9
}

export function emptyErrStats(): ErrStats {
  return { moments: emptyMoments(), sq: 0, maxAbs: 0, hist: new Array(HIST_BINS).fill(0), signErrors: 0, negatives: 0 };
}

export function pushErr(st: ErrStats, e: number): void {
  pushMoment(st.moments, e);
  st.sq += e * e;
  const a = Math.abs(e);
  if (a > st.maxAbs) st.maxAbs = a;
  st.hist[Math.min(HIST_BINS - 1, Math.floor((a / HIST_MAX) * HIST_BINS))]++;
  if (a >= 0.5) st.signErrors++;
  if (e < -1e-9) st.negatives++;
}

export function mergeErrStats(a: ErrStats, b: ErrStats): ErrStats {
  return {
    moments: mergeMoments(a.moments, b.moments),
    sq: a.sq + b.sq,
    maxAbs: Math.max(a.maxAbs, b.maxAbs),
    hist: a.hist.map((v, i) => v + b.hist[i]),
    signErrors: a.signErrors + b.signErrors,
    negatives: a.negatives + b.negatives,
  };
}

/** |error| at 0-based rank r (bin centre; exact to half a bin width, capped at the observed maximum). */
function valueAtRank(st: ErrStats, r: number): number {
  let acc = 0;
  for (let i = 0; i < HIST_BINS; i++) {
    acc += st.hist[i];
    if (acc > r) return Math.min(st.maxAbs, ((i + 0.5) * HIST_MAX) / HIST_BINS);
  }
  return st.maxAbs;
}

export interface QuantileSummary { value: number; lo: number; hi: number }

/**
 * q-quantile of |error| with a 95% order-statistic interval. The interval treats read-offs as independent;
 * read-offs sharing an input are correlated, so it is a lower bound on the true uncertainty.
 */
export function absQuantile(st: ErrStats, q: number, level = 0.95): QuantileSummary {
  const n = st.moments.n;
  if (n === 0) return { value: NaN, lo: NaN, hi: NaN };
  const r = quantileRankInterval(n, q, level);
  return { value: valueAtRank(st, Math.round(q * (n - 1))), lo: valueAtRank(st, r.lo), hi: valueAtRank(st, r.hi) };
}

export interface CaseSummary {
  n: number;
  max: number;
  mean: number;
  std: number;
  rms: number;
  q50: number;
  q99: number;
  q99CI: [number, number];
  q999: number;
  q999CI: [number, number];
  signErrorRate: number;
  negatives: number;
}

export function summarize(st: ErrStats): CaseSummary {
  const n = st.moments.n;
  const q99 = absQuantile(st, 0.99), q999 = absQuantile(st, 0.999);
  return {
    n,
    max: st.maxAbs,
    mean: n ? st.moments.mean : NaN,
    std: momentsStd(st.moments),
    rms: n ? Math.sqrt(st.sq / n) : NaN,
    q50: absQuantile(st, 0.5).value,
    q99: q99.value,
    q99CI: [q99.lo, q99.hi],
    q999: q999.value,
    q999CI: [q999.lo, q999.hi],
    signErrorRate: n ? st.signErrors / n : NaN,
    negatives: st.negatives,
  };
}
