// `noop`: a trivial problem for measuring the engine's own cost per candidate (`evolab run noop`).
import type { Problem, Verdict } from '../../../engine/problem.js';
import { reject } from '../../../engine/problem.js';
import { initialProgram } from '../../initial-program.js';


export const noop: Problem = {
  id: 'noop',
  pack: 'toy',
  title: 'No-op: one tunable constant',
  description: 'run() returns {value: VALUE}; any finite value is valid and scores -|VALUE - 1| (higher is better). For measuring the engine itself.',
  initialProgram: initialProgram(import.meta.url, 'noop'),
  metrics: [{ name: 'score', direction: 'max', description: '-|value - 1|' }],
  primaryMetric: 'score',
  descriptors: [],
  timeoutMs: 5000,
  memoryMb: 128,
  verify(output: unknown): Verdict {
    const v = output !== null && typeof output === 'object' && Object.hasOwn(output, 'value') ? (output as { value: unknown }).value : undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) return reject('expected {value: <finite number>}');
    return { valid: true, metrics: { score: -Math.abs(v - 1) } };
  },
};

/** The same problem with a Python program (`evolab run noop-py`), for the Python runner's cost. */
export const noopPython: Problem = {
  ...noop,
  id: 'noop_py',
  aliases: ['noop-py'],
  title: 'No-op (Python): one tunable constant',
  language: 'python',
  initialProgram: initialProgram(import.meta.url, 'noop_py'),
};
