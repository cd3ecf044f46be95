// Rosenbrock's valley in 8 dimensions: a smooth, badly conditioned test of the optimiser.
import type { Problem } from '../../../engine/problem.js';
import { reject } from '../../../engine/problem.js';
import { initialProgram } from '../../initial-program.js';

const DIM = 8;

export function rosenbrockValue(x: number[]): number {
  let f = 0;
  for (let i = 0; i + 1 < x.length; i++) f += 100 * (x[i + 1] - x[i] * x[i]) ** 2 + (1 - x[i]) ** 2;
  return f;
}

export const rosenbrock: Problem = {
  id: 'rosenbrock-8',
  pack: 'toy',
  title: "Rosenbrock's function in 8 dimensions",
  description:
    `Return {x: [${DIM} numbers]} minimising f(x) = Σ 100(x[i+1] − x[i]²)² + (1 − x[i])² (unitless, lower is better, minimum 0 at x = 1). ` +
    'Coordinates must be finite and within [−10, 10].',
  initialProgram: initialProgram(import.meta.url, 'rosenbrock-8'),
  metrics: [{ name: 'value', direction: 'min', description: "Rosenbrock's function at x" }],
  primaryMetric: 'value',
  descriptors: [{ name: 'norm', min: 0, max: 6, bins: 6, description: 'Euclidean norm of x' }],
  timeoutMs: 5000,
  memoryMb: 128,
  verify(output) {
    const x = (output as { x?: unknown } | null)?.x;
    if (!Array.isArray(x) || x.length !== DIM) return reject(`x must be an array of ${DIM} numbers`);
    for (let i = 0; i < DIM; i++) {
      if (typeof x[i] !== 'number' || !Number.isFinite(x[i])) return reject(`x[${i}] is ${x[i]}; must be a finite number`);
      if (Math.abs(x[i]) > 10) return reject(`x[${i}] = ${x[i]} is outside [−10, 10]`);
    }
    return { valid: true, metrics: { value: rosenbrockValue(x) }, features: { norm: Math.hypot(...x) } };
  },
};
