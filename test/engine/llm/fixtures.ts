// Hand-built problem and candidate records for the LLM mutator tests.
import type { CandidateRecord } from '../../../src/engine/candidate.js';
import type { Problem } from '../../../src/engine/problem.js';
import { reject } from '../../../src/engine/problem.js';

export const TOY_SOURCE = [
  '// Toy program: the score is the value of x.',
  'export function run(input) {',
  '  // EVOLVE-BLOCK-START',
  '  const x = 1.5;',
  '  const y = x * 2;',
  '  // EVOLVE-BLOCK-END',
  '  return { x, y };',
  '}',
  '',
].join('\n');

export const toyProblem: Problem = {
  id: 'toy_max_x',
  pack: 'test',
  title: 'Toy maximisation',
  description: 'Return an object {x, y}; the score is x, larger is better, x must be at most 10.',
  initialProgram: TOY_SOURCE,
  metrics: [{ name: 'score', direction: 'max', description: 'the value of x' }],
  primaryMetric: 'score',
  descriptors: [],
  verify(output) {
    const o = output as { x?: unknown };
    if (typeof o !== 'object' || o === null || typeof o.x !== 'number' || !Number.isFinite(o.x)) return reject('x must be a finite number');
    if (o.x > 10) return reject('x must be at most 10');
    return { valid: true, metrics: { score: o.x } };
  },
};

export function record(p: Partial<CandidateRecord> & { seq: number }): CandidateRecord {
  return {
    hash: `h${p.seq}`,
    source: TOY_SOURCE,
    parentSeq: null,
    island: 0,
    generation: 0,
    status: 'valid',
    diff: '',
    mutator: 'offline',
    metrics: { score: 1.5 },
    features: {},
    fitness: 1.5,
    reason: null,
    stderrTail: '',
    stages: [],
    timings: { mutateMs: 0, runMs: 1, verifyMs: 0 },
    output: null,
    mutatorData: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...p,
  };
}

/** A distinctive inspiration: its block sets x through a loop, so the prompt can be searched for it. */
export const INSPIRATION_SOURCE = TOY_SOURCE.replace('  const x = 1.5;\n', '  let x = 0;\n  for (let i = 0; i < 7; i++) x += 1; // inspiration-marker-loop\n');
