// A polynomial approximation of sin on [0, π/2], scored by its maximum error. It has a two-stage
// cascade: a coarse grid first, the fine grid only for candidates that are already close.
import type { CascadeStage, Problem } from '../../../engine/problem.js';
import { reject } from '../../../engine/problem.js';
import { initialProgram } from '../../initial-program.js';

const DEGREE = 5;

export function maxError(coeffs: number[], points: number): number {
  let worst = 0;
  for (let k = 0; k < points; k++) {
    const x = (Math.PI / 2) * (k / (points - 1));
    let p = 0;
    for (let i = coeffs.length - 1; i >= 0; i--) p = p * x + coeffs[i];
    worst = Math.max(worst, Math.abs(p - Math.sin(x)));
  }
  return worst;
}

const stages: CascadeStage[] = [
  { name: 'coarse', input: { stage: 'coarse' }, threshold: 0.05 },
  { name: 'fine', input: { stage: 'fine' } },
];

export const sineApproximation: Problem = {
  id: 'sine-approx-5',
  pack: 'toy',
  title: 'Degree-5 polynomial approximation of sin on [0, π/2]',
  description:
    `Return {coefficients: [c0, …, c${DEGREE}]} for p(x) = Σ cᵢ xⁱ minimising max |p(x) − sin x| over [0, π/2] ` +
    '(lower is better). Cascade: 33 grid points first (must reach an error ≤ 0.05), then 4001 points.',
  initialProgram: initialProgram(import.meta.url, 'sine-approx-5'),
  metrics: [{ name: 'maxError', direction: 'min', description: 'maximum absolute error on the stage grid' }],
  primaryMetric: 'maxError',
  stages,
  descriptors: [{ name: 'c1', min: 0.5, max: 1.5, bins: 5, description: 'linear coefficient' }],
  timeoutMs: 5000,
  memoryMb: 128,
  verify(output, stage) {
    const c = (output as { coefficients?: unknown } | null)?.coefficients;
    if (!Array.isArray(c) || c.length !== DEGREE + 1) return reject(`coefficients must be an array of ${DEGREE + 1} numbers`);
    for (let i = 0; i < c.length; i++) {
      if (typeof c[i] !== 'number' || !Number.isFinite(c[i])) return reject(`coefficients[${i}] is ${c[i]}; must be a finite number`);
    }
    const points = stage?.name === 'coarse' ? 33 : 4001;
    return { valid: true, metrics: { maxError: maxError(c, points) }, features: { c1: c[1] } };
  },
};
