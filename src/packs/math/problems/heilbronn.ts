// Heilbronn problems as engine problems: quasi-random or ring starts refined by a hill climb on
// the smallest triangle area; the triangle variant keeps points inside with the reference's tests.
import type { Problem } from '../../../engine/problem.js';
import { heilbronnVerifiers } from '../verify/heilbronn.js';
import { climbProgram, mathProblem } from './make.js';

const MIN_AREA = `let best = Infinity;
const n = x.length / 2;
for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) for (let k = j + 1; k < n; k++) {
  const a = Math.abs(x[2*i] * (x[2*j+1] - x[2*k+1]) + x[2*j] * (x[2*k+1] - x[2*i+1]) + x[2*k] * (x[2*i+1] - x[2*j+1])) / 2;
  if (a < best) best = a;
}`;

const triangleProgram = climbProgram({
  header: `// Heilbronn in a triangle: 11 points in the equilateral triangle (0,0), (1,0), (1/2, √3/2) maximising the
// smallest triangle area. run() returns {points, triangle}. Start: a Kronecker sequence mapped into the
// triangle; then a hill climb. Points are pulled toward the centroid until the reference tests pass.`,
  constants: `const ALPHA = 0.7548776662466927;
const BETA = 0.5698402909980532;
const SHIFT = 0.3;
const SHRINK = 0.97;`,
  init: `const x = [];
for (let i = 0; i < 11; i++) {
  const u = (SHIFT + ALPHA * (i + 1)) % 1, v = (SHIFT + BETA * (i + 1)) % 1;
  const r = Math.sqrt(u) * SHRINK;
  // Uniform map of the unit square onto the triangle.
  x.push((1 - r) * 0 + r * (1 - v) * 1 + r * v * 0.5, r * v * (Math.sqrt(3) / 2));
}
return x;`,
  repair: `const s = Math.sqrt(3), cx = 0.5, cy = s / 6, out = x.slice();
for (let i = 0; i < out.length; i += 2) {
  let px = Number.isFinite(out[i]) ? out[i] : cx, py = Number.isFinite(out[i + 1]) ? out[i + 1] : cy;
  let t = 1;
  while (!(py >= 0 && s * px <= s - py && py <= s * px) && t > 0) {
    t = Math.max(0, t - 0.01);
    px = cx + (out[i] - cx) * t; py = cy + (out[i + 1] - cy) * t;
    if (!Number.isFinite(px) || !Number.isFinite(py)) { px = cx; py = cy; }
  }
  out[i] = px; out[i + 1] = py;
}
return out;`,
  quality: `${MIN_AREA}\nreturn best;`,
  output: `const points = [];\nfor (let i = 0; i < x.length; i += 2) points.push([x[i], x[i + 1]]);\nreturn { points, triangle: [[0, 0], [1, 0], [0.5, Math.sqrt(3) / 2]] };`,
  iterations: 4000,
  step: 0.05,
});

function convexProgram(n: number, inner: number): string {
  return climbProgram({
    header: `// Heilbronn for convex regions: ${n} points maximising (smallest triangle area) / (area of their convex hull).
// run() returns {points}. Start: two concentric rings (OUTER on the unit circle, the rest at radius INNER_RADIUS,
// rotated by TWIST), then a hill climb.`,
    constants: `const INNER_COUNT = ${inner};
const INNER_RADIUS = 0.45;
const TWIST = 0.3;
const WOBBLE = 0.02;`,
    init: `const x = [];
const m = Math.max(0, Math.min(${n - 3}, Math.round(INNER_COUNT)));
const outer = ${n} - m;
for (let i = 0; i < outer; i++) {
  const a = (2 * Math.PI * i) / outer;
  x.push(Math.cos(a) * (1 + WOBBLE * Math.cos(3 * a)), Math.sin(a) * (1 + WOBBLE * Math.sin(2 * a)));
}
for (let i = 0; i < m; i++) {
  const a = TWIST + (2 * Math.PI * i) / Math.max(1, m);
  x.push(INNER_RADIUS * Math.cos(a), INNER_RADIUS * Math.sin(a));
}
return x;`,
    repair: `return x.map((v) => (Number.isFinite(v) ? Math.max(-10, Math.min(10, v)) : 0));`,
    quality: `${MIN_AREA}
const pts = [];
for (let i = 0; i < x.length; i += 2) pts.push([x[i], x[i + 1]]);
pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
const cross = (o, a, b) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
const half = (list) => { const h = []; for (const p of list) { while (h.length >= 2 && cross(h[h.length - 2], h[h.length - 1], p) <= 0) h.pop(); h.push(p); } return h; };
const hull = half(pts).slice(0, -1).concat(half(pts.slice().reverse()).slice(0, -1));
let area = 0;
for (let i = 0; i < hull.length; i++) { const p = hull[i], q = hull[(i + 1) % hull.length]; area += p[0] * q[1] - q[0] * p[1]; }
area = Math.abs(area) / 2;
return area > 0 ? best / area : -Infinity;`,
    output: `const points = [];\nfor (let i = 0; i < x.length; i += 2) points.push([x[i], x[i + 1]]);\nreturn { points };`,
    iterations: 4000,
    step: 0.05,
  });
}

const triangleDescriptors = [
  { name: 'boundaryFraction', min: 0, max: 1, bins: 6, description: 'fraction of points on the container boundary' },
  { name: 'minDistance', min: 0, max: 0.4, bins: 8, description: 'smallest distance between two points' },
];
const convexDescriptors = [
  { name: 'hullFraction', min: 0, max: 1, bins: 8, description: 'fraction of points that are hull vertices' },
  { name: 'minDistance', min: 0, max: 0.5, bins: 8, description: 'smallest distance / √(hull area)' },
];

export const heilbronnTriangle11: Problem = mathProblem({
  verifier: heilbronnVerifiers[0],
  title: 'Heilbronn problem in a triangle, n = 11',
  description:
    'Return {points: 11×[x, y], triangle?}: points in the triangle (0,0), (1,0), (1/2, √3/2) (tested as y ≥ 0, √3x ≤ √3 − y, y ≤ √3x); the score is the smallest triangle area over the container area (best published 0.036530).',
  metric: 'minAreaRatio',
  metricDescription: 'smallest triangle area / container area',
  descriptors: triangleDescriptors,
  initialProgram: triangleProgram,
});

export const heilbronnConvex13: Problem = mathProblem({
  verifier: heilbronnVerifiers[1],
  title: 'Heilbronn problem for convex regions, n = 13',
  description: 'Return {points: 13×[x, y]}; the score is the smallest triangle area over the area of the points\' convex hull (best published 0.030937).',
  metric: 'minAreaRatio',
  metricDescription: 'smallest triangle area / convex hull area',
  descriptors: convexDescriptors,
  initialProgram: convexProgram(13, 5),
});

export const heilbronnConvex14: Problem = mathProblem({
  verifier: heilbronnVerifiers[2],
  title: 'Heilbronn problem for convex regions, n = 14',
  description: 'Return {points: 14×[x, y]}; the score is the smallest triangle area over the area of the points\' convex hull (best published 0.027836).',
  metric: 'minAreaRatio',
  metricDescription: 'smallest triangle area / convex hull area',
  descriptors: convexDescriptors,
  initialProgram: convexProgram(14, 5),
});

export const heilbronnProblems: Problem[] = [heilbronnTriangle11, heilbronnConvex13, heilbronnConvex14];
