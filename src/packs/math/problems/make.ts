// Shared pieces of the math engine problems: a Problem built around a MathVerifier, and a
// program template for a seeded hill climb whose constants sit in the EVOLVE-BLOCK.
import type { DescriptorSpec, Problem, Verdict } from '../../../engine/problem.js';
import { reject } from '../../../engine/problem.js';
import type { MathVerifier } from '../verify/types.js';

export interface MathProblemSpec {
  verifier: MathVerifier;
  title: string;
  /** What run() must return and how it is scored (the verifier's direction is appended). */
  description: string;
  metric: string;
  metricDescription: string;
  initialProgram: string;
  descriptors: DescriptorSpec[];
  aliases?: string[];
  timeoutMs?: number;
  /** Overrides the verifier's own check (e.g. a size cap for the engine instance). */
  verify?: (output: unknown) => ReturnType<MathVerifier['verify']>;
}

export function mathProblem(spec: MathProblemSpec): Problem {
  const v = spec.verifier;
  const check = spec.verify ?? v.verify;
  return {
    id: v.id,
    aliases: spec.aliases ?? v.aliases,
    pack: 'math',
    title: spec.title,
    description: `${spec.description} ${v.direction === 'max' ? 'Higher' : 'Lower'} is better. Checks: ${v.toleranceNote}.`,
    initialProgram: spec.initialProgram,
    metrics: [{ name: spec.metric, direction: v.direction, description: spec.metricDescription }],
    primaryMetric: spec.metric,
    descriptors: spec.descriptors,
    timeoutMs: spec.timeoutMs ?? 10_000,
    memoryMb: 512,
    verify(output: unknown): Verdict {
      const r = check(output);
      if (!r.valid || r.value === null) return reject(r.reason ?? 'rejected');
      return { valid: true, metrics: { [spec.metric]: r.value }, features: r.features ?? {} };
    },
  };
}

/** Seeded uniform generator (mulberry32) as JavaScript source, for programs without imports. */
export const RANDOM_SOURCE = `function makeRandom(seed) {
  let a = (Math.floor(Math.abs(seed)) >>> 0) || 1;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}`;

export interface ClimbSpec {
  /** First comment lines: what the program builds. */
  header: string;
  /** Extra constants (JS source lines) placed in the block. */
  constants: string;
  /** Body of init(random) → number[] (the parameter vector), inside the block. */
  init: string;
  /** Body of repair(x) → number[] (clamps to the feasible set), outside the block. */
  repair: string;
  /** Body of quality(x) → number, higher is better, outside the block (mirrors the verifier). */
  quality: string;
  /** Body of output(x) → the construction object, outside the block. */
  output: string;
  /**
   * Body of score(x) → number, higher is better: the true objective when quality is a smoothed
   * surrogate. The program returns the visited point with the best score. Defaults to quality.
   */
  score?: string;
  seed?: number;
  iterations?: number;
  step?: number;
  /** Hard cap on iterations whatever the evolved constant says (keeps runs within the timeout). */
  maxIterations?: number;
}

/**
 * A program that builds a parametrised start, then hill-climbs it: each step moves one or a few
 * coordinates by a random amount, repairs feasibility, and keeps the move when quality does not drop.
 */
export function climbProgram(s: ClimbSpec): string {
  return `${s.header}

// EVOLVE-BLOCK-START
const SEED = ${s.seed ?? 1};
const ITERATIONS = ${s.iterations ?? 3000};
const STEP = ${s.step ?? 0.05};
const STEP_DECAY = 0.999;
const MOVES_PER_STEP = 1;
${s.constants.trim()}

function init(random) {
${indent(s.init)}
}

function perturb(x, random, step) {
  const y = x.slice();
  const moves = Math.max(1, Math.min(8, Math.round(MOVES_PER_STEP)));
  for (let m = 0; m < moves; m++) {
    const i = Math.floor(random() * y.length);
    y[i] += step * (2 * random() - 1);
  }
  return y;
}
// EVOLVE-BLOCK-END

${RANDOM_SOURCE}

function repair(x) {
${indent(s.repair)}
}

function quality(x) {
${indent(s.quality)}
}

function output(x) {
${indent(s.output)}
}

function score(x) {
${indent(s.score ?? 'return quality(x);')}
}

export function run() {
  const random = makeRandom(SEED);
  let x = repair(init(random));
  let best = quality(x);
  if (!(best > -Infinity)) best = -Infinity;
  let keep = x;
  let keepScore = score(x);
  let step = STEP;
  const n = Math.max(0, Math.min(${s.maxIterations ?? 20000}, Math.round(ITERATIONS)));
  for (let t = 0; t < n; t++) {
    const y = repair(perturb(x, random, step));
    const q = quality(y);
    if (q >= best) {
      x = y;
      best = q;
      const sc = score(y);
      if (sc > keepScore) {
        keep = y;
        keepScore = sc;
      }
    }
    step *= STEP_DECAY;
  }
  return output(keep);
}
`;
}

function indent(body: string): string {
  return body
    .trim()
    .split('\n')
    .map((l) => '  ' + l)
    .join('\n');
}
