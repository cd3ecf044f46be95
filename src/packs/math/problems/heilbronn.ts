// Heilbronn problems as engine problems: quasi-random or ring starts refined by a hill climb on
// the smallest triangle area; the triangle variant keeps points inside with the reference's tests.
import type { Problem } from '../../../engine/problem.js';
import { heilbronnVerifiers } from '../verify/heilbronn.js';
import { mathProblem } from './make.js';
import { initialProgram } from '../../initial-program.js';

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
  initialProgram: initialProgram(import.meta.url, 'heilbronn_triangle_11'),
});

export const heilbronnConvex13: Problem = mathProblem({
  verifier: heilbronnVerifiers[1],
  title: 'Heilbronn problem for convex regions, n = 13',
  description: 'Return {points: 13×[x, y]}; the score is the smallest triangle area over the area of the points\' convex hull (best published 0.030937).',
  metric: 'minAreaRatio',
  metricDescription: 'smallest triangle area / convex hull area',
  descriptors: convexDescriptors,
  initialProgram: initialProgram(import.meta.url, 'heilbronn_convex_13'),
});

export const heilbronnConvex14: Problem = mathProblem({
  verifier: heilbronnVerifiers[2],
  title: 'Heilbronn problem for convex regions, n = 14',
  description: 'Return {points: 14×[x, y]}; the score is the smallest triangle area over the area of the points\' convex hull (best published 0.027836).',
  metric: 'minAreaRatio',
  metricDescription: 'smallest triangle area / convex hull area',
  descriptors: convexDescriptors,
  initialProgram: initialProgram(import.meta.url, 'heilbronn_convex_14'),
});

export const heilbronnProblems: Problem[] = [heilbronnTriangle11, heilbronnConvex13, heilbronnConvex14];
