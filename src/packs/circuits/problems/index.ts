import type { Problem } from '../../../engine/problem.js';
import { sizeExponentProblem } from './size-exponent.js';

/** Engine problems this pack provides. */
export const problems: Problem[] = [sizeExponentProblem];
