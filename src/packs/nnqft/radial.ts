// Characteristic functions E_b[F(|b|)^k cos(b·v)] of isotropic frequency distributions, by radial
// quadrature; the free scalar's 2-point function and its Λ → ∞ limit; power spectra.
import { besselJ, besselK0, logGamma } from '../../core/special.js';
import { integrate } from '../../core/quadrature.js';
import type { BDist } from './arch.js';

/** Angular average of cos(b·v) over directions of b with |b||v| = z, in d = 1…4. */
export function angularCos(d: number, z: number): number {
  switch (d) {
    case 1: return Math.cos(z);
    case 2: return besselJ(0, z);
    case 3: return z === 0 ? 1 : Math.sin(z) / z;
    case 4: return z === 0 ? 1 : (2 * besselJ(1, z)) / z;
    default: throw new RangeError(`radial quadrature supports d = 1…4, got d = ${d}`);
  }
}

export function ballVolume(d: number, R: number): number {
  return Math.exp((d / 2) * Math.log(Math.PI) - logGamma(d / 2 + 1)) * Math.pow(R, d);
}

/** Density of b at a point with |b| = r (normalised on ℝ^d). */
export function bDensity(dist: BDist, d: number, r: number): number {
  switch (dist.family) {
    case 'normal': { const v = (dist.scale * dist.scale) / d; return Math.exp(-(r * r) / (2 * v)) / Math.pow(2 * Math.PI * v, d / 2); }
    case 'ball': return r <= dist.scale ? 1 / ballVolume(d, dist.scale) : 0;
    case 'cauchy': case 'student': {
      const nu = dist.family === 'cauchy' ? 1 : dist.nu, s = dist.scale;
      const logc = logGamma((nu + d) / 2) - logGamma(nu / 2) - (d / 2) * Math.log(nu * Math.PI) - d * Math.log(s);
      return Math.exp(logc - ((nu + d) / 2) * Math.log(1 + (r * r) / (nu * s * s)));
    }
  }
}

/**
 * E_b[F(|b|)^k cos(b·v)] with F(r) = (r² + m²)^{−power/2}, |v| = rv. Closed forms where they exist
 * (Gaussian or Cauchy b with F = 1), radial Gauss–Legendre quadrature otherwise (normal and ball only).
 */
export function characteristic(dist: BDist, d: number, mass: number, power: number, k: number, rv: number): number {
  if (power === 0 && dist.family === 'normal') return Math.exp(-(dist.scale * dist.scale * rv * rv) / (2 * d));
  if (power === 0 && dist.family === 'cauchy') return Math.exp(-dist.scale * rv);
  let R: number;
  if (dist.family === 'ball') R = dist.scale;
  else if (dist.family === 'normal') R = (dist.scale / Math.sqrt(d)) * (Math.sqrt(d) + 14);
  else throw new RangeError(`no exact characteristic function for b.family = ${dist.family} with F.power = ${power}`);
  const surface = (2 * Math.pow(Math.PI, d / 2)) / Math.exp(logGamma(d / 2));
  const f = (r: number): number => surface * Math.pow(r, d - 1) * bDensity(dist, d, r) * Math.pow(r * r + mass * mass, (-power * k) / 2) * angularCos(d, r * rv);
  const panels = Math.ceil((R * rv) / Math.PI) + 16;
  return integrate(f, 0, R, panels, 20);
}

/** Free scalar G(r) = σ_a²/(2 vol B_Λ) ∫_{|b|<Λ} d^db cos(b·r)/(b²+m²) at separation r. */
export function freeScalarG2(d: number, mass: number, cutoff: number, sigmaA: number, r: number): number {
  return (sigmaA * sigmaA / 2) * characteristic({ family: 'ball', scale: cutoff }, d, mass, 1, 2, r);
}

/** σ_a² that turns the ball-cutoff free scalar into the canonical propagator 1/(p²+m²): 2 vol/(2π)^d. */
export function canonicalSigmaA2(d: number, cutoff: number): number {
  return (2 * ballVolume(d, cutoff)) / Math.pow(2 * Math.PI, d);
}

/** Λ → ∞ canonical propagator (2π)^{−d}∫d^db e^{ib·r}/(b²+m²) for d = 1, 2, 3 (r > 0 for d ≥ 2). */
export function freeScalarContinuum(d: number, mass: number, r: number): number {
  switch (d) {
    case 1: return Math.exp(-mass * Math.abs(r)) / (2 * mass);
    case 2: return besselK0(mass * r) / (2 * Math.PI);
    case 3: return Math.exp(-mass * r) / (4 * Math.PI * r);
    default: throw new RangeError(`continuum free scalar implemented for d = 1, 2, 3, got ${d}`);
  }
}

/**
 * Power spectrum G̃(p) of a cos-layer 2-point function in the convention G(x) = ∫d^dp e^{ipx} G̃(p):
 * G̃(p) = (σ_a²/2) P(p) F(p)². Multiply by (2π)^d for the ∫d^dp/(2π)^d convention used on the slides.
 */
export function powerSpectrum(dist: BDist, d: number, mass: number, power: number, sigmaA: number, p: number): number {
  return (sigmaA * sigmaA / 2) * bDensity(dist, d, Math.abs(p)) * Math.pow(p * p + mass * mass, -power);
}
