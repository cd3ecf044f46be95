// The shared shape of the math engine problems: a Problem built around a MathVerifier (each
// problem's initial program is the file problems/<id>/initial.js).
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
