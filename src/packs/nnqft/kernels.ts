// Infinite-width kernels K(x, x') = G⁽²⁾(x, x') in closed form (exact at every width N).
import { dot, norm2, sub } from './points.js';

/** Σ(x, y) = σ_b² + σ_W² x·y/d of the single-hidden-layer nets. */
const sig = (sw: number, sb: number, x: number[], y: number[]): number => sb * sb + (sw * sw * dot(x, y)) / x.length;

export function kernelErf(sw: number, sb: number, x: number[], y: number[]): number {
  const arg = (2 * sig(sw, sb, x, y)) / Math.sqrt((1 + 2 * sig(sw, sb, x, x)) * (1 + 2 * sig(sw, sb, y, y)));
  return sb * sb + sw * sw * (2 / Math.PI) * Math.asin(arg);
}

export function kernelRelu(sw: number, sb: number, x: number[], y: number[]): number {
  const sxx = sig(sw, sb, x, x), syy = sig(sw, sb, y, y);
  const n = Math.sqrt(sxx * syy);
  if (n === 0) return sb * sb;
  const theta = Math.acos(Math.max(-1, Math.min(1, sig(sw, sb, x, y) / n)));
  return sb * sb + ((sw * sw) / (2 * Math.PI)) * n * (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta));
}

/** Single-hidden-layer Gauss-net: σ_b² + σ_W² exp(−σ_W²|x−y|²/(2d)). */
export function kernelGaussSL(sw: number, sb: number, x: number[], y: number[]): number {
  return sb * sb + sw * sw * Math.exp((-sw * sw * norm2(sub(x, y))) / (2 * x.length));
}

/** Cos-net and duality Gauss-net (identical at N = ∞): (σ_a²/2) exp(−σ_b²|x−y|²/(2d)). */
export function kernelCosGauss(sa: number, sb: number, x: number[], y: number[]): number {
  return ((sa * sa) / 2) * Math.exp((-sb * sb * norm2(sub(x, y))) / (2 * x.length));
}

/** Cauchy example (d = 1): (σ_a²/2) e^{−m|x−y|}. */
export function kernelCauchy(sa: number, m: number, x: number[], y: number[]): number {
  return ((sa * sa) / 2) * Math.exp(-m * Math.sqrt(norm2(sub(x, y))));
}
