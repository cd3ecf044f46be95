// nnqft-spectrum: design P(b) and F(b) of a cos-layer network field in d = 1 so that its 2-point function
// matches a Källén–Lehmann target G_t(r) = Σ wᵢ e^{−mᵢ|r|} / Σ wᵢ while staying reflection positive.
// The verifier draws its own seeded ensemble from the returned design and scores that sample.
import { createRng, type Rng } from '../../../core/rng.js';
import { symmetricEigen } from '../../../core/eigen.js';
import { reject, type CascadeStage, type Problem, type Verdict } from '../../../engine/problem.js';
import { studentVector } from '../sampling.js';
import { initialProgram } from '../../initial-program.js';

export interface SpectrumDesign {
  b: { weight: number; nu: number; scale: number }[];
  F: { c0: number; poles: { c: number; mu: number }[] };
  sigmaA: number;
}

export const TARGET = { poles: [{ weight: 0.6, mass: 1 }, { weight: 0.4, mass: 3 }] };
const WIDTH = 8, K = 10, DELTA = 0.1, CHUNKS = 10;

export const targetG = (r: number): number => {
  const tot = TARGET.poles.reduce((s, p) => s + p.weight, 0);
  return TARGET.poles.reduce((s, p) => s + p.weight * Math.exp(-p.mass * Math.abs(r)), 0) / tot;
};

function isNum(v: unknown): v is number { return typeof v === 'number' && Number.isFinite(v); }

/** Shape and domain check; returns the reason for rejection or null. */
export function checkDesign(o: unknown): string | null {
  if (typeof o !== 'object' || o === null) return 'output must be an object {b, F, sigmaA}';
  const d = o as Record<string, unknown>;
  if (!Array.isArray(d.b) || d.b.length < 1 || d.b.length > 8) return 'b must be an array of 1..8 components';
  let wsum = 0;
  for (const [i, c] of (d.b as unknown[]).entries()) {
    const x = c as Record<string, unknown>;
    if (typeof c !== 'object' || c === null) return `b[${i}] must be an object {weight, nu, scale}`;
    if (!isNum(x.weight) || x.weight < 0 || x.weight > 1e3) return `b[${i}].weight must be a finite number in [0, 1000]`;
    if (!isNum(x.nu) || x.nu < 0.5 || x.nu > 1000) return `b[${i}].nu must be a finite number in [0.5, 1000]`;
    if (!isNum(x.scale) || x.scale < 1e-3 || x.scale > 100) return `b[${i}].scale must be a finite number in [0.001, 100]`;
    wsum += x.weight;
  }
  if (!(wsum > 0)) return 'b: component weights must not all be zero';
  const F = d.F as Record<string, unknown> | undefined;
  if (typeof F !== 'object' || F === null) return 'F must be an object {c0, poles}';
  if (!isNum(F.c0) || F.c0 < 0 || F.c0 > 1e3) return 'F.c0 must be a finite number in [0, 1000]';
  if (!Array.isArray(F.poles) || F.poles.length > 8) return 'F.poles must be an array of at most 8 poles';
  let any = F.c0 > 0;
  for (const [i, p] of (F.poles as unknown[]).entries()) {
    const x = p as Record<string, unknown>;
    if (typeof p !== 'object' || p === null) return `F.poles[${i}] must be an object {c, mu}`;
    if (!isNum(x.c) || x.c < 0 || x.c > 1e3) return `F.poles[${i}].c must be a finite number in [0, 1000]`;
    if (!isNum(x.mu) || x.mu < 1e-3 || x.mu > 100) return `F.poles[${i}].mu must be a finite number in [0.001, 100]`;
    if (x.c > 0) any = true;
  }
  if (!any) return 'F: F(b)² must not vanish identically (c0 or some pole c must be positive)';
  if (!isNum(d.sigmaA) || d.sigmaA < 1e-3 || d.sigmaA > 100) return 'sigmaA must be a finite number in [0.001, 100]';
  return null;
}

/** Chunk sums of the translation-averaged products φ(x_a)φ(x_{a+k}), k = 0..2K, and of φ(0)⁴, on x_a = aδ. */
function sampleDesign(design: SpectrumDesign, networks: number, rng: Rng): { sums: Float64Array[]; fourth: number[] } {
  const P = 2 * K + 1;
  const wsum = design.b.reduce((s, c) => s + c.weight, 0);
  const cum: number[] = [];
  design.b.reduce((s, c) => { cum.push((s + c.weight) / wsum); return s + c.weight; }, 0);
  const bb = new Float64Array(1), phi = new Float64Array(P);
  const sa = design.sigmaA / Math.sqrt(WIDTH);
  const sums: Float64Array[] = [], fourth: number[] = [];
  const per = Math.floor(networks / CHUNKS);
  for (let c = 0; c < CHUNKS; c++) {
    const s = new Float64Array(2 * K + 1);
    let f4 = 0;
    for (let net = 0; net < per; net++) {
      phi.fill(0);
      for (let i = 0; i < WIDTH; i++) {
        const u = rng.float();
        let j = 0;
        while (j < cum.length - 1 && u >= cum[j]) j++;
        const comp = design.b[j];
        studentVector(rng, 1, comp.scale, comp.nu, bb);
        const b = bb[0];
        let F2 = design.F.c0;
        for (const p of design.F.poles) F2 += p.c / (b * b + p.mu * p.mu);
        const amp = sa * rng.normal() * Math.sqrt(F2);
        const ph = Math.PI * (2 * rng.float() - 1);
        for (let a = 0; a < P; a++) phi[a] += amp * Math.cos(b * a * DELTA + ph);
      }
      for (let k = 0; k <= 2 * K; k++) {
        let t = 0;
        for (let a = 0; a + k < P; a++) t += phi[a] * phi[a + k];
        s[k] += t / (P - k);
      }
      f4 += phi[0] ** 4;
    }
    sums.push(s.map((v) => v / per));
    fourth.push(f4 / per);
  }
  return { sums, fourth };
}

const minEig = (g: ArrayLike<number>): { lo: number; hi: number } => {
  // Hankel matrix G(τᵢ + τⱼ) with τᵢ = iδ, i = 1..K: the d = 1 form of M_ij = G(θxᵢ, xⱼ).
  const M = Array.from({ length: K }, (_, i) => Array.from({ length: K }, (_, j) => g[i + j + 2]));
  const v = symmetricEigen(M).values;
  return { lo: v[0], hi: v[v.length - 1] };
};

export function scoreDesign(design: SpectrumDesign, networks: number, seed: string): Verdict {
  const { sums, fourth } = sampleDesign(design, networks, createRng(seed));
  const mean = (arrs: Float64Array[]): Float64Array => { const m = new Float64Array(arrs[0].length); for (const a of arrs) a.forEach((v, k) => { m[k] += v / arrs.length; }); return m; };
  const g = mean(sums);
  if (!g.every(Number.isFinite)) return reject('Monte Carlo 2-point function is not finite (F or sigmaA too large)');
  let se2 = 0;
  for (let k = 0; k <= 2 * K; k++) se2 += (g[k] - targetG(k * DELTA)) ** 2;
  const mismatch = Math.sqrt(se2 / (2 * K + 1));
  const { lo, hi } = minEig(g);
  // Jackknife error of λ_min over the chunks.
  const loo = sums.map((_, c) => minEig(mean(sums.filter((__, j) => j !== c))).lo);
  const bar = loo.reduce((a, b) => a + b, 0) / CHUNKS;
  const seLam = Math.sqrt(((CHUNKS - 1) / CHUNKS) * loo.reduce((a, b) => a + (b - bar) ** 2, 0));
  const g0 = Math.max(g[0], 1e-12);
  const rpViolation = Math.max(0, -lo) / g0;
  const rpExcess = Math.max(0, -lo - 3 * seLam) / g0;
  const m4 = fourth.reduce((a, b) => a + b, 0) / CHUNKS;
  const nonGaussianity = (m4 - 3 * g[0] * g[0]) / (g[0] * g[0]);
  const loss = mismatch + 10 * rpExcess;
  const nuMean = design.b.reduce((s, c) => s + c.weight * Math.log10(c.nu), 0) / design.b.reduce((s, c) => s + c.weight, 0);
  return {
    valid: true,
    metrics: { loss, mismatch, rpViolation, rpExcess, lambdaMinStderr: seLam / g0, lambdaMax: hi / g0, nonGaussianity },
    features: { log10Nu: nuMean, fPoles: design.F.poles.filter((p) => p.c > 0).length },
  };
}

const STAGES: CascadeStage[] = [
  { name: 'screen', input: { target: TARGET, networks: 2000 }, threshold: 1.5 },
  { name: 'full', input: { target: TARGET, networks: 20000 } },
];

export const spectrumProblem: Problem = {
  id: 'nnqft-spectrum',
  pack: 'nnqft',
  title: 'Reflection-positive random-network field with a target spectrum',
  description:
    'Design the input layer of φ(x) = Σᵢ aᵢ F(bᵢ) cos(bᵢx + cᵢ) in d = 1 (width 8, a ~ N(0, σ_a²/8), c uniform): a mixture of ' +
    'Student-t laws for b and F(b)² = c₀ + Σ c/(b² + μ²). The verifier samples the design itself (seeded) and estimates ' +
    'G(r) on r = 0, 0.1, …, 2. loss = RMS(Ĝ − G_t) + 10·max(0, −λ_min − 3 SE)/Ĝ(0), where G_t(r) = 0.6e^{−|r|} + 0.4e^{−3|r|} ' +
    'and λ_min is the smallest eigenvalue of the reflection-positivity matrix Ĝ(τᵢ + τⱼ), τ = 0.1…1 (minimise).',
  initialProgram: initialProgram(import.meta.url, 'nnqft-spectrum'),
  metrics: [
    { name: 'loss', direction: 'min', description: 'mismatch + 10 × RP excess (dimensionless)' },
    { name: 'mismatch', direction: 'min', description: 'RMS deviation of the Monte Carlo G(r) from the target on 21 separations (units of G_t(0))' },
    { name: 'rpViolation', direction: 'min', description: '−λ_min/Ĝ(0) of the RP matrix (0 when positive)' },
    { name: 'rpExcess', direction: 'min', description: 'RP violation beyond 3 jackknife standard errors, /Ĝ(0)' },
    { name: 'lambdaMinStderr', direction: 'min', description: 'jackknife standard error of λ_min, /Ĝ(0)' },
    { name: 'lambdaMax', direction: 'max', description: 'largest RP eigenvalue /Ĝ(0) (scale reference)' },
    { name: 'nonGaussianity', direction: 'min', description: '(E φ(0)⁴ − 3G(0)²)/G(0)² at width 8' },
  ],
  primaryMetric: 'loss',
  stages: STAGES,
  descriptors: [
    { name: 'log10Nu', min: -0.3, max: 3, bins: 11, description: 'weight-averaged log10 of the Student-t degrees of freedom (0: Cauchy)' },
    { name: 'fPoles', min: 0, max: 8, bins: 9, description: 'number of active poles in F(b)²' },
  ],
  timeoutMs: 20000,
  verify(output: unknown, stage: CascadeStage | null): Verdict {
    const why = checkDesign(output);
    if (why) return reject(why);
    const networks = stage?.name === 'screen' ? 2000 : 20000;
    return scoreDesign(output as SpectrumDesign, networks, `nnqft-spectrum/${stage?.name ?? 'full'}`);
  },
};
