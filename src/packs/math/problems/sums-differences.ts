// Sums versus differences as an engine problem. The engine instance caps the set at 5000
// elements (the 54265-element published set needs seconds to verify and is not evolved).
import type { Problem } from '../../../engine/problem.js';
import { sumsDifferencesVerifiers, verifySumsDifferences } from '../verify/sums-differences.js';
import { mathProblem } from './make.js';
import { initialProgram } from '../../initial-program.js';

export const sumsDifferences2003: Problem = mathProblem({
  verifier: sumsDifferencesVerifiers[0],
  title: 'Sums and differences (lower bound on C6)',
  description:
    'Return {set: [...]}: at most 5000 distinct integers in 0..2^31−1 containing 0; the score 1 + ln(|U−U|/|U+U|)/ln(2·max U + 1) is a lower bound on C6 (best published 1.147989 with 2003 elements; 1.158417 with 54265).',
  metric: 'c6Bound',
  metricDescription: 'lower bound on the sums-differences exponent C6 (unitless)',
  descriptors: [
    { name: 'logMax', min: 0, max: 9, bins: 9, description: 'log10 of max U' },
    { name: 'fill', min: 0, max: 0.2, bins: 8, description: '|U| / (max U + 1)' },
  ],
  initialProgram: initialProgram(import.meta.url, 'sums_differences_2003'),
  verify: (output) => verifySumsDifferences(output, 5000),
});
