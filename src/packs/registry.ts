// Every pack's engine problems, looked up by id or alias.
import type { Problem } from '../engine/problem.js';
import { problems as math } from './math/problems/index.js';
import { problems as superposition } from './superposition/problems/index.js';
import { problems as circuits } from './circuits/problems/index.js';
import { problems as nnqft } from './nnqft/problems/index.js';
import { problems as lipschitz } from './lipschitz/problems/index.js';
import { problems as toy } from './toy/problems/index.js';

export function allProblems(): Problem[] {
  return [...toy, ...math, ...superposition, ...circuits, ...nnqft, ...lipschitz];
}

export function findProblem(idOrAlias: string): Problem | undefined {
  return allProblems().find((p) => p.id === idOrAlias || (p.aliases ?? []).includes(idOrAlias));
}
