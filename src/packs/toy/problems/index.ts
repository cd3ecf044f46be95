import type { Problem } from '../../../engine/problem.js';

/** Engine problems this pack provides. */
export const problems: Problem[] = [];
