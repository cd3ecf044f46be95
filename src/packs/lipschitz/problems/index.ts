import type { Problem } from '../../../engine/problem.js';
import { lipschitzMonotone } from './monotone.js';

/** Engine problems this pack provides. */
export const problems: Problem[] = [lipschitzMonotone];
