// Erdős minimum overlap as an engine problem: heights on a dyadic grid (multiples of 2^-20) so
// the integral condition Σh = n/2 holds exactly, refined by a hill climb inside the program.
import type { Problem } from '../../../engine/problem.js';
import { erdosVerifiers } from '../verify/erdos.js';
import { mathProblem } from './make.js';
import { initialProgram } from '../../initial-program.js';

export const erdosMinimumOverlap: Problem = mathProblem({
  verifier: erdosVerifiers[0],
  title: 'Erdős minimum overlap (upper bound on C5)',
  description:
    'Return {heights: [h_1..h_n]} with each h_i in [0, 1] and Σh = n/2 exactly (correctly rounded sum): a step function on [0, 2] with integral 1; the score (2/n)·max_s Σ h_i(1 − h_{i+s}) is an upper bound on C5 (best published 0.380923).',
  metric: 'c5Bound',
  metricDescription: 'upper bound on the minimum-overlap constant C5 (unitless)',
  descriptors: [
    { name: 'peakShift', min: 0, max: 1, bins: 10, description: 'position of the worst shift among all shifts' },
    { name: 'spread', min: 0, max: 0.5, bins: 5, description: 'mean distance of the mass from the centre' },
  ],
  initialProgram: initialProgram(import.meta.url, 'erdos_minimum_overlap'),
});
