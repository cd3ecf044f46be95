// Max/min distance ratio as engine problems: a lattice patch (triangular in 2-D, fcc in 3-D)
// around an evolvable offset, refined by a hill climb on the coordinates.
import type { Problem } from '../../../engine/problem.js';
import { distanceRatioVerifiers } from '../verify/distance-ratio.js';
import { climbProgram, mathProblem } from './make.js';

// The climb scores a smoothed ratio: log-sum-exp over all pairs instead of the single extreme
// pair, so moves that shorten several near-maximal pairs count (SOFTNESS → ∞ is the true ratio).
const quality = (dim: number) => `const n = x.length / ${dim}, d2 = [];
let lo = Infinity, hi = 0;
for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
  let s = 0;
  for (let k = 0; k < ${dim}; k++) { const d = x[${dim} * i + k] - x[${dim} * j + k]; s += d * d; }
  d2.push(s); lo = Math.min(lo, s); hi = Math.max(hi, s);
}
if (!(lo > 0)) return -Infinity;
const beta = Math.max(1, SOFTNESS);
let sHi = 0, sLo = 0;
for (const s of d2) { sHi += Math.exp(beta * (s / hi - 1)); sLo += Math.exp(beta * (1 - s / lo)); }
const softHi = hi * (1 + Math.log(sHi) / beta), softLo = lo * (1 - Math.log(sLo) / beta);
return softLo > 0 ? -softHi / softLo : -hi / lo;`;

const repair = `return x.map((v) => (Number.isFinite(v) ? Math.max(-100, Math.min(100, v)) : 0));`;

function program(n: number, dim: number): string {
  const lattice =
    dim === 2
      ? `for (let a = -6; a <= 6; a++) for (let b = -6; b <= 6; b++) pts.push([a + b / 2, (b * Math.sqrt(3)) / 2]);`
      : `for (let a = -4; a <= 4; a++) for (let b = -4; b <= 4; b++) for (let c = -4; c <= 4; c++) if ((a + b + c) % 2 === 0) pts.push([a, b, c]);`;
  const offsets = dim === 2 ? 'const OFFSET = [0.1, 0.2];' : 'const OFFSET = [0.1, 0.2, 0.3];';
  return climbProgram({
    header: `// ${n} points in ${dim}-D minimising (max distance / min distance)². run() returns {points}.\n// Start: the ${n} lattice points nearest to OFFSET (after STRETCH of the first axis), then a hill climb.`,
    constants: `${offsets}\nconst STRETCH = 1;\nconst SOFTNESS = 200;\nconst JITTER = 0.1;`,
    init: `const pts = [];
${lattice}
const key = (p) => p.reduce((s, v, k) => s + (k === 0 ? STRETCH : 1) * (v - (OFFSET[k] || 0)) ** 2, 0);
pts.sort((p, q) => key(p) - key(q));
// A lattice patch is a strict local optimum for single-point moves; jitter lets the climb leave it.
return pts.slice(0, ${n}).flat().map((v) => v + JITTER * (random() - 0.5));`,
    repair,
    quality: quality(dim),
    score: `let lo = Infinity, hi = 0;
const n = x.length / ${dim};
for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
  let s = 0;
  for (let k = 0; k < ${dim}; k++) { const d = x[${dim} * i + k] - x[${dim} * j + k]; s += d * d; }
  lo = Math.min(lo, s); hi = Math.max(hi, s);
}
return lo > 0 ? -hi / lo : -Infinity;`,
    output: `const pts = [];\nfor (let i = 0; i < x.length; i += ${dim}) pts.push(x.slice(i, i + ${dim}));\nreturn { points: pts };`,
    iterations: 6000,
    step: 0.05,
  });
}

const descriptors = [
  { name: 'nearMinPairs', min: 0, max: 0.5, bins: 10, description: 'fraction of pairs within 1% of the minimum distance' },
  { name: 'nearMaxPairs', min: 0, max: 0.2, bins: 5, description: 'fraction of pairs within 1% of the maximum distance' },
];

export const distanceRatio16in2d: Problem = mathProblem({
  verifier: distanceRatioVerifiers[0],
  title: 'Max/min distance ratio, 16 points in the plane',
  description: 'Return {points: 16×[x, y]} (distinct finite points); the score is (max distance / min distance)² (best published 12.889266).',
  metric: 'ratioSquared',
  metricDescription: 'squared ratio of largest to smallest pairwise distance',
  descriptors,
  initialProgram: program(16, 2),
});

export const distanceRatio14in3d: Problem = mathProblem({
  verifier: distanceRatioVerifiers[1],
  title: 'Max/min distance ratio, 14 points in space',
  description: 'Return {points: 14×[x, y, z]} (distinct finite points); the score is (max distance / min distance)² (best published 4.165850).',
  metric: 'ratioSquared',
  metricDescription: 'squared ratio of largest to smallest pairwise distance',
  descriptors,
  initialProgram: program(14, 3),
});

export const distanceRatioProblems: Problem[] = [distanceRatio16in2d, distanceRatio14in3d];
