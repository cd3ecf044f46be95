// The computations behind reports/nnqft.md; each returns plain data for the markdown and the plots.
import { std } from '../../../core/stats.js';
import type { ArchSpec } from '../arch.js';
import { correlator, type CorrelatorResult } from '../correlator.js';
import { exactConnected } from '../exact.js';
import { connectedVsWidth, exactDeviation, fitWidthSlope, gpDeviation, type Deviation, type WidthPoint } from '../scaling.js';
import { pairedDifference, type PairedDifference } from '../symmetry.js';
import { namedKernel, rpGrid, rpTest, type RpResult } from '../rp.js';
import { rotate, shift } from '../points.js';

const ROT_POINTS = [[0, 0], [0.3, 0.1], [-0.2, 0.4], [0.5, -0.3]];
import type { LineFit } from '../../../core/stats.js';

export interface Budget { quick: boolean; workers: number; log: (s: string) => void }

export const WIDTHS_FULL = [2, 3, 4, 5, 10, 20, 50, 100, 500, 1000];
export const WIDTHS_QUICK = [2, 5, 20, 100];

/** The single-hidden-layer experiments: inputs, σ's as in the original code (σ_W = 1; σ_b = 1, ReLU 0). */
export const DEVIATION_SETUPS: { name: string; make: (N: number) => ArchSpec; points: number[][] }[] = [
  { name: 'Erf-net', make: (N) => ({ kind: 'erf', d: 1, N, sigmaW: 1, sigmaB: 1 }), points: [-1, -0.6, -0.2, 0.2, 0.6, 1].map((x) => [x]) },
  { name: 'ReLU-net', make: (N) => ({ kind: 'relu', d: 1, N, sigmaW: 1, sigmaB: 0 }), points: [0.2, 0.4, 0.6, 0.8, 1.0, 1.2].map((x) => [x]) },
  { name: 'Gauss-net', make: (N) => ({ kind: 'gauss-sl', d: 1, N, sigmaW: 1, sigmaB: 1 }), points: [-1, -0.6, -0.2, 0.2, 0.6, 1].map((x) => [0.01 * x]) },
];

export interface DeviationRow { N: number; networks: number; dev: Deviation[]; exact4: number; exact6?: number }

export async function deviationSweep(b: Budget): Promise<{ name: string; rows: DeviationRow[]; fit4: LineFit | null }[]> {
  const widths = b.quick ? WIDTHS_QUICK : WIDTHS_FULL;
  const out = [];
  for (const s of DEVIATION_SETUPS) {
    const rows: DeviationRow[] = [];
    const exact4 = exactDeviation(s.make, s.points, 4, widths);
    // Erf's 6-point neuron moments need 462 two-dimensional quadratures per width: skipped for time.
    const exact6 = s.name === 'Erf-net' ? undefined : exactDeviation(s.make, s.points, 6, widths);
    for (const [w, N] of widths.entries()) {
      const networks = b.quick ? 10000 : N >= 500 ? 40000 : 100000;
      b.log(`  ${s.name} N=${N} (${networks} networks)`);
      rows.push({ N, networks, exact4: exact4[w], exact6: exact6?.[w], dev: await gpDeviation(s.make(N), s.points, [2, 4, 6], { networks, chunks: 10, seed: `dev-${s.name}-${N}`, workers: b.workers }) });
    }
    // Fit m4 ∝ N^k over the widths where the deviation exceeds 3 standard errors of the pooled mean
    // (the background is the spread of single chunks, √10 times that error).
    const use = rows.filter((r) => r.dev[1].m > (3 * r.dev[1].background) / Math.sqrt(10));
    const fit4 = use.length >= 3 ? fitWidthSlope(use.map((r) => ({ N: r.N, estimate: r.dev[1].m, stderr: r.dev[1].background })), 0) : null;
    out.push({ name: s.name, rows, fit4 });
  }
  return out;
}

export interface ConnectedCase { name: string; spec: ArchSpec; points: number[][]; order: 4 | 6; result: CorrelatorResult }

export async function connectedTable(b: Budget): Promise<ConnectedCase[]> {
  const K = b.quick ? 100000 : 1000000;
  const x4 = [[-0.7], [-0.1], [0.4], [1.0]];
  const cases: Omit<ConnectedCase, 'result'>[] = [
    { name: 'Cos-net d=1 N=3', spec: { kind: 'cos', d: 1, N: 3, sigmaA: 1, sigmaB: 1 }, points: x4, order: 4 },
    { name: 'Cos-net d=2 N=2', spec: { kind: 'cos', d: 2, N: 2, sigmaA: 1, sigmaB: 1 }, points: [[0, 0], [0.3, 0.1], [-0.2, 0.4], [0.5, -0.3]], order: 4 },
    { name: 'Gauss-net (duality) d=1 N=2 σ_c=0.3', spec: { kind: 'gauss', d: 1, N: 2, sigmaA: 1, sigmaB: 1, sigmaC: 0.3 }, points: x4.map((p) => [0.5 * p[0]]), order: 4 },
    { name: 'Cauchy d=1 N=2 m=1', spec: { kind: 'cauchy', d: 1, N: 2, sigmaA: 1, mass: 1 }, points: x4, order: 4 },
    { name: 'ReLU σ_b=0 d=1 N=2 (15/4 case)', spec: { kind: 'relu', d: 1, N: 2, sigmaW: 1, sigmaB: 0 }, points: [[0.2], [0.4], [0.6], [0.8]], order: 4 },
    { name: 'Erf-net σ_b=1 d=1 N=2', spec: { kind: 'erf', d: 1, N: 2, sigmaW: 1, sigmaB: 1 }, points: x4, order: 4 },
    { name: 'Free scalar d=2 Λ=5 m=1 N=2', spec: { kind: 'free', d: 2, N: 2, sigmaA: 1, mass: 1, cutoff: 5 }, points: [[0, 0], [0.2, 0.1], [0.4, -0.1], [0.1, 0.3]], order: 4 },
    { name: 'Cos-net d=1 N=1 (6-point)', spec: { kind: 'cos', d: 1, N: 1, sigmaA: 1, sigmaB: 1 }, points: [-2, -1.2, -0.4, 0.4, 1.2, 2].map((x) => [x]), order: 6 },
    { name: 'Cauchy d=1 N=1 (6-point)', spec: { kind: 'cauchy', d: 1, N: 1, sigmaA: 1, mass: 1 }, points: [0, 0, 0.8, 0.8, 1.6, 1.6].map((x) => [x]), order: 6 },
  ];
  const out: ConnectedCase[] = [];
  for (const c of cases) {
    b.log(`  ${c.name}`);
    out.push({ ...c, result: await correlator(c.spec, c.points, { order: c.order, connected: true, networks: K, seed: `conn-${c.name}`, workers: b.workers }) });
  }
  return out;
}

export interface ScalingResult { label: string; order: 4 | 6; points: WidthPoint[]; fit: ReturnType<typeof fitWidthSlope> }

export async function widthScaling(b: Budget): Promise<ScalingResult[]> {
  const K = b.quick ? 100000 : 1000000;
  const x4 = [[-0.7], [-0.1], [0.4], [1.0]], x6 = [-2, -1.2, -0.4, 0.4, 1.2, 2].map((x) => [x]);
  const cos = (N: number): ArchSpec => ({ kind: 'cos', d: 1, N, sigmaA: 1, sigmaB: 1 });
  b.log('  Cos-net connected G4 vs N');
  const p4 = await connectedVsWidth(cos, b.quick ? [1, 2, 4, 8] : [1, 2, 4, 8, 16, 32], x4, [0, 1, 2, 3], { networks: K, seed: 'scal4', workers: b.workers });
  b.log('  Cos-net connected G6 vs N');
  const p6 = await connectedVsWidth(cos, b.quick ? [1, 2, 3] : [1, 2, 3, 4], x6, [0, 1, 2, 3, 4, 5], { networks: K, seed: 'scal6', workers: b.workers });
  return [
    { label: 'Cos-net connected G4', order: 4, points: p4, fit: fitWidthSlope(p4) },
    { label: 'Cos-net connected G6', order: 6, points: p6, fit: fitWidthSlope(p6, 2) },
  ];
}

export interface DualityRow { name: string; g2: CorrelatorResult; g4c: CorrelatorResult; translation: PairedDifference; rotation: PairedDifference }

export async function duality(b: Budget): Promise<DualityRow[]> {
  const K = b.quick ? 100000 : 400000;
  const pts = [[-0.35], [-0.05], [0.2], [0.5]];
  const specs: [string, ArchSpec][] = [
    ['Cos-net', { kind: 'cos', d: 1, N: 2, sigmaA: 1, sigmaB: 1 }],
    ['Gauss-net σ_c=0.3', { kind: 'gauss', d: 1, N: 2, sigmaA: 1, sigmaB: 1, sigmaC: 0.3 }],
  ];
  const out: DualityRow[] = [];
  for (const [name, spec] of specs) {
    b.log(`  duality: ${name}`);
    const o = { networks: K, seed: `dual-${name}`, workers: b.workers };
    out.push({
      name,
      g2: await correlator(spec, pts.slice(0, 2), { ...o, order: 2 }),
      g4c: await correlator(spec, pts, { ...o, order: 4, connected: true }),
      translation: await pairedDifference(spec, pts, shift(pts, [0.3]), o),
      rotation: await pairedDifference({ ...spec, d: 2 }, ROT_POINTS, rotate(ROT_POINTS, 0.7), o),
    });
  }
  return out;
}

export function rpTable(): { d: number; rows: RpResult[] }[] {
  const d1 = rpGrid(1, 20, 1), d2 = rpGrid(2, 10, 1, 4, 0.5);
  const row = (label: string, k: Parameters<typeof namedKernel>[0], d: 1 | 2, cutoff = 10): RpResult =>
    rpTest(label, namedKernel(k, d, { cutoff }), d === 1 ? d1 : d2);
  return [
    { d: 1, rows: [row('Gaussian (Cos/Gauss-net GP)', 'gaussian', 1), row('Cauchy e^{-m|τ|}', 'cauchy', 1), row('free scalar Λ=∞', 'free-continuum', 1),
      ...[10, 20, 40, 80].map((L) => row(`free scalar Λ=${L}`, 'free', 1, L))] },
    { d: 2, rows: [row('Gaussian (Cos/Gauss-net GP)', 'gaussian', 2), row('free scalar Λ=∞ (K₀)', 'free-continuum', 2), row('free scalar Λ=10', 'free', 2, 10), row('free scalar Λ=20', 'free', 2, 20)] },
  ];
}

export function twoPointCurves(): { r: number[]; series: { label: string; y: number[] }[] } {
  const r = Array.from({ length: 61 }, (_, i) => 0.05 + (2.95 * i) / 60);
  const at = (k: Parameters<typeof namedKernel>[0], L?: number): number[] => { const g = namedKernel(k, 1, { cutoff: L }); return r.map((x) => g([x], [0])); };
  return { r, series: [
    { label: 'Gaussian kernel', y: at('gaussian') }, { label: 'Cauchy', y: at('cauchy') },
    { label: 'free Λ=∞', y: at('free-continuum') }, { label: 'free Λ=10', y: at('free', 10) },
  ] };
}

export { std, exactConnected };

export interface ProblemRow { name: string; metrics: Record<string, number> }

/** Scores of reference designs on the nnqft-spectrum problem's full stage. */
export async function spectrumBaselines(): Promise<ProblemRow[]> {
  const { spectrumProblem } = await import('../problems/spectrum.js');
  const stage = spectrumProblem.stages![spectrumProblem.stages!.length - 1];
  const src = spectrumProblem.initialProgram;
  const mod = (await import('data:text/javascript,' + encodeURIComponent(src))) as { run: (i: unknown) => unknown };
  const designs: [string, unknown][] = [
    ['initial program (Student-t ν = 4 mixture, F = 1)', mod.run(stage.input)],
    ['Gaussian b (Cos-net-like), F = 1', { b: [{ weight: 1, nu: 1000, scale: 1.5 }], F: { c0: 1, poles: [] }, sigmaA: Math.SQRT2 }],
    ['exact: Cauchy mixture (m = 1, 3; weights 0.6, 0.4), F = 1', { b: [{ weight: 0.6, nu: 1, scale: 1 }, { weight: 0.4, nu: 1, scale: 3 }], F: { c0: 1, poles: [] }, sigmaA: Math.SQRT2 }],
    // P = Cauchy(S) and F² = (2/σ_a²)(b²+S²)/S · Σ wᵢmᵢ/(b²+mᵢ²) = c₀ + Σ cᵢ/(b²+mᵢ²) give the same P·F².
    ['exact, weight moved into F: b ~ Cauchy(10), F² = 1.44 + 47.52/(b²+1) + 87.36/(b²+9)', { b: [{ weight: 1, nu: 1, scale: 10 }], F: { c0: 1.44, poles: [{ c: 47.52, mu: 1 }, { c: 87.36, mu: 3 }] }, sigmaA: 0.5 }],
  ];
  return designs.map(([name, d]) => {
    const v = spectrumProblem.verify(d, stage);
    return { name, metrics: v.valid ? v.metrics : { invalid: NaN } };
  });
}
