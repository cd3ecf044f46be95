// Special functions to near double precision: erf/erfc, Bessel J_n (integer n), K_0.

/** Error function (Taylor series for |x| < 2.5, continued fraction for erfc beyond); |error| ≲ 1e-15. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < 2.5) {
    // erf(x) = (2/√π) e^{−x²} Σ 2ⁿ x^{2n+1} / (1·3·…(2n+1)): all terms positive, no cancellation.
    const x2 = x * x;
    let term = x, sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (2 * x2) / (2 * n + 1);
      sum += term;
      if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
    }
    return (2 / Math.sqrt(Math.PI)) * Math.exp(-x2) * sum;
  }
  const c = erfcLarge(ax);
  return x > 0 ? 1 - c : c - 1;
}

/** Complementary error function. */
export function erfc(x: number): number {
  if (x < 2.5) return 1 - erf(x);
  return erfcLarge(x);
}

// Continued fraction erfc(x) = e^{−x²}/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + …)))), modified Lentz.
function erfcLarge(x: number): number {
  const tiny = 1e-300;
  let f = x, c = x, d = 0;
  for (let n = 1; n < 500; n++) {
    const an = n / 2;
    d = x + an * d; d = Math.abs(d) < tiny ? tiny : d; d = 1 / d;
    c = x + an / c; c = Math.abs(c) < tiny ? tiny : c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}

/**
 * Bessel J_n(x) for integer n ≥ 0 by the trapezoid rule on Bessel's integral
 * (1/π)∫₀^π cos(nθ − x sinθ) dθ, which converges geometrically for this periodic integrand.
 */
export function besselJ(n: number, x: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`besselJ: order must be a non-negative integer, got ${n}`);
  const m = Math.max(32, Math.ceil(Math.abs(x) + n + 40));
  // Trapezoid over the full period [0, 2π] of cos(nθ − x sinθ), halved.
  let s = 0;
  for (let k = 0; k < 2 * m; k++) {
    const t = (Math.PI * k) / m;
    s += Math.cos(n * t - x * Math.sin(t));
  }
  return s / (2 * m);
}

/** Modified Bessel K_0(x) for x > 0 from K_0(x) = ∫₀^∞ e^{−x cosh t} dt. */
export function besselK0(x: number): number {
  if (!(x > 0)) throw new RangeError(`besselK0: x must be positive, got ${x}`);
  // Integrand is below e^{−x cosh T}·… beyond T where x cosh T > 745.
  const T = Math.acosh(Math.max(1, 750 / x)) + 1;
  const h = T / Math.max(200, Math.ceil(40 * T));
  let s = 0.5 * Math.exp(-x);
  for (let t = h; t <= T; t += h) s += Math.exp(-x * Math.cosh(t));
  return s * h;
}

/** log Γ(x) for x > 0: upward recurrence to x ≥ 15, then the Stirling series (relative error ~1e-15). */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma: x must be positive, got ${x}`);
  let shift = 0;
  while (x < 15) { shift += Math.log(x); x += 1; }
  const x2 = 1 / (x * x);
  const series = (1 / x) * (1 / 12 - x2 * (1 / 360 - x2 * (1 / 1260 - x2 * (1 / 1680 - x2 / 1188))));
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
}

/** Fast erf (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7) for sampling loops where speed beats the last digits. */
export function erfFast(x: number): number {
  const ax = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * ax);
  const y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-ax * ax);
  return x >= 0 ? y : -y;
}
