// Erdős minimum overlap as an engine problem: heights on a dyadic grid (multiples of 2^-20) so
// the integral condition Σh = n/2 holds exactly, refined by a hill climb inside the program.
import type { Problem } from '../../../engine/problem.js';
import { erdosVerifiers } from '../verify/erdos.js';
import { climbProgram, mathProblem } from './make.js';

const program = climbProgram({
  header: `// Erdős minimum overlap: a step function h on [0, 2] with values in [0, 1] and ∫h = 1, minimising
// max_s Σ h_i (1 − h_{i+s}) · 2/n. run() returns {heights}; heights are multiples of 2^-20 so the
// sum n/2 is exact. A bump-shaped start is refined by a hill climb.`,
  constants: `const STEPS_N = 50;
const PEAK = 0.9;
const WIDTH = 0.55;
const POWER = 4;
const SKEW = 0;`,
  init: `const n = Math.max(4, Math.min(200, Math.round(STEPS_N)));
const h = [];
for (let i = 0; i < n; i++) {
  const t = (2 * (i + 0.5)) / n - 1 + SKEW; // centred position in (-1, 1)
  h.push(PEAK * Math.exp(-Math.pow(Math.abs(t) / WIDTH, POWER)));
}
return h;`,
  repair: `// Quantise to multiples of 2^-20 in [0, 1], then move units until the sum is exactly n/2.
const U = 1048576, n = x.length;
const q = x.map((v) => (Number.isFinite(v) ? Math.max(0, Math.min(U, Math.round(v * U))) : 0));
let diff = (n / 2) * U - q.reduce((a, b) => a + b, 0);
for (let pass = 0; pass < 4 && diff !== 0; pass++) {
  for (let i = 0; i < n && diff !== 0; i++) {
    const room = diff > 0 ? U - q[i] : q[i];
    const share = Math.ceil(Math.abs(diff) / (n - i));
    const d = Math.min(room, share);
    q[i] += diff > 0 ? d : -d;
    diff += diff > 0 ? -d : d;
  }
}
return q.map((v) => v / U);`,
  quality: `const n = x.length;
let best = -Infinity;
for (let s = -(n - 1); s <= n - 1; s++) {
  let acc = 0;
  for (let i = Math.max(0, -s); i < Math.min(n, n - s); i++) acc += x[i] * (1 - x[i + s]);
  if (acc > best) best = acc;
}
return -(best / n) * 2;`,
  output: `return { heights: x };`,
  iterations: 2500,
  step: 0.1,
});

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
  initialProgram: program,
});
