// Uncertainty inequality as engine problems: the program returns the few numbers that define
// the polynomial (Hermite coefficients or Laguerre double roots); the exact verifier does the rest.
import type { Problem } from '../../../engine/problem.js';
import { uncertaintyVerifiers } from '../verify/uncertainty.js';
import { mathProblem } from './make.js';

const [hermite, laguerre] = uncertaintyVerifiers;

const hermiteProgram = `// Uncertainty inequality, Hermite form: f = P(√(2π)x)·e^{-πx²} with P = c0·H0 + c1·H4 + c2·H8 + c3·H12,
// c3 fixed by P(0) = 0. run() returns {coefficients: [c0, c1, c2]}; the bound is r²/(2π) for the
// largest sign change r of P(x)/x². The start is the construction of Gonçalves, Oliveira e Silva
// and Steinerberger (2017); the coefficients are scaled and tilted by the constants below.

// EVOLVE-BLOCK-START
const C0 = -1.13;
const C1 = 0.04;
const C2 = 0.00030864197530864197;
const SCALE = 1;
const TILT = 0;
// EVOLVE-BLOCK-END

export function run() {
  return { coefficients: [SCALE * C0, SCALE * C1 * (1 + TILT), SCALE * C2 * (1 - TILT)] };
}
`;

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
  initialProgram: hermiteProgram,
});

const laguerreProgram = `// Uncertainty inequality, Laguerre form (Cohn–Gonçalves, dimension 1): k double roots z_1..z_k of
// g = Σ a_d L_d^(-1/2) over even d ≤ 4k+2, with g(0) = 0 and g'(0) = 1. run() returns
// {dimension: 1, num_double_roots: k, double_roots}; the bound is r/(2π), r the largest sign
// change of g/(x·Π(x − z_i)²). Roots follow a power law z_i = A·(i + OFFSET)^POWER.

// EVOLVE-BLOCK-START
const K = 6;
const A = 4;
const OFFSET = 2;
const POWER = 2.5;
const JITTER = [0, 0, 0, 0, 0, 0];
// EVOLVE-BLOCK-END

export function run() {
  const k = Math.max(1, Math.min(14, Math.round(K)));
  const roots = [];
  for (let i = 0; i < k; i++) {
    const z = A * Math.pow(i + OFFSET, POWER) + (JITTER[i] ?? 0);
    roots.push(Math.abs(z) + 1e-3 * (i + 1));
  }
  roots.sort((a, b) => a - b);
  for (let i = 1; i < k; i++) if (roots[i] <= roots[i - 1]) roots[i] = roots[i - 1] + 1e-3;
  return { dimension: 1, num_double_roots: k, double_roots: roots };
}
`;

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
  initialProgram: laguerreProgram,
  timeoutMs: 20_000,
});

export const uncertaintyProblems: Problem[] = [uncertaintyHermite, uncertaintyLaguerre];
