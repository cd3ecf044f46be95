import type { Problem } from '../../../engine/problem.js';
import { spectrumProblem } from './spectrum.js';

/** Engine problems this pack provides. */
export const problems: Problem[] = [spectrumProblem];
