// Random variates for network parameters, drawn from a seeded Rng.
import type { Rng } from '../../core/rng.js';

const TWO_M31 = 2 ** -31;

/** Fills buf[0..n) with standard normals (Marsaglia's polar method, both halves used). */
export function fillNormals(rng: Rng, buf: Float64Array, n = buf.length): void {
  // 32-bit uniforms on (−1, 1): ample resolution for the polar method, and half the generator calls of
  // 53-bit floats; the polar form needs one log and one sqrt per pair instead of Box–Muller's four calls.
  let i = 0;
  while (i < n) {
    let u: number, v: number, s: number;
    do {
      u = rng.u32() * TWO_M31 - 1;
      v = rng.u32() * TWO_M31 - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    buf[i++] = u * f;
    if (i < n) buf[i++] = v * f;
  }
}

/** Gamma(shape, 1) variate (Marsaglia–Tsang; boosted for shape < 1). */
export function gammaVariate(rng: Rng, shape: number): number {
  if (!(shape > 0)) throw new RangeError(`gamma shape must be positive, got ${shape}`);
  if (shape < 1) {
    let u = rng.float();
    while (u === 0) u = rng.float();
    return gammaVariate(rng, shape + 1) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3, c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do { x = rng.normal(); v = 1 + c * x; } while (v <= 0);
    v = v * v * v;
    const u = rng.float();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Writes a point uniform in the d-ball of radius R into out[off..off+d). */
export function uniformBall(rng: Rng, d: number, R: number, out: Float64Array, off = 0): void {
  let n2 = 0;
  for (let k = 0; k < d; k++) { const g = rng.normal(); out[off + k] = g; n2 += g * g; }
  if (n2 === 0) { out[off] = 0; return; }
  const r = R * Math.pow(rng.float(), 1 / d) / Math.sqrt(n2);
  for (let k = 0; k < d; k++) out[off + k] *= r;
}

/** Isotropic multivariate Student-t with ν degrees of freedom and scale s (ν = 1: Cauchy). */
export function studentVector(rng: Rng, d: number, s: number, nu: number, out: Float64Array, off = 0): void {
  if (nu === 1 && d === 1) { out[off] = s * Math.tan(Math.PI * (rng.float() - 0.5)); return; }
  let chi2 = 0;
  while (chi2 === 0) chi2 = 2 * gammaVariate(rng, nu / 2);
  const f = s / Math.sqrt(chi2 / nu);
  for (let k = 0; k < d; k++) out[off + k] = f * rng.normal();
}
