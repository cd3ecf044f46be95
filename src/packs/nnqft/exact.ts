// Exact correlators at finite width N: 2-point functions, connected 4- and 6-point functions of
// independent neurons with Gaussian output weights, and the Gaussian-process (Wick) n-point functions.
//   Gc4 = N s⁴ [3 H₄ − Σ₃ H₂H₂],   Gc6 = N s⁶ [15 H₆ − 3 Σ₁₅ H₂H₄ + 2 Σ₁₅ H₂H₂H₂],
// with s² = E[a²] and H_n the single-neuron n-point function (the output bias adds to G2 only).
import { gaussHermiteNormal } from '../../core/quadrature.js';
import { erf } from '../../core/special.js';
import { isCosFamily, type ArchSpec, type BDist } from './arch.js';
import { kernelErf, kernelGaussSL, kernelRelu } from './kernels.js';
import { connected, wick, type Tuple } from './moments.js';
import { characteristic } from './radial.js';
import { norm2, type Points } from './points.js';

/** Whether exact finite-N correlators are available for this architecture. */
export function hasExact(spec: ArchSpec): boolean {
  if (spec.kind === 'user') {
    if (spec.activation !== 'identity') return false;
    const f = spec.b.family;
    return (spec.F.power === 0 && (f === 'normal' || f === 'cauchy')) || ((f === 'normal' || f === 'ball') && spec.d <= 4);
  }
  if (spec.kind === 'free') return spec.d <= 4;
  if (spec.kind === 'erf' || spec.kind === 'relu') return spec.d <= 3; // tensor quadrature in d + 1 directions
  return true;
}

function cosParams(spec: ArchSpec): { dist: BDist; mass: number; power: number; sigmaA: number } {
  switch (spec.kind) {
    case 'cos': return { dist: { family: 'normal', scale: spec.sigmaB }, mass: 0, power: 0, sigmaA: spec.sigmaA };
    case 'cauchy': return { dist: { family: 'cauchy', scale: spec.mass }, mass: 0, power: 0, sigmaA: spec.sigmaA };
    case 'free': return { dist: { family: 'ball', scale: spec.cutoff }, mass: spec.mass, power: 1, sigmaA: spec.sigmaA };
    case 'user': return { dist: spec.b, mass: spec.F.mass, power: spec.F.power, sigmaA: spec.sigmaA };
    default: throw new RangeError(`${spec.kind} is not a cos-layer architecture`);
  }
}

/** Single-neuron n-point function H_n at the listed points (n = 2, 4, 6), without the output weight. */
export function neuronMoment(spec: ArchSpec, xs: number[][]): number {
  const n = xs.length, d = spec.d;
  if (isCosFamily(spec)) {
    // Average of Π cos(θ_a) over the uniform phase keeps the sign patterns with Σε = 0.
    const { dist, mass, power } = cosParams(spec);
    let s = 0;
    for (let mask = 0; mask < 1 << n; mask++) {
      let plus = 0;
      const v = new Array<number>(d).fill(0);
      for (let a = 0; a < n; a++) {
        const e = mask & (1 << a) ? 1 : -1;
        if (e > 0) plus++;
        for (let j = 0; j < d; j++) v[j] += e * xs[a][j];
      }
      if (2 * plus !== n) continue;
      s += characteristic(dist, d, mass, power, n, Math.sqrt(norm2(v)));
    }
    return s / (1 << n);
  }
  if (spec.kind === 'gauss' || spec.kind === 'gauss-sl') {
    const sw = spec.kind === 'gauss' ? spec.sigmaB : spec.sigmaW;
    const sc = spec.kind === 'gauss' ? spec.sigmaC : spec.sigmaB;
    const tot = new Array<number>(d).fill(0);
    let sq = 0;
    for (const x of xs) { sq += norm2(x); for (let j = 0; j < d; j++) tot[j] += x[j]; }
    return Math.exp(sc * sc * ((n * n) / 2 - n) + ((sw * sw) / (2 * d)) * (norm2(tot) - 2 * sq));
  }
  if (spec.kind === 'erf' || spec.kind === 'relu') return neuronMomentQuadrature(spec.kind, spec.sigmaW, spec.sigmaB, xs);
  throw new RangeError(`no exact neuron moments for ${spec.kind}`);
}

/**
 * E[Π_a σ(b₀ + w·x_a)] with b₀ ~ N(0, σ_b²), w ~ N(0, σ_W²/d · I) by a tensor Gauss–Hermite rule in the
 * d + 1 Gaussian directions (d ≤ 3). ReLU's kink limits the accuracy to about 1e-4 relative (5e-4 in three directions).
 */
export function neuronMomentQuadrature(act: 'erf' | 'relu', sw: number, sb: number, xs: number[][], q?: number): number {
  const d = xs[0].length;
  if (d > 3) throw new RangeError(`quadrature neuron moments support d ≤ 3, got ${d}`);
  const dims = sb > 0 ? d + 1 : d;
  const nq = q ?? [0, 150, 120, 64, 24][dims];
  const { nodes, weights } = gaussHermiteNormal(nq);
  const idx = new Array<number>(dims).fill(0);
  const scale = sw / Math.sqrt(d);
  let total = 0;
  for (;;) {
    let w = 1;
    for (let k = 0; k < dims; k++) w *= weights[idx[k]];
    let prod = 1;
    for (const x of xs) {
      let z = sb > 0 ? sb * nodes[idx[d]] : 0;
      for (let j = 0; j < d; j++) z += scale * nodes[idx[j]] * x[j];
      prod *= act === 'erf' ? erf(z) : z > 0 ? z : 0;
      if (prod === 0) break;
    }
    total += w * prod;
    let k = 0;
    while (k < dims && ++idx[k] === nq) { idx[k] = 0; k++; }
    if (k === dims) break;
  }
  return total;
}

/** E[a²] per neuron. */
function weightVariance(spec: ArchSpec): number {
  switch (spec.kind) {
    case 'gauss': return (spec.sigmaA * spec.sigmaA) / (2 * spec.N);
    case 'erf': case 'relu': case 'gauss-sl': return (spec.sigmaW * spec.sigmaW) / spec.N;
    default: return (spec.sigmaA * spec.sigmaA) / spec.N;
  }
}

const outputBias2 = (spec: ArchSpec): number => (spec.kind === 'erf' || spec.kind === 'relu' || spec.kind === 'gauss-sl' ? spec.sigmaB * spec.sigmaB : 0);

/** Exact 2-point function (equal to the kernel at every N). */
export function exactG2(spec: ArchSpec, x: number[], y: number[]): number {
  switch (spec.kind) {
    case 'erf': return kernelErf(spec.sigmaW, spec.sigmaB, x, y);
    case 'relu': return kernelRelu(spec.sigmaW, spec.sigmaB, x, y);
    case 'gauss-sl': return kernelGaussSL(spec.sigmaW, spec.sigmaB, x, y);
    default: return spec.N * weightVariance(spec) * neuronMoment(spec, [x, y]) + outputBias2(spec);
  }
}

/** Exact connected n-point function (n = 2, 4, 6) at points[t₁], …, points[t_n]. */
export function exactConnected(spec: ArchSpec, points: Points, t: Tuple): number {
  if (!hasExact(spec)) throw new RangeError(`no exact correlators for this ${spec.kind} architecture`);
  const n = t.length;
  if (n === 2) return exactG2(spec, points[t[0]], points[t[1]]);
  const s2 = weightVariance(spec), N = spec.N;
  // Reuse connected() on neuron moments with the right Gaussian-weight factors:
  // κ_n(single term) = moment expansion with E[a^{2k}] = (2k−1)!! s^{2k}.
  const single = (tt: Tuple): number => {
    const m = tt.length;
    const dfact = m === 2 ? 1 : m === 4 ? 3 : 15;
    return dfact * Math.pow(s2, m / 2) * neuronMoment(spec, tt.map((k) => points[k]));
  };
  return N * connected(t, single);
}

/** Gaussian-process (N = ∞) prediction of the full n-point function: Wick sum over pairings of the kernel. */
export function gpPrediction(spec: ArchSpec, points: Points, t: Tuple): number {
  return wick(t, (i, j) => exactG2(spec, points[i], points[j]));
}

/** Exact full n-point function at finite N (n = 2, 4, 6): connected parts recombined. */
export function exactFull(spec: ArchSpec, points: Points, t: Tuple): number {
  const g2 = (i: number, j: number): number => exactG2(spec, points[i], points[j]);
  if (t.length === 2) return g2(t[0], t[1]);
  const c4 = (pos: number[]): number => exactConnected(spec, points, pos.map((k) => t[k]));
  if (t.length === 4) return c4([0, 1, 2, 3]) + wick(t, g2);
  // m6 = κ6 + Σ₁₅ κ2 κ4 + Σ₁₅ κ2κ2κ2
  let s = exactConnected(spec, points, t) + wick(t, g2);
  for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) {
    const rest = [0, 1, 2, 3, 4, 5].filter((k) => k !== i && k !== j);
    s += g2(t[i], t[j]) * c4(rest);
  }
  return s;
}

