// Thesis Fig. 4.1: fit three circles to three noisy rings by minimising the NEEMo EMD (Eq. 4.7).
import { createRng } from '../../../core/rng.js';
import { emdLP, pointSet } from '../emd.js';
import type { Circle } from '../neemo-shapes.js';
import { circlePoints, fitCircles } from '../neemo-shapes.js';
import type { Series } from './svg.js';
import { linePlot } from './svg.js';

export interface CirclesResult {
  truth: Circle[];
  fitted: Circle[];
  /** Largest centre distance and radius difference after matching each fitted circle to its nearest true one. */
  maxCentreError: number;
  maxRadiusError: number;
  neemoEstimate: number;
  exactEmd: number;
}

export async function circlesFit(outerSteps: number, svgOut: (name: string, svg: string) => void): Promise<CirclesResult> {
  const r = createRng('rings');
  const truth: Circle[] = [{ x: -1, y: 0, r: 0.5 }, { x: 1, y: 0, r: 0.4 }, { x: 0, y: 1.5, r: 0.6 }];
  const pts: number[][] = [];
  for (const c of truth) for (let i = 0; i < 60; i++) {
    const t = 2 * Math.PI * r.float();
    pts.push([c.x + c.r * Math.cos(t) + 0.02 * r.normal(), c.y + c.r * Math.sin(t) + 0.02 * r.normal()]);
  }
  const q = pointSet(pts);
  const fit = fitCircles(q, { circles: 3, outerSteps, seed: 1 });
  let ce = 0, re = 0;
  for (const f of fit.circles) {
    const near = truth.reduce((b, c) => (Math.hypot(c.x - f.x, c.y - f.y) < Math.hypot(b.x - f.x, b.y - f.y) ? c : b));
    ce = Math.max(ce, Math.hypot(near.x - f.x, near.y - f.y));
    re = Math.max(re, Math.abs(near.r - f.r));
  }
  const exact = await emdLP(q, circlePoints(fit.circles, 32));
  const angles = Array.from({ length: 101 }, (_, i) => (2 * Math.PI * i) / 100);
  const series: Series[] = [{ x: pts.map((p) => p[0]), y: pts.map((p) => p[1]), color: '#7b3294', kind: 'points', label: 'data (three noisy rings)' }];
  fit.circles.forEach((c, k) => series.push({ x: angles.map((t) => c.x + c.r * Math.cos(t)), y: angles.map((t) => c.y + c.r * Math.sin(t)), color: '#1f77b4', width: 2, label: k === 0 ? 'fitted circles' : undefined }));
  svgOut('neemo-circles.svg', linePlot(series, { title: 'Three circles fitted by minimising the NEEMo EMD', xLabel: 'x', yLabel: 'y', width: 480, height: 420 }));
  return { truth, fitted: fit.circles, maxCentreError: ce, maxRadiusError: re, neemoEstimate: fit.emdEstimate, exactEmd: exact };
}
