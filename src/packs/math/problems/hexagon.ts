// Unit hexagons in a hexagon as engine problems: a hex-grid cluster of inner hexagons (spacing
// and per-hexagon twists evolve), separated until no two touch, then the smallest outer hexagon
// over a grid of outer rotations and a pattern search on its centre.
import type { Problem } from '../../../engine/problem.js';
import { hexagonVerifiers } from '../verify/hexagon.js';
import { mathProblem } from './make.js';
import { initialProgram } from '../../initial-program.js';

const descriptors = [
  { name: 'alignedFraction', min: 0, max: 1, bins: 5, description: 'fraction of inner hexagons within 1° of the outer orientation' },
  { name: 'meanTilt', min: 0, max: 1, bins: 6, description: 'mean inner tilt relative to the outer hexagon, as a fraction of 30°' },
];

export const hexagonPacking11: Problem = mathProblem({
  verifier: hexagonVerifiers[0],
  title: 'Unit hexagons in a hexagon, n = 11',
  description:
    'Return {inner_hexagons: 11×[x, y, angle°], outer_center: [x, y], outer_side_length, outer_angle_degrees}: 11 disjoint unit hexagons (touching counts as overlap) inside the outer regular hexagon; the score is the outer side length (best published 3.930092).',
  metric: 'outerSide',
  metricDescription: 'side length of the outer hexagon (inner side = 1)',
  descriptors,
  initialProgram: initialProgram(import.meta.url, 'hexagon_packing_11'),
});

export const hexagonPacking12: Problem = mathProblem({
  verifier: hexagonVerifiers[1],
  title: 'Unit hexagons in a hexagon, n = 12',
  description:
    'Return {inner_hexagons: 12×[x, y, angle°], outer_center, outer_side_length, outer_angle_degrees}: 12 disjoint unit hexagons inside the outer regular hexagon; the score is the outer side length (best published 3.9419123).',
  metric: 'outerSide',
  metricDescription: 'side length of the outer hexagon (inner side = 1)',
  descriptors,
  initialProgram: initialProgram(import.meta.url, 'hexagon_packing_12'),
});

export const hexagonProblems: Problem[] = [hexagonPacking11, hexagonPacking12];
