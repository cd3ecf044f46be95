// Exact arithmetic on IEEE doubles. Every finite double is m·2^e with integer m, so sums,
// differences and products of doubles are exact as BigInt mantissa/exponent pairs. Used where a
// verifier must decide a geometric inequality without any rounding tolerance.

export interface Dyadic {
  m: bigint;
  e: number;
}

const view = new DataView(new ArrayBuffer(8));

/** The exact value of a finite double. */
export function dyadic(x: number): Dyadic {
  if (!Number.isFinite(x)) throw new RangeError(`dyadic: ${x} is not a finite number`);
  if (x === 0) return { m: 0n, e: 0 };
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const exp = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return exp === 0
    ? { m: sign * frac, e: -1074 } // subnormal
    : { m: sign * (frac | (1n << 52n)), e: exp - 1075 };
}

function align(a: Dyadic, b: Dyadic): [bigint, bigint, number] {
  const e = Math.min(a.e, b.e);
  return [a.m << BigInt(a.e - e), b.m << BigInt(b.e - e), e];
}

export function add(a: Dyadic, b: Dyadic): Dyadic {
  const [x, y, e] = align(a, b);
  return { m: x + y, e };
}

export function sub(a: Dyadic, b: Dyadic): Dyadic {
  const [x, y, e] = align(a, b);
  return { m: x - y, e };
}

export function mul(a: Dyadic, b: Dyadic): Dyadic {
  return { m: a.m * b.m, e: a.e + b.e };
}

/** Sign of a − b: −1, 0 or 1. */
export function cmp(a: Dyadic, b: Dyadic): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Nearest double (for reporting; the exact value stays in the Dyadic). */
export function toNumber(a: Dyadic): number {
  if (a.m === 0n) return 0;
  // Shift the mantissa down to ~64 bits before converting so huge exponents do not overflow.
  const bits = a.m < 0n ? (-a.m).toString(2).length : a.m.toString(2).length;
  const shift = Math.max(0, bits - 64);
  return Number(a.m >> BigInt(shift)) * 2 ** (a.e + shift);
}
