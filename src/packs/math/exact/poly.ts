// Exact polynomials over the rationals (coefficients low → high): the few operations the
// uncertainty-inequality verifiers need to build Hermite and Laguerre combinations.
import { ZERO, add, mul, type Rational } from './rational.js';

export type RatPoly = Rational[];

export function trimRat(p: RatPoly): RatPoly {
  let d = p.length;
  while (d > 0 && p[d - 1].num === 0n) d--;
  return p.slice(0, d);
}

export function addRat(a: RatPoly, b: RatPoly): RatPoly {
  const out: RatPoly = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(add(a[i] ?? ZERO, b[i] ?? ZERO));
  return trimRat(out);
}

export function scaleRat(a: RatPoly, c: Rational): RatPoly {
  return trimRat(a.map((x) => mul(x, c)));
}

export function mulRat(a: RatPoly, b: RatPoly): RatPoly {
  if (a.length === 0 || b.length === 0) return [];
  const out: RatPoly = new Array(a.length + b.length - 1).fill(ZERO);
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) out[i + j] = add(out[i + j], mul(a[i], b[j]));
  return trimRat(out);
}

export function evalRat(a: RatPoly, x: Rational): Rational {
  let acc = ZERO;
  for (let i = a.length - 1; i >= 0; i--) acc = add(mul(acc, x), a[i]);
  return acc;
}
