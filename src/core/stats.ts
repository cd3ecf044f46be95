// Descriptive statistics with confidence intervals, and least-squares line fits with standard errors.
// Plain functions over number arrays / typed arrays; no domain assumptions.

export type Numbers = ArrayLike<number>;

function checkNonEmpty(x: Numbers, name: string): void {
  if (x.length === 0) throw new RangeError(`${name}: needs at least one value`);
}

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
}

export function mean(x: Numbers): number {
  checkNonEmpty(x, 'mean');
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

/** Sample variance (divisor n − 1); 0 for a single value. */
export function variance(x: Numbers): number {
  checkNonEmpty(x, 'variance');
  if (x.length === 1) return 0;
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - m) * (x[i] - m);
  return s / (x.length - 1);
}

export function std(x: Numbers): number {
  return Math.sqrt(variance(x));
}

/** Standard error of the mean. */
export function sem(x: Numbers): number {
  return std(x) / Math.sqrt(x.length);
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9 after one Newton step). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  let x: number;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - pl) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  // One Halley refinement against the exact CDF.
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** Standard normal CDF via erfc (Numerical Recipes Chebyshev fit, relative error < 1.2e-7). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

/** ln Γ(x) for x > 0 (Lanczos, ~1e-10 relative). */
export function logGamma(x: number): number {
  const g = [76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5];
  let y = x;
  const tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
  let ser = 1.000000000190015;
  for (const c of g) ser += c / ++y;
  return -tmp + Math.log((2.5066282746310005 * ser) / x);
}

function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d; h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 3e-14) break;
  }
  return h;
}

/** Regularised incomplete beta function I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const bt = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (bt * betaContinuedFraction(a, b, x)) / a : 1 - (bt * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** CDF of Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const x = df / (df + t * t);
  const tail = 0.5 * incompleteBeta(x, df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Quantile of Student's t (bisection on the CDF; exact to ~1e-10). */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile: p must be in (0, 1), got ${p}`);
  if (!(df > 0)) throw new RangeError(`studentTQuantile: df must be positive, got ${df}`);
  let lo = -1e3, hi = 1e3;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid; else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface Interval { lo: number; hi: number; level: number }

/** t-interval for the mean. */
export function meanCI(x: Numbers, level = 0.95): { mean: number; se: number } & Interval {
  checkLevel(level);
  const m = mean(x);
  const se = x.length > 1 ? sem(x) : NaN;
  const t = x.length > 1 ? studentTQuantile(1 - (1 - level) / 2, x.length - 1) : NaN;
  return { mean: m, se, lo: m - t * se, hi: m + t * se, level };
}

/** Sample quantile (linear interpolation between order statistics, "type 7") of an ascending array. */
export function quantileSorted(sorted: Numbers, q: number): number {
  checkNonEmpty(sorted, 'quantile');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q must be in [0, 1], got ${q}`);
  const h = (sorted.length - 1) * q;
  const i = Math.floor(h);
  const f = h - i;
  return i + 1 < sorted.length ? sorted[i] + f * (sorted[i + 1] - sorted[i]) : sorted[i];
}

/**
 * Distribution-free confidence interval for the q-quantile as a pair of order-statistic ranks
 * (0-based, inclusive), from the binomial count of values below the quantile (normal approximation
 * with continuity correction). Valid for independent samples.
 */
export function quantileRankInterval(n: number, q: number, level = 0.95): { lo: number; hi: number } {
  checkLevel(level);
  if (!(n >= 1)) throw new RangeError(`quantileRankInterval: n must be >= 1, got ${n}`);
  const z = normalQuantile(1 - (1 - level) / 2);
  const sd = Math.sqrt(n * q * (1 - q));
  const lo = Math.max(0, Math.floor(n * q - z * sd - 0.5) - 1);
  const hi = Math.min(n - 1, Math.ceil(n * q + z * sd + 0.5) - 1);
  return { lo, hi };
}

/** q-quantile of the values with a distribution-free confidence interval. */
export function quantileCI(x: Numbers, q: number, level = 0.95): { value: number } & Interval {
  const sorted = Float64Array.from(x).sort();
  const r = quantileRankInterval(sorted.length, q, level);
  return { value: quantileSorted(sorted, q), lo: sorted[r.lo], hi: sorted[r.hi], level };
}

/** Wilson score interval for a binomial proportion k/n. */
export function wilson(k: number, n: number, level = 0.95): { p: number } & Interval {
  checkLevel(level);
  if (!(n > 0) || k < 0 || k > n) throw new RangeError(`wilson: need 0 <= k <= n and n > 0, got k=${k}, n=${n}`);
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = k / n;
  const den = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / den;
  return { p, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half), level };
}

export interface LineFit {
  slope: number;
  intercept: number;
  slopeSE: number;
  interceptSE: number;
  /** Confidence interval of the slope (t with n − 2 degrees of freedom). */
  slopeCI: Interval;
  interceptCI: Interval;
  r2: number;
  /** Residual standard deviation. */
  residualSD: number;
  n: number;
}

/** Ordinary least-squares fit y ≈ intercept + slope·x with standard errors and t-intervals. */
export function linearFit(x: Numbers, y: Numbers, level = 0.95): LineFit {
  checkLevel(level);
  const n = x.length;
  if (n !== y.length) throw new RangeError(`linearFit: x and y lengths differ (${n} vs ${y.length})`);
  if (n < 2) throw new RangeError('linearFit: needs at least two points');
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) throw new RangeError(`linearFit: non-finite point at index ${i}`);
  }
  const mx = mean(x), my = mean(y);
  let sxx = 0, sxy = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2; sxy += (x[i] - mx) * (y[i] - my); syy += (y[i] - my) ** 2;
  }
  if (sxx === 0) throw new RangeError('linearFit: all x values are equal');
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (y[i] - intercept - slope * x[i]) ** 2;
  const dof = n - 2;
  const s2 = dof > 0 ? sse / dof : NaN;
  const slopeSE = Math.sqrt(s2 / sxx);
  const interceptSE = Math.sqrt(s2 * (1 / n + (mx * mx) / sxx));
  const t = dof > 0 ? studentTQuantile(1 - (1 - level) / 2, dof) : NaN;
  return {
    slope, intercept, slopeSE, interceptSE,
    slopeCI: { lo: slope - t * slopeSE, hi: slope + t * slopeSE, level },
    interceptCI: { lo: intercept - t * interceptSE, hi: intercept + t * interceptSE, level },
    r2: syy > 0 ? 1 - sse / syy : 1,
    residualSD: Math.sqrt(s2),
    n,
  };
}

/** Fit y ≈ C·x^k on log-log axes (all values must be positive); the slope is the exponent k. */
export function powerLawFit(x: Numbers, y: Numbers, level = 0.95): LineFit {
  const lx: number[] = [], ly: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (!(x[i] > 0) || !(y[i] > 0)) throw new RangeError(`powerLawFit: values must be positive (index ${i})`);
    lx.push(Math.log(x[i])); ly.push(Math.log(y[i]));
  }
  return linearFit(lx, ly, level);
}

/** Streaming count/mean/variance/min/max (Welford), mergeable across workers. */
export interface Moments { n: number; mean: number; m2: number; min: number; max: number }

export function emptyMoments(): Moments {
  return { n: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity };
}

export function pushMoment(acc: Moments, v: number): void {
  acc.n++;
  const delta = v - acc.mean;
  acc.mean += delta / acc.n;
  acc.m2 += delta * (v - acc.mean);
  if (v < acc.min) acc.min = v;
  if (v > acc.max) acc.max = v;
}

export function mergeMoments(a: Moments, b: Moments): Moments {
  if (a.n === 0) return { ...b };
  if (b.n === 0) return { ...a };
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  return {
    n,
    mean: a.mean + (delta * b.n) / n,
    m2: a.m2 + b.m2 + (delta * delta * a.n * b.n) / n,
    min: Math.min(a.min, b.min),
    max: Math.max(a.max, b.max),
  };
}

/** Sample standard deviation of a Moments accumulator (0 for fewer than two values). */
export function momentsStd(acc: Moments): number {
  return acc.n > 1 ? Math.sqrt(acc.m2 / (acc.n - 1)) : 0;
}
