// Max/min distance ratio as engine problems: a lattice patch (triangular in 2-D, fcc in 3-D)
// around an evolvable offset, refined by a hill climb on the coordinates.
import type { Problem } from '../../../engine/problem.js';
import { distanceRatioVerifiers } from '../verify/distance-ratio.js';
import { mathProblem } from './make.js';
import { initialProgram } from '../../initial-program.js';

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
  initialProgram: initialProgram(import.meta.url, 'min_max_distance_ratio_16_2d'),
});

export const distanceRatio14in3d: Problem = mathProblem({
  verifier: distanceRatioVerifiers[1],
  title: 'Max/min distance ratio, 14 points in space',
  description: 'Return {points: 14×[x, y, z]} (distinct finite points); the score is (max distance / min distance)² (best published 4.165850).',
  metric: 'ratioSquared',
  metricDescription: 'squared ratio of largest to smallest pairwise distance',
  descriptors,
  initialProgram: initialProgram(import.meta.url, 'min_max_distance_ratio_14_3d'),
});

export const distanceRatioProblems: Problem[] = [distanceRatio16in2d, distanceRatio14in3d];
