// Outward-rounded interval arithmetic on doubles. JavaScript has no rounding-mode control, so
// every operation rounds to nearest and then widens by one relative ulp (plus the smallest
// subnormal); the exact result of each operation therefore lies inside the returned interval.
// Used wherever an inequality is claimed as proved rather than estimated.

export interface Iv {
  lo: number;
  hi: number;
}

const EPS = 2.220446049250313e-16; // 2^-52
const TINY = 5e-324;

/** An upper bound of the exact value whose round-to-nearest result is x. */
export function up(x: number): number {
  return x + (Math.abs(x) * EPS + TINY);
}

/** A lower bound of the exact value whose round-to-nearest result is x. */
export function down(x: number): number {
  return x - (Math.abs(x) * EPS + TINY);
}

export function iv(lo: number, hi = lo): Iv {
  if (!(lo <= hi)) throw new RangeError(`interval: lo ${lo} must not exceed hi ${hi}`);
  return { lo, hi };
}

export function add(a: Iv, b: Iv): Iv {
  return { lo: down(a.lo + b.lo), hi: up(a.hi + b.hi) };
}

export function sub(a: Iv, b: Iv): Iv {
  return { lo: down(a.lo - b.hi), hi: up(a.hi - b.lo) };
}

export function neg(a: Iv): Iv {
  return { lo: -a.hi, hi: -a.lo };
}

export function mul(a: Iv, b: Iv): Iv {
  if (a.lo >= 0 && b.lo >= 0) return { lo: down(a.lo * b.lo), hi: up(a.hi * b.hi) };
  const p = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
  return { lo: down(Math.min(...p)), hi: up(Math.max(...p)) };
}

/** Product with an exact double. */
export function scale(a: Iv, c: number): Iv {
  return c >= 0 ? { lo: down(a.lo * c), hi: up(a.hi * c) } : { lo: down(a.hi * c), hi: up(a.lo * c) };
}

export function div(a: Iv, b: Iv): Iv {
  if (b.lo <= 0 && b.hi >= 0) throw new RangeError('interval division by an interval containing 0');
  const p = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi];
  return { lo: down(Math.min(...p)), hi: up(Math.max(...p)) };
}

export function min(a: Iv, b: Iv): Iv {
  return { lo: Math.min(a.lo, b.lo), hi: Math.min(a.hi, b.hi) };
}

export function max(a: Iv, b: Iv): Iv {
  return { lo: Math.max(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}

// ln 2 lies strictly between these two consecutive doubles (Math.LN2 is the lower one).
const LN2: Iv = { lo: Math.LN2, hi: 0.6931471805599454 };

/** exp(t) for |t| ≤ 0.36 by its Taylor series, with the truncation remainder added. */
function expSmall(t: Iv): Iv {
  // Evaluate at both ends (exp is increasing); each end as a point interval.
  const one = (x: number, upper: boolean): number => {
    const r = upper ? up : down;
    let term = 1;
    let sum = 1;
    for (let k = 1; k <= 22; k++) {
      term = r(r(term * x) / k); // rounding direction is safe for x ≥ 0; handled below for x < 0
      sum = r(sum + term);
    }
    return sum;
  };
  const endUp = (x: number): number => (x >= 0 ? up(one(x, true) + 1e-30) : up(1 / one(-x, false)));
  const endDown = (x: number): number => (x >= 0 ? one(x, false) : down(1 / up(one(-x, true) + 1e-30)));
  return { lo: endDown(t.lo), hi: endUp(t.hi) };
}

/** An enclosure of 2^x for x in the interval (|x| < 1000). */
export function exp2(x: Iv): Iv {
  if (!(Math.abs(x.lo) < 1000 && Math.abs(x.hi) < 1000)) throw new RangeError(`exp2: argument ${x.lo}..${x.hi} out of range`);
  const lo = exp2Point(x.lo);
  const hi = exp2Point(x.hi);
  return { lo: lo.lo, hi: hi.hi };
}

function exp2Point(x: number): Iv {
  const n = Math.round(x);
  const f = x - n; // exact: |f| ≤ 1/2 and x, n share the binade scale
  const t = f >= 0 ? { lo: down(f * LN2.lo), hi: up(f * LN2.hi) } : { lo: down(f * LN2.hi), hi: up(f * LN2.lo) };
  const e = expSmall(t);
  const s = Math.pow(2, n); // exact power of two
  return { lo: down(e.lo * s), hi: up(e.hi * s) };
}

/** An enclosure of the natural logarithm of a positive interval. */
export function log(x: Iv): Iv {
  if (!(x.lo > 0)) throw new RangeError(`log: argument must be positive, got ${x.lo}`);
  return { lo: logPoint(x.lo).lo, hi: logPoint(x.hi).hi };
}

function logPoint(x: number): Iv {
  // x = m·2^e with m in [1/√2, √2); log m = 2·atanh(s), s = (m−1)/(m+1), |s| ≤ 0.1716.
  let e = Math.floor(Math.log2(x));
  let m = x / Math.pow(2, e); // exact
  if (m >= Math.SQRT2) { m /= 2; e += 1; }
  else if (m < Math.SQRT1_2) { m *= 2; e -= 1; }
  const num = m - 1; // exact (Sterbenz) for m in [1/2, 2]
  const den: Iv = { lo: down(m + 1), hi: up(m + 1) };
  const s = div({ lo: num, hi: num }, den);
  const s2 = mul(s, s);
  // atanh(s) = Σ s^(2k+1)/(2k+1); the tail after K terms is at most |s|^(2K+3)/(1−s²).
  let pow = s;
  let sum: Iv = s;
  for (let k = 1; k <= 14; k++) {
    pow = mul(pow, s2);
    sum = add(sum, scale(pow, 1 / (2 * k + 1)));
    // 1/(2k+1) is itself rounded; widen by its relative error.
    sum = { lo: down(sum.lo - Math.abs(pow.hi) * EPS), hi: up(sum.hi + Math.abs(pow.hi) * EPS) };
  }
  const tail = up(Math.pow(Math.max(Math.abs(s.lo), Math.abs(s.hi)), 31) * 1.1);
  sum = { lo: down(sum.lo - tail), hi: up(sum.hi + tail) };
  const logm = scale(sum, 2);
  return add(logm, scale(LN2, e));
}

/** An enclosure of log₂ of a positive interval. */
export function log2(x: Iv): Iv {
  return div(log(x), LN2);
}

/** An enclosure of −x·log₂x on an interval inside [0, 1] (the value at 0 is 0). */
export function negXLog2X(x: Iv): Iv {
  if (x.lo < 0 || x.hi > 1) throw new RangeError(`negXLog2X: interval ${x.lo}..${x.hi} must lie in [0,1]`);
  if (x.lo === 0) {
    // −x log₂ x increases on [0, 1/e]; beyond that bound it by its maximum log₂(e)/e.
    const hi = x.hi === 0 ? 0 : x.hi <= 0.36 ? neg(mul(x, log2({ lo: x.hi, hi: x.hi }))).hi : 0.5307378454767;
    return { lo: 0, hi };
  }
  const r = neg(mul(x, log2(x)));
  return { lo: Math.max(0, r.lo), hi: r.hi };
}
