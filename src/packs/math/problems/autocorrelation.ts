// Autocorrelation inequalities as engine problems: a parametrised step function refined by a
// hill climb inside the program; the verifier recomputes the bound from the heights alone.
import type { DescriptorSpec, Problem } from '../../../engine/problem.js';
import { autocorrelationVerifiers } from '../verify/autocorrelation.js';
import { climbProgram, mathProblem } from './make.js';

const [first, second, third, thirdAbs] = autocorrelationVerifiers;

const CONV = `function conv(h) {
  const n = h.length, c = new Array(2 * n - 1).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) c[i + j] += h[i] * h[j];
  return c;
}`;

const shapeInit = `const n = Math.max(2, Math.min(400, Math.round(STEPS_N)));
const h = [];
for (let i = 0; i < n; i++) {
  const t = (i + 0.5) / n - 0.5; // position in (-1/2, 1/2)
  h.push(BASE + EDGE * Math.pow(Math.abs(2 * t), POWER) + WAVE * Math.cos(2 * Math.PI * FREQ * t) + NOISE * random());
}
return h;`;

const shapeConstants = (n: number, base: number, edge: number, power: number, wave: number) => `const STEPS_N = ${n};
const BASE = ${base};
const EDGE = ${edge};
const POWER = ${power};
const WAVE = ${wave};
const FREQ = 1.5;
const NOISE = 0.01;`;

const nonNegRepair = `return x.map((v) => (Number.isFinite(v) && v > 0 ? v : 0));`;
const signedRepair = `return x.map((v) => (Number.isFinite(v) ? Math.max(-10, Math.min(10, v)) : 0));`;

const stepDescriptors: DescriptorSpec[] = [
  { name: 'peakPosition', min: 0, max: 1, bins: 10, description: 'where the self-convolution peaks (fraction of its support)' },
  { name: 'zeroFraction', min: 0, max: 0.5, bins: 5, description: 'fraction of zero heights' },
];
const signedDescriptors: DescriptorSpec[] = [
  { name: 'peakPosition', min: 0, max: 1, bins: 10, description: 'where |self-convolution| peaks' },
  { name: 'negativeFraction', min: 0, max: 0.5, bins: 5, description: 'fraction of negative heights' },
];

const outputHeights = `return { heights: x };`;

export const firstAutocorrelation: Problem = mathProblem({
  verifier: first,
  title: 'First autocorrelation inequality (upper bound on C1)',
  description:
    'Return {heights: [h_1..h_n]} (n ≥ 1, h_i ≥ 0): a step function on [-1/4, 1/4]; the score is 2n·max(h∗h)/(Σh)², an upper bound on C1 (best published 1.50529 with 600 steps).',
  metric: 'c1Bound',
  metricDescription: 'upper bound on C1 (unitless)',
  descriptors: stepDescriptors,
  initialProgram: climbProgram({
    header: '// Step function for the first autocorrelation inequality: minimise 2n·max(f∗f)/(∫f)².\n// run() returns {heights}; a shaped start is refined by a hill climb on the heights.',
    constants: shapeConstants(60, 1, 0.6, 4, 0.05),
    init: shapeInit,
    repair: nonNegRepair,
    quality: `${CONV}
const s = x.reduce((a, b) => a + b, 0);
if (!(s > 0)) return -Infinity;
return -(2 * x.length * Math.max(...conv(x))) / (s * s);`,
    output: outputHeights,
    iterations: 3000,
  }),
});

export const secondAutocorrelation: Problem = mathProblem({
  verifier: second,
  title: 'Second autocorrelation inequality (lower bound on C2)',
  description:
    'Return {heights} (h_i ≥ 0): c = h∗h is read as a piecewise-linear curve with zero ends; the score ‖c‖₂²/(‖c‖₁‖c‖∞) is a lower bound on C2 (best published 0.89628 with 50 steps).',
  metric: 'c2Bound',
  metricDescription: 'lower bound on C2 (unitless)',
  descriptors: stepDescriptors,
  initialProgram: climbProgram({
    header: '// Step function for the second autocorrelation inequality: maximise ‖f∗f‖₂²/(‖f∗f‖₁‖f∗f‖∞).\n// run() returns {heights}; a shaped start is refined by a hill climb on the heights.',
    constants: shapeConstants(50, 1, -0.5, 2, 0.2),
    init: shapeInit,
    repair: nonNegRepair,
    quality: `${CONV}
const c = conv(x), m = c.length;
let l2 = 0, l1 = 0, inf = 0;
for (let i = 0; i <= m; i++) {
  const y1 = i === 0 ? 0 : c[i - 1], y2 = i === m ? 0 : c[i];
  l2 += (1 / (m + 1) / 3) * (y1 * y1 + y1 * y2 + y2 * y2);
}
for (const v of c) { l1 += Math.abs(v); inf = Math.max(inf, Math.abs(v)); }
l1 /= m + 1;
return inf > 0 ? l2 / (l1 * inf) : -Infinity;`,
    output: outputHeights,
    iterations: 4000,
  }),
});

const thirdQuality = (abs: boolean) => `${CONV}
const s = x.reduce((a, b) => a + b, 0);
if (s === 0) return -Infinity;
const c = conv(x);
const peak = ${abs ? 'Math.max(...c.map(Math.abs))' : 'Math.max(...c)'};
return -Math.abs((2 * x.length * peak) / (s * s));`;

export const thirdAutocorrelation: Problem = mathProblem({
  verifier: third,
  title: 'Third autocorrelation inequality (upper bound on C3)',
  description:
    'Return {heights} (signed values allowed): the score |2n·max(h∗h)/(Σh)²| is an upper bound on C3 (best published 1.45564 with 400 steps).',
  metric: 'c3Bound',
  metricDescription: 'upper bound on C3 (unitless)',
  descriptors: signedDescriptors,
  initialProgram: climbProgram({
    header: '// Signed step function for the third autocorrelation inequality: minimise |2n·max(f∗f)/(∫f)²|.\n// run() returns {heights}; a shaped start is refined by a hill climb on the heights.',
    constants: shapeConstants(60, 0.3, 1, 6, -0.2),
    init: shapeInit,
    repair: signedRepair,
    quality: thirdQuality(false),
    output: outputHeights,
  }),
});

export const thirdAutocorrelationAbs: Problem = mathProblem({
  verifier: thirdAbs,
  title: "Third autocorrelation inequality, absolute variant (upper bound on C3')",
  description:
    'Return {heights} (signed values allowed): the score 2n·max|h∗h|/(Σh)² is an upper bound on C3′ (best published 1.46876 with 150 steps).',
  metric: 'c3AbsBound',
  metricDescription: "upper bound on C3' (unitless)",
  descriptors: signedDescriptors,
  initialProgram: climbProgram({
    header: "// Signed step function for C3': minimise 2n·max|f∗f|/(∫f)².\n// run() returns {heights}; a shaped start is refined by a hill climb on the heights.",
    constants: shapeConstants(60, 0.3, 1, 6, -0.2),
    init: shapeInit,
    repair: signedRepair,
    quality: thirdQuality(true),
    output: outputHeights,
  }),
});

export const autocorrelationProblems: Problem[] = [firstAutocorrelation, secondAutocorrelation, thirdAutocorrelation, thirdAutocorrelationAbs];
