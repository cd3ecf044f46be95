// Autocorrelation inequalities as engine problems: a parametrised step function refined by a
// hill climb inside the program; the verifier recomputes the bound from the heights alone.
import type { DescriptorSpec, Problem } from '../../../engine/problem.js';
import { autocorrelationVerifiers } from '../verify/autocorrelation.js';
import { mathProblem } from './make.js';
import { initialProgram } from '../../initial-program.js';

const [first, second, third, thirdAbs] = autocorrelationVerifiers;

const stepDescriptors: DescriptorSpec[] = [
  { name: 'peakPosition', min: 0, max: 1, bins: 10, description: 'where the self-convolution peaks (fraction of its support)' },
  { name: 'zeroFraction', min: 0, max: 0.5, bins: 5, description: 'fraction of zero heights' },
];
const signedDescriptors: DescriptorSpec[] = [
  { name: 'peakPosition', min: 0, max: 1, bins: 10, description: 'where |self-convolution| peaks' },
  { name: 'negativeFraction', min: 0, max: 0.5, bins: 5, description: 'fraction of negative heights' },
];

export const firstAutocorrelation: Problem = mathProblem({
  verifier: first,
  title: 'First autocorrelation inequality (upper bound on C1)',
  description:
    'Return {heights: [h_1..h_n]} (n ≥ 1, h_i ≥ 0): a step function on [-1/4, 1/4]; the score is 2n·max(h∗h)/(Σh)², an upper bound on C1 (best published 1.50529 with 600 steps).',
  metric: 'c1Bound',
  metricDescription: 'upper bound on C1 (unitless)',
  descriptors: stepDescriptors,
  initialProgram: initialProgram(import.meta.url, 'first_autocorrelation'),
});

export const secondAutocorrelation: Problem = mathProblem({
  verifier: second,
  title: 'Second autocorrelation inequality (lower bound on C2)',
  description:
    'Return {heights} (h_i ≥ 0): c = h∗h is read as a piecewise-linear curve with zero ends; the score ‖c‖₂²/(‖c‖₁‖c‖∞) is a lower bound on C2 (best published 0.89628 with 50 steps).',
  metric: 'c2Bound',
  metricDescription: 'lower bound on C2 (unitless)',
  descriptors: stepDescriptors,
  initialProgram: initialProgram(import.meta.url, 'second_autocorrelation'),
});

export const thirdAutocorrelation: Problem = mathProblem({
  verifier: third,
  title: 'Third autocorrelation inequality (upper bound on C3)',
  description:
    'Return {heights} (signed values allowed): the score |2n·max(h∗h)/(Σh)²| is an upper bound on C3 (best published 1.45564 with 400 steps).',
  metric: 'c3Bound',
  metricDescription: 'upper bound on C3 (unitless)',
  descriptors: signedDescriptors,
  initialProgram: initialProgram(import.meta.url, 'third_autocorrelation'),
});

export const thirdAutocorrelationAbs: Problem = mathProblem({
  verifier: thirdAbs,
  title: "Third autocorrelation inequality, absolute variant (upper bound on C3')",
  description:
    'Return {heights} (signed values allowed): the score 2n·max|h∗h|/(Σh)² is an upper bound on C3′ (best published 1.46876 with 150 steps).',
  metric: 'c3AbsBound',
  metricDescription: "upper bound on C3' (unitless)",
  descriptors: signedDescriptors,
  initialProgram: initialProgram(import.meta.url, 'third_autocorrelation_abs'),
});

export const autocorrelationProblems: Problem[] = [firstAutocorrelation, secondAutocorrelation, thirdAutocorrelation, thirdAutocorrelationAbs];
