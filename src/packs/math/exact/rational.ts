// Exact rational numbers on BigInt, for verifiers that must not round: the exact value of a
// double, sums, products, quotients and comparisons. Always normalised (den > 0, gcd 1).

export interface Rational {
  num: bigint;
  den: bigint;
}

const view = new DataView(new ArrayBuffer(8));

export function bigAbs(a: bigint): bigint {
  return a < 0n ? -a : a;
}

export function gcd(a: bigint, b: bigint): bigint {
  a = bigAbs(a);
  b = bigAbs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

export function rat(num: bigint, den = 1n): Rational {
  if (den === 0n) throw new RangeError('rational with zero denominator');
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

export const ZERO: Rational = { num: 0n, den: 1n };
export const ONE: Rational = { num: 1n, den: 1n };

/** The exact value of a finite double as mantissa · 2^exponent. */
export function splitDouble(x: number): { m: bigint; e: number } {
  if (!Number.isFinite(x)) throw new RangeError(`${x} is not a finite number`);
  if (x === 0) return { m: 0n, e: 0 };
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const negative = hi >>> 31 === 1;
  const exp = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e = -1074;
  if (exp !== 0) {
    m |= 1n << 52n;
    e = exp - 1075;
  }
  // Strip trailing zero bits so small integers stay small.
  while (m !== 0n && (m & 1n) === 0n) {
    m >>= 1n;
    e += 1;
  }
  return { m: negative ? -m : m, e };
}

/** The exact rational value of a finite double. */
export function fromDouble(x: number): Rational {
  const { m, e } = splitDouble(x);
  return e >= 0 ? { num: m << BigInt(e), den: 1n } : rat(m, 1n << BigInt(-e));
}

export function add(a: Rational, b: Rational): Rational {
  return rat(a.num * b.den + b.num * a.den, a.den * b.den);
}
export function sub(a: Rational, b: Rational): Rational {
  return rat(a.num * b.den - b.num * a.den, a.den * b.den);
}
export function mul(a: Rational, b: Rational): Rational {
  return rat(a.num * b.num, a.den * b.den);
}
export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError('division by zero');
  return rat(a.num * b.den, a.den * b.num);
}
export function neg(a: Rational): Rational {
  return { num: -a.num, den: a.den };
}
export function sign(a: Rational): -1 | 0 | 1 {
  return a.num < 0n ? -1 : a.num > 0n ? 1 : 0;
}
export function cmp(a: Rational, b: Rational): -1 | 0 | 1 {
  return sign(sub(a, b));
}

function bitLength(a: bigint): number {
  return a === 0n ? 0 : bigAbs(a).toString(2).length;
}

/** The double nearest to num/den (round half to even), computed from ~64 exact quotient bits. */
export function toDouble(a: Rational): number {
  if (a.num === 0n) return 0;
  const negative = a.num < 0n;
  const n = bigAbs(a.num);
  // Scale so the integer quotient has at least 66 bits; the remainder becomes a sticky bit.
  const shift = 66 - (bitLength(n) - bitLength(a.den));
  const scaledNum = shift >= 0 ? n << BigInt(shift) : n;
  const scaledDen = shift >= 0 ? a.den : a.den << BigInt(-shift);
  let q = scaledNum / scaledDen;
  if (q * scaledDen !== scaledNum) q |= 1n; // sticky bit: below the rounding position
  // Number(q) rounds correctly; the power-of-two scaling is exact unless the result is subnormal
  // (then it may round twice). It is split in two so 2^-shift itself cannot underflow.
  const value = shift > 900 ? Number(q) * 2 ** -(shift - 600) * 2 ** -600 : Number(q) * 2 ** -shift;
  return negative ? -value : value;
}

/** The correctly rounded sum of doubles (the exact sum, rounded once). */
export function roundedSum(xs: readonly number[]): number {
  let minE = Infinity;
  const parts = xs.map((x) => {
    const p = splitDouble(x);
    if (p.m !== 0n) minE = Math.min(minE, p.e);
    return p;
  });
  if (minE === Infinity) return 0;
  let total = 0n;
  for (const p of parts) if (p.m !== 0n) total += p.m << BigInt(p.e - minE);
  return toDouble(minE >= 0 ? { num: total << BigInt(minE), den: 1n } : rat(total, 1n << BigInt(-minE)));
}
