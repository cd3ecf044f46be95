import type { Problem } from '../../../engine/problem.js';
import {
  firstAutocorrelation, secondAutocorrelation, thirdAutocorrelation, thirdAutocorrelationAbs,
} from './autocorrelation.js';
import { uncertaintyHermite, uncertaintyLaguerre } from './uncertainty.js';
import { erdosMinimumOverlap } from './erdos.js';
import { sumsDifferences2003 } from './sums-differences.js';
import { hexagonPacking11, hexagonPacking12 } from './hexagon.js';
import { distanceRatio16in2d, distanceRatio14in3d } from './distance-ratio.js';
import { heilbronnTriangle11, heilbronnConvex13, heilbronnConvex14 } from './heilbronn.js';
import { kissingNumber11 } from './kissing.js';
import { matmulProblems } from './matmul.js';
import { circlePackingProblems } from './circle-packing.js';

/**
 * Engine problems this pack provides. Not evolved: sums_differences_54265 (its verification
 * takes seconds; sums_differences_2003 covers the problem with sets of up to 5000 elements).
 */
export const problems: Problem[] = [
  ...circlePackingProblems,
  firstAutocorrelation,
  secondAutocorrelation,
  thirdAutocorrelation,
  thirdAutocorrelationAbs,
  uncertaintyHermite,
  uncertaintyLaguerre,
  erdosMinimumOverlap,
  sumsDifferences2003,
  hexagonPacking11,
  hexagonPacking12,
  distanceRatio16in2d,
  distanceRatio14in3d,
  heilbronnTriangle11,
  heilbronnConvex13,
  heilbronnConvex14,
  kissingNumber11,
  ...matmulProblems,
];
