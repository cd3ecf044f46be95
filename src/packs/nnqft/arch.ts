// Architecture specifications of the random-network field theories and their validation.
// φ(x) = Σᵢ aᵢ hᵢ(x) (+ an output bias for the single-hidden-layer nets); every spec is plain JSON data.

/** Distribution of the input-layer frequency vector b ∈ ℝ^d (all isotropic). */
export type BDist =
  | { family: 'normal'; scale: number } // b ~ N(0, scale²/d · I)
  | { family: 'cauchy'; scale: number } // isotropic multivariate Cauchy, E[e^{ib·v}] = e^{−scale|v|}
  | { family: 'student'; scale: number; nu: number } // scale · g/√(χ²_ν/ν), g ~ N(0, I)
  | { family: 'ball'; scale: number }; // uniform in the ball of radius `scale`

/** F(b) = (|b|² + mass²)^{−power/2}; power 0 gives F = 1, power 1 the free-scalar choice. */
export interface FSpec { mass: number; power: number }

export type Activation = 'identity' | 'tanh' | 'erf' | 'relu';

interface Common { d: number; N: number }

export type ArchSpec =
  /** Cos-net: a ~ N(0, σ_a²/N), b ~ N(0, σ_b²/d), c ~ U[−π, π]. */
  | (Common & { kind: 'cos'; sigmaA: number; sigmaB: number })
  /** Gauss-net of the duality: a ~ N(0, σ_a²/(2N)), b ~ N(0, σ_b²/d), c ~ N(0, σ_c²), normalised exponential neurons. */
  | (Common & { kind: 'gauss'; sigmaA: number; sigmaB: number; sigmaC: number })
  /** Single-hidden-layer nets with biases: W₀ ~ N(0, σ_W²/d), b₀ ~ N(0, σ_b²), W₁ ~ N(0, σ_W²/N), b₁ ~ N(0, σ_b²). */
  | (Common & { kind: 'erf' | 'relu' | 'gauss-sl'; sigmaW: number; sigmaB: number })
  /** Free scalar: F(b) = 1/√(b²+m²), b uniform in the d-ball of radius Λ, a ~ N(0, σ_a²/N). */
  | (Common & { kind: 'free'; sigmaA: number; mass: number; cutoff: number })
  /** d = 1, F = 1, b ~ Cauchy(0, m): G(x, y) = (σ_a²/2) e^{−m|x−y|}. */
  | (Common & { kind: 'cauchy'; sigmaA: number; mass: number })
  /** User-defined: φ = Σ aᵢ g(F(bᵢ) cos(bᵢ·x + cᵢ)), a ~ N(0, σ_a²/N). */
  | (Common & { kind: 'user'; sigmaA: number; b: BDist; F: FSpec; activation: Activation });

export type ArchKind = ArchSpec['kind'];
export const ARCH_KINDS: readonly ArchKind[] = ['cos', 'gauss', 'erf', 'relu', 'gauss-sl', 'free', 'cauchy', 'user'];

function positive(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new RangeError(`${field} must be a positive finite number, got ${String(v)}`);
  return v;
}
function nonNegative(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RangeError(`${field} must be a non-negative finite number, got ${String(v)}`);
  return v;
}
function positiveInt(v: unknown, field: string, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max) throw new RangeError(`${field} must be an integer in [1, ${max}], got ${String(v)}`);
  return v;
}

/** Checks every field of a spec (throws RangeError naming the field) and returns it unchanged. */
export function validateArch(spec: ArchSpec): ArchSpec {
  if (typeof spec !== 'object' || spec === null) throw new TypeError('arch spec must be an object');
  if (!ARCH_KINDS.includes(spec.kind)) throw new RangeError(`arch.kind must be one of ${ARCH_KINDS.join('|')}, got ${String(spec.kind)}`);
  positiveInt(spec.d, 'arch.d', 64);
  positiveInt(spec.N, 'arch.N', 1_000_000);
  switch (spec.kind) {
    case 'cos': positive(spec.sigmaA, 'arch.sigmaA'); positive(spec.sigmaB, 'arch.sigmaB'); break;
    case 'gauss': positive(spec.sigmaA, 'arch.sigmaA'); positive(spec.sigmaB, 'arch.sigmaB'); nonNegative(spec.sigmaC, 'arch.sigmaC'); break;
    case 'erf': case 'relu': case 'gauss-sl': positive(spec.sigmaW, 'arch.sigmaW'); nonNegative(spec.sigmaB, 'arch.sigmaB'); break;
    // m = 0 would make E[F⁴] (and so the 4-point function) diverge at small |b| for d ≤ 4.
    case 'free': positive(spec.sigmaA, 'arch.sigmaA'); positive(spec.mass, 'arch.mass'); positive(spec.cutoff, 'arch.cutoff'); break;
    case 'cauchy': positive(spec.sigmaA, 'arch.sigmaA'); positive(spec.mass, 'arch.mass');
      if (spec.d !== 1) throw new RangeError(`arch.d must be 1 for the Cauchy example, got ${spec.d}`);
      break;
    case 'user': {
      positive(spec.sigmaA, 'arch.sigmaA');
      const b = spec.b;
      if (typeof b !== 'object' || b === null) throw new TypeError('arch.b must be an object {family, scale[, nu]}');
      if (!['normal', 'cauchy', 'student', 'ball'].includes(b.family)) throw new RangeError(`arch.b.family must be normal|cauchy|student|ball, got ${String(b.family)}`);
      positive(b.scale, 'arch.b.scale');
      if (b.family === 'student') positive(b.nu, 'arch.b.nu');
      if (typeof spec.F !== 'object' || spec.F === null) throw new TypeError('arch.F must be an object {mass, power}');
      nonNegative(spec.F.mass, 'arch.F.mass');
      if (typeof spec.F.power !== 'number' || !Number.isFinite(spec.F.power)) throw new RangeError('arch.F.power must be a finite number');
      if (spec.F.power > 0 && spec.F.mass === 0) throw new RangeError('arch.F.mass must be positive when arch.F.power > 0');
      if (!['identity', 'tanh', 'erf', 'relu'].includes(spec.activation)) throw new RangeError(`arch.activation must be identity|tanh|erf|relu, got ${String(spec.activation)}`);
      break;
    }
  }
  return spec;
}

/** Spec with the slides' default σ's (1), mass 1 and cutoff 10 where the kind needs them. */
export function defaultArch(kind: ArchKind, d: number, N: number, o: Partial<Record<'sigmaA' | 'sigmaB' | 'sigmaC' | 'sigmaW' | 'mass' | 'cutoff', number>> = {}): ArchSpec {
  const sigmaA = o.sigmaA ?? 1, sigmaB = o.sigmaB ?? 1;
  switch (kind) {
    case 'cos': return { kind, d, N, sigmaA, sigmaB };
    case 'gauss': return { kind, d, N, sigmaA, sigmaB, sigmaC: o.sigmaC ?? 0 };
    case 'erf': case 'relu': case 'gauss-sl': return { kind, d, N, sigmaW: o.sigmaW ?? sigmaA, sigmaB };
    case 'free': return { kind, d, N, sigmaA, mass: o.mass ?? 1, cutoff: o.cutoff ?? 10 };
    case 'cauchy': return { kind, d, N, sigmaA, mass: o.mass ?? 1 };
    case 'user': return { kind, d, N, sigmaA, b: { family: 'normal', scale: sigmaB }, F: { mass: 0, power: 0 }, activation: 'identity' };
  }
}

/** True for the architectures whose neurons are F(b) cos(b·x + c) with identity activation. */
export function isCosFamily(spec: ArchSpec): boolean {
  return spec.kind === 'cos' || spec.kind === 'free' || spec.kind === 'cauchy' || (spec.kind === 'user' && spec.activation === 'identity');
}
