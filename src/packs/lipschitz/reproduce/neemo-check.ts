// NEEMo (thesis Ch. 4) against the exact EMD on 1-D (closed form) and 2-D (transport LP) sets.
import { createRng } from '../../../core/rng.js';
import { emd1d, emdLP, pointSet } from '../emd.js';
import { neemo } from '../neemo.js';
import { linePlot } from './svg.js';

export interface NeemoCase {
  name: string;
  dimension: number;
  points: number;
  exact: number;
  estimate: number;
  ratio: number;
  ms: number;
}

export async function neemoCheck(steps: number, svgOut: (name: string, svg: string) => void): Promise<NeemoCase[]> {
  const r = createRng('neemo-check');
  const g1 = (n: number, f: () => number) => Array.from({ length: n }, () => [f()]);
  const cases = [
    { name: 'N(0,1) vs N(1.5,1)', a: g1(100, () => r.normal()), b: g1(100, () => 1.5 + r.normal()) },
    { name: 'N(0,1) vs bimodal ±2', a: g1(100, () => r.normal()), b: g1(100, () => (r.float() < 0.5 ? -2 : 2) + 0.5 * r.normal()) },
    { name: 'U(0,1) vs N(0,0.3)', a: g1(100, () => r.float()), b: g1(100, () => 0.3 * r.normal()) },
    { name: '2-D: N(0,I) vs shifted anisotropic', a: Array.from({ length: 30 }, () => [r.normal(), r.normal()]), b: Array.from({ length: 30 }, () => [1.5 + 0.5 * r.normal(), 2 * r.normal()]) },
    { name: '2-D: three rings vs uniform square', a: Array.from({ length: 30 }, (_, i) => { const c = [[-1, 0], [1, 0], [0, 1.5]][i % 3], t = 2 * Math.PI * r.float(); return [c[0] + 0.5 * Math.cos(t), c[1] + 0.5 * Math.sin(t)]; }), b: Array.from({ length: 30 }, () => [4 * r.float() - 2, 4 * r.float() - 1.5]) },
    { name: '2-D: 3 vs 4 subjet clusters', a: Array.from({ length: 30 }, (_, i) => { const c = [[0, 0], [1, 1], [-1, 1]][i % 3]; return [c[0] + 0.1 * r.normal(), c[1] + 0.1 * r.normal()]; }), b: Array.from({ length: 40 }, (_, i) => { const c = [[0, 0], [1, 1], [-1, 1], [0, -1]][i % 4]; return [c[0] + 0.1 * r.normal(), c[1] + 0.1 * r.normal()]; }) },
  ];
  const out: NeemoCase[] = [];
  for (const [k, c] of cases.entries()) {
    const a = pointSet(c.a), b = pointSet(c.b);
    const exact = a.d === 1 ? emd1d(a, b) : await emdLP(a, b);
    const t0 = Date.now();
    const res = neemo(a, b, { steps, lr: 0.01, seed: 1 });
    out.push({ name: c.name, dimension: a.d, points: a.n + b.n, exact, estimate: res.estimate, ratio: res.estimate / exact, ms: Date.now() - t0 });
    if (k === 1 || k === 4) {
      const it = res.history.map((_, i) => i + 1);
      svgOut(`neemo-${k === 1 ? '1d' : '2d'}.svg`, linePlot([
        { x: it, y: res.history, color: '#1f77b4', label: 'NEEMo dual value E_a f − E_b f' },
        { x: [1, steps], y: [exact, exact], color: '#d62728', dash: '5 3', label: a.d === 1 ? 'exact EMD (closed form)' : 'exact EMD (transport LP)' },
      ], { title: `NEEMo convergence: ${c.name}`, xLabel: 'Adam step', yLabel: 'EMD estimate', yRange: [0, exact * 1.15] }));
    }
  }
  return out;
}
