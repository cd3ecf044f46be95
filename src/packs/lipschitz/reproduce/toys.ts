// Thesis toys §2.3.1 (robustness to an outlier, Eq. 2.10) and §2.3.2 (monotonic dependence,
// Eq. 2.11). The thesis gives no ranges, sizes or epochs; the choices here are stated in the report.
import { createRng } from '../../../core/rng.js';
import type { NetConfig } from '../network.js';
import { outputs, trainNet } from '../train.js';
import type { Series } from './svg.js';
import { linePlot } from './svg.js';

const lmn = (monotone: number[]): NetConfig => ({ inputs: 1, hidden: [32, 32], norm: 'one', lambda: 1, monotone, groupSize: 2, activation: 'groupsort', vectorwise: true });
const free: NetConfig = { inputs: 1, hidden: [32, 32], norm: 'none', lambda: 1, monotone: [0], groupSize: 2, activation: 'relu', vectorwise: true };

function fit(cfg: NetConfig, x: number[], y: number[], seed: number, epochs: number, grid: number[]): number[] {
  const { net } = trainNet(cfg, { x: Float64Array.from(x), y: Float64Array.from(y), n: x.length, d: 1 }, { epochs, batchSize: x.length, lr: 0.01, seed, loss: 'mse' });
  return Array.from(outputs(net, Float64Array.from(grid), grid.length));
}

const linspace = (a: number, b: number, n: number): number[] => Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
const mean = (v: number[]): number => v.reduce((s, x) => s + x, 0) / v.length;

export interface OutlierResult {
  points: number;
  outlierX: number;
  outlierDeviation: number;
  seeds: number;
  /** |f(x_o) − sin(x_o)| averaged over seeds: how far each model is pulled towards the outlier. */
  pullLmn: number;
  pullUnconstrained: number;
  /** Max |Δf/Δx| on a fine grid, averaged over seeds. */
  maxSlopeLmn: number;
  maxSlopeUnconstrained: number;
}

/** y = sin x + ε, ε ~ N(0, 0.01²) except one point with unit variance (λ = 1). */
export function outlierToy(seeds: number, epochs: number, svgOut: (name: string, svg: string) => void): OutlierResult {
  const n = 40, x = linspace(0, 2 * Math.PI, n), o = 20;
  const r = createRng('outlier-toy');
  const y = x.map((v) => Math.sin(v) + 0.01 * r.normal());
  // The outlier's unit-variance draw: the first draw from this stream exceeding 1.5σ (stated in the report).
  let dev = 0;
  while (Math.abs(dev) < 1.5) dev = r.normal();
  y[o] = Math.sin(x[o]) + dev;
  const grid = linspace(0, 2 * Math.PI, 400);
  const series: Series[] = [];
  const pulls: Record<string, number[]> = { lmn: [], free: [] }, slopes: Record<string, number[]> = { lmn: [], free: [] };
  for (const [name, cfg, color] of [['free', free, '#d62728'], ['lmn', lmn([0]), '#1f77b4']] as const) {
    const fits: number[][] = [];
    for (let s = 0; s < seeds; s++) {
      const f = fit(cfg, x, y, s, epochs, [...grid, x[o]]);
      pulls[name].push(Math.abs(f[grid.length] - Math.sin(x[o])));
      slopes[name].push(Math.max(...grid.slice(1).map((g, i) => Math.abs(f[i + 1] - f[i]) / (g - grid[i]))));
      fits.push(f.slice(0, grid.length));
      series.push({ x: grid, y: fits[s], color, width: 0.8, opacity: 0.25 });
    }
    series.push({ x: grid, y: grid.map((_, i) => mean(fits.map((f) => f[i]))), color, width: 2.2, label: name === 'lmn' ? 'Lipschitz (λ = 1), seed mean' : 'unconstrained, seed mean' });
  }
  series.push({ x, y, color: '#7b3294', kind: 'points', label: 'data' });
  series.push({ x: grid, y: grid.map(Math.sin), color: '#333', dash: '4 3', width: 1, label: 'sin x' });
  svgOut('outlier.svg', linePlot(series, { title: 'Robustness to an outlier (Eq. 2.10)', xLabel: 'x', yLabel: 'y' }));
  return {
    points: n, outlierX: x[o], outlierDeviation: dev, seeds,
    pullLmn: mean(pulls.lmn), pullUnconstrained: mean(pulls.free), maxSlopeLmn: mean(slopes.lmn), maxSlopeUnconstrained: mean(slopes.free),
  };
}

export interface MonotoneToyResult {
  realisations: number;
  seeds: number;
  /** Fraction of fitted curves (over realisations, gap types and seeds) that decrease somewhere on the grid. */
  nonMonotoneFractionLmn: number;
  nonMonotoneFractionUnconstrained: number;
  /** Mean absolute error to log x inside the gaps. */
  gapErrorLmn: number;
  gapErrorUnconstrained: number;
}

/** f(x) = log x + ε with Var ε rising linearly in x; training data leave an extrapolation or an interpolation gap. */
export function monotoneToy(realisations: number, seeds: number, epochs: number, svgOut: (name: string, svg: string) => void): MonotoneToyResult {
  const gaps: Array<{ name: string; keep: (x: number) => boolean; band: [number, number] }> = [
    { name: 'extrapolation', keep: (x) => x <= 4, band: [4, 6] },
    { name: 'interpolation', keep: (x) => x <= 2.5 || x >= 4, band: [2.5, 4] },
  ];
  const grid = linspace(1, 6, 300);
  const nonMono = { lmn: 0, free: 0 };
  let total = 0;
  const gapErr = { lmn: [] as number[], free: [] as number[] };
  for (let k = 0; k < realisations; k++) {
    const r = createRng(`monotone-toy:${k}`);
    const xAll = linspace(1, 6, 50);
    const yAll = xAll.map((v) => Math.log(v) + Math.sqrt(0.005 + 0.02 * (v - 1)) * r.normal());
    for (const gap of gaps) {
      const keep = xAll.map(gap.keep);
      const x = xAll.filter((_, i) => keep[i]), y = yAll.filter((_, i) => keep[i]);
      const series: Series[] = [];
      for (const [name, cfg, color] of [['free', free, '#d62728'], ['lmn', lmn([1]), '#1f77b4']] as const) {
        const fits: number[][] = [];
        for (let s = 0; s < seeds; s++) {
          const f = fit(cfg, x, y, s, epochs, grid);
          fits.push(f);
          if (f.some((v, i) => i > 0 && v < f[i - 1] - 1e-12)) nonMono[name]++;
          const inGap = grid.map((g, i) => [g, i]).filter(([g]) => g >= gap.band[0] && g <= gap.band[1]);
          gapErr[name].push(mean(inGap.map(([g, i]) => Math.abs(f[i] - Math.log(g)))));
          series.push({ x: grid, y: f, color, width: 0.8, opacity: 0.25 });
        }
        series.push({ x: grid, y: grid.map((_, i) => mean(fits.map((f) => f[i]))), color, width: 2.2, label: name === 'lmn' ? 'monotonic Lipschitz (λ = 1)' : 'unconstrained' });
      }
      total += seeds;
      series.push({ x, y, color: '#7b3294', kind: 'points', label: 'data' });
      series.push({ x: grid, y: grid.map(Math.log), color: '#333', dash: '4 3', width: 1, label: 'log x' });
      if (k < 2) svgOut(`monotone-${gap.name}-${k}.svg`, linePlot(series, { title: `Monotonic dependence (Eq. 2.11), ${gap.name} gap, realisation ${k}`, xLabel: 'x', yLabel: 'y', bands: [gap.band] }));
    }
  }
  return {
    realisations, seeds,
    nonMonotoneFractionLmn: nonMono.lmn / total, nonMonotoneFractionUnconstrained: nonMono.free / total,
    gapErrorLmn: mean(gapErr.lmn), gapErrorUnconstrained: mean(gapErr.free),
  };
}
