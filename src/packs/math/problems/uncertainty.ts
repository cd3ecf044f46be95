// Uncertainty inequality as engine problems: the program returns the few numbers that define
// the polynomial (Hermite coefficients or Laguerre double roots); the exact verifier does the rest.
import type { Problem } from '../../../engine/problem.js';
import { uncertaintyVerifiers } from '../verify/uncertainty.js';
import { mathProblem } from './make.js';
import { initialProgram } from '../../initial-program.js';

const [hermite, laguerre] = uncertaintyVerifiers;

export const uncertaintyHermite: Problem = mathProblem({
  verifier: hermite,
  title: 'Uncertainty inequality, Hermite form (upper bound on C4)',
  description:
    'Return {coefficients: [c0, c1, c2]} (finite doubles, taken at their exact values) for P = c0·H0 + c1·H4 + c2·H8 + c3·H12 with c3 solved so that P(0) = 0; the score r²/(2π), r the largest sign change of P(x)/x², is an upper bound on C4 (best published 0.352099).',
  metric: 'c4Bound',
  metricDescription: 'upper bound on C4 (unitless)',
  descriptors: [
    { name: 'c1OverC0', min: -0.1, max: 0.1, bins: 8, description: 'c1 / c0' },
    { name: 'c3OverC0', min: -0.001, max: 0.001, bins: 8, description: 'derived c3 / c0' },
  ],
  initialProgram: initialProgram(import.meta.url, 'uncertainty_inequality_hermite'),
});

export const uncertaintyLaguerre: Problem = mathProblem({
  verifier: laguerre,
  title: 'Uncertainty inequality, Laguerre form (upper bound on C4)',
  description:
    'Return {dimension: 1, num_double_roots: k, double_roots: [z_1..z_k]} (distinct positive doubles, k ≤ 16): g is the even-degree generalised Laguerre combination with g(0) = 0, g\'(0) = 1 and double roots at the z_i, solved exactly; the score r/(2π), r the largest sign change of g/(x·Π(x − z_i)²), is an upper bound on C4 (best published 0.321587 with 12 roots). Verification cost grows fast with k (about 3 s at k = 12).',
  metric: 'c4Bound',
  metricDescription: 'upper bound on C4 (unitless)',
  descriptors: [
    { name: 'rootSpan', min: 0, max: 200, bins: 10, description: 'largest double root / bound root' },
    { name: 'meanGap', min: 0, max: 100, bins: 5, description: 'largest double root / k' },
  ],
  initialProgram: initialProgram(import.meta.url, 'uncertainty_inequality_laguerre'),
  timeoutMs: 20_000,
});

export const uncertaintyProblems: Problem[] = [uncertaintyHermite, uncertaintyLaguerre];
