import type { Problem } from '../../../engine/problem.js';
import { noop, noopPython } from './noop.js';
import { rosenbrock } from './rosenbrock.js';
import { sineApproximation } from './sine-approximation.js';

/** Small, fast problems for demos and tests of the engine itself. */
export const problems: Problem[] = [noop, noopPython, rosenbrock, sineApproximation];
