import type { Problem } from '../../../engine/problem.js';
import { uandProblem } from './uand.js';

/** Engine problems this pack provides. */
export const problems: Problem[] = [uandProblem];
