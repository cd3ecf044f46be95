// Kissing configuration in dimension 11 as an engine problem: the D11 root system (scaled by 2)
// plus a greedy code of ±1 vectors of weight 8, each accepted only if it keeps the Lemma 1
// condition min |x − y|² ≥ max |x|² (checked exactly: all values are small integers).
import type { Problem } from '../../../engine/problem.js';
import { kissingVerifiers } from '../verify/kissing.js';
import { mathProblem } from './make.js';
import { initialProgram } from '../../initial-program.js';

export const kissingNumber11: Problem = mathProblem({
  verifier: kissingVerifiers[0],
  title: 'Kissing configuration in dimension 11',
  description:
    'Return {vectors: N×11 integers} (non-zero, |coordinates| < 2^53) with min over pairs |x − y|² ≥ max |x|², checked exactly; the score is N, a lower bound on the kissing number in dimension 11 (best published 593).',
  metric: 'count',
  metricDescription: 'number of vectors (touching spheres)',
  descriptors: [
    { name: 'normRatio', min: 0, max: 1, bins: 5, description: 'smallest / largest squared norm' },
    { name: 'distanceSlack', min: 0, max: 1, bins: 5, description: 'min squared distance / max squared norm − 1' },
  ],
  initialProgram: initialProgram(import.meta.url, 'kissing_number_11'),
});
