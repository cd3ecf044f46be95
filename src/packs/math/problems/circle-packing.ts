// Circle packing problems: maximise the sum of radii of n disjoint circles in a container.
import type { DescriptorSpec, Problem, Verdict } from '../../../engine/problem.js';
import { reject } from '../../../engine/problem.js';
import { checkPacking, type Circle, type Container } from '../circles.js';
import { initialProgram } from '../../initial-program.js';

const descriptors: DescriptorSpec[] = [
  { name: 'radiusSpread', min: 0, max: 1, bins: 8, description: 'coefficient of variation of the radii' },
];

function spread(circles: Circle[]): number {
  const n = circles.length;
  const mean = circles.reduce((a, c) => a + c.r, 0) / n;
  if (mean === 0) return 0;
  const variance = circles.reduce((a, c) => a + (c.r - mean) ** 2, 0) / n;
  return Math.sqrt(variance) / mean;
}

function packingProblem(opts: {
  id: string;
  aliases?: string[];
  n: number;
  rows: number[];
  container: Container;
  title: string;
  where: string;
  best: number;
}): Problem {
  return {
    id: opts.id,
    aliases: opts.aliases,
    pack: 'math',
    title: opts.title,
    description:
      `Place ${opts.n} circles ${opts.where} so that no two overlap (tangency allowed), maximising the sum of radii ` +
      `(unitless; higher is better; best published ≈ ${opts.best}). run() must return {circles: [[x, y, r], …]} with ` +
      `${opts.n} finite triples and r ≥ 0. Disjointness and containment are checked in exact arithmetic: no tolerance.`,
    initialProgram: initialProgram(import.meta.url, opts.id),
    metrics: [{ name: 'sumRadii', direction: 'max', description: 'sum of the radii' }],
    primaryMetric: 'sumRadii',
    descriptors,
    timeoutMs: 10_000,
    memoryMb: 256,
    verify(output: unknown): Verdict {
      const check = checkPacking(output, opts.n, opts.container);
      if (!check.valid) return reject(check.reason);
      return { valid: true, metrics: { sumRadii: check.sumRadii }, features: { radiusSpread: spread(check.circles) } };
    },
  };
}

export const circlePacking26 = packingProblem({
  id: 'circle_packing_square_26',
  aliases: ['circle-packing-26'],
  n: 26,
  rows: [5, 5, 6, 5, 5],
  container: { kind: 'square' },
  title: 'Circle packing: 26 circles in the unit square',
  where: 'in the unit square [0,1]²',
  best: 2.6359,
});

export const circlePacking32 = packingProblem({
  id: 'circle_packing_square_32',
  aliases: ['circle-packing-32'],
  n: 32,
  rows: [6, 5, 6, 5, 6, 4],
  container: { kind: 'square' },
  title: 'Circle packing: 32 circles in the unit square',
  where: 'in the unit square [0,1]²',
  best: 2.9379,
});

export const circlePackingRectangle21 = packingProblem({
  id: 'circle_packing_rectangle_21',
  aliases: ['circle-packing-rect-21'],
  n: 21,
  rows: [5, 4, 5, 4, 3],
  container: { kind: 'perimeter', perimeter: 4 },
  title: 'Circle packing: 21 circles in a rectangle of perimeter 4',
  where: 'so that their axis-aligned bounding box has width + height ≤ 2',
  best: 2.3658,
});

/** The same problem and verifier as circle_packing_square_26, with a Python (numpy) initial program. */
export const circlePacking26Python: Problem = {
  ...circlePacking26,
  id: 'circle_packing_square_26_py',
  aliases: ['circle-packing-26-py'],
  title: 'Circle packing: 26 circles in the unit square (Python)',
  description: circlePacking26.description.replace('run() must return', 'run(input) (Python, numpy available) must return'),
  language: 'python',
  initialProgram: initialProgram(import.meta.url, 'circle_packing_square_26_py'),
};

export const circlePackingProblems: Problem[] = [circlePacking26, circlePacking26Python, circlePacking32, circlePackingRectangle21];
