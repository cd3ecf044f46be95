// Evaluates one program: runs each cascade stage in the sandbox, scores the output with the
// problem's verifier (in this process, on the data alone), and stops early below a threshold.
import type { CascadeStage, Problem, Verdict } from './problem.js';
import type { CandidateRecord, CandidateStatus, StageResult } from './candidate.js';
import { DEFAULT_LIMITS, runInSandbox, type SandboxLimits } from './sandbox/sandbox.js';

/** The part of a candidate's record that evaluation decides. */
export type Evaluation = Pick<CandidateRecord, 'metrics' | 'features' | 'fitness' | 'reason' | 'stderrTail' | 'stages' | 'output'> & {
  status: Extract<CandidateStatus, 'valid' | 'invalid' | 'crashed'>;
  runMs: number;
  verifyMs: number;
};

export function primaryDirection(problem: Problem): 'max' | 'min' {
  const spec = problem.metrics.find((m) => m.name === problem.primaryMetric);
  if (!spec) throw new Error(`problem ${problem.id}: primary metric ${problem.primaryMetric} is not among its metrics`);
  return spec.direction;
}

/** The primary metric oriented so that larger is better. */
export function fitnessOf(problem: Problem, metrics: Record<string, number>): number {
  const v = metrics[problem.primaryMetric];
  if (typeof v !== 'number' || Number.isNaN(v)) return NaN;
  return primaryDirection(problem) === 'max' ? v : -v;
}

/** Calls the verifier defensively: an exception or a malformed verdict becomes a rejection. */
export async function safeVerify(problem: Problem, output: unknown, stage: CascadeStage | null, signal?: AbortSignal): Promise<Verdict> {
  let v: Verdict;
  try {
    v = problem.verifyAsync ? await problem.verifyAsync(output, stage, signal) : problem.verify(output, stage);
  } catch (e) {
    return { valid: false, reason: `verifier error: ${(e as Error).message}`, metrics: {} };
  }
  if (!v || typeof v.valid !== 'boolean') return { valid: false, reason: 'verifier returned no verdict', metrics: {} };
  if (v.valid) {
    const value = v.metrics?.[problem.primaryMetric];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return { valid: false, reason: `primary metric ${problem.primaryMetric} is ${value}, not a finite number`, metrics: v.metrics ?? {} };
    }
  }
  return v;
}

function passes(problem: Problem, stage: CascadeStage, metrics: Record<string, number>): boolean {
  if (stage.threshold === undefined) return true;
  const v = metrics[problem.primaryMetric];
  return primaryDirection(problem) === 'max' ? v >= stage.threshold : v <= stage.threshold;
}

/** Limits for one stage: the run's overrides first, then the stage's, the problem's, the engine's defaults. */
export function limitsFor(problem: Problem, stage: CascadeStage | null, overrides: Partial<SandboxLimits> = {}): SandboxLimits {
  return {
    timeoutMs: overrides.timeoutMs ?? stage?.timeoutMs ?? problem.timeoutMs ?? DEFAULT_LIMITS.timeoutMs,
    memoryMb: overrides.memoryMb ?? problem.memoryMb ?? DEFAULT_LIMITS.memoryMb,
    maxOutputBytes: overrides.maxOutputBytes ?? DEFAULT_LIMITS.maxOutputBytes,
  };
}

export async function evaluateProgram(
  problem: Problem,
  source: string,
  overrides: Partial<SandboxLimits> = {},
  signal?: AbortSignal,
): Promise<Evaluation> {
  const stages: (CascadeStage | null)[] = problem.stages && problem.stages.length ? problem.stages : [null];
  const results: StageResult[] = [];
  let runMs = 0;
  let verifyMs = 0;
  let log = '';
  let last: { verdict: Verdict; output: unknown } | null = null;
  for (const stage of stages) {
    const name = stage?.name ?? 'main';
    const program = problem.wrapProgram ? problem.wrapProgram(source) : source;
    const limits = limitsFor(problem, stage, overrides);
    const ran = problem.runProgram
      ? await problem.runProgram(program, stage?.input ?? null, limits, signal)
      : await runInSandbox(program, stage?.input ?? null, limits, signal, { language: problem.language ?? 'javascript', readOnly: problem.readOnly });
    runMs += ran.wallMs;
    log = ran.logTail;
    if (!ran.ok) {
      results.push({ stage: name, valid: false, reason: ran.reason, metrics: {}, ms: ran.wallMs });
      return { status: 'crashed', metrics: {}, features: {}, fitness: NaN, reason: `stage ${name}: ${ran.reason}`, stderrTail: log, stages: results, output: null, runMs, verifyMs };
    }
    const t0 = performance.now();
    const verdict = await safeVerify(problem, ran.output, stage, signal);
    const ms = performance.now() - t0;
    verifyMs += ms;
    results.push({ stage: name, valid: verdict.valid, reason: verdict.reason, metrics: verdict.metrics ?? {}, ms: ran.wallMs + ms });
    if (!verdict.valid) {
      return { status: 'invalid', metrics: verdict.metrics ?? {}, features: {}, fitness: NaN, reason: `stage ${name}: ${verdict.reason ?? 'rejected'}`, stderrTail: log, stages: results, output: ran.output, runMs, verifyMs };
    }
    last = { verdict, output: ran.output };
    if (stage && !passes(problem, stage, verdict.metrics)) {
      const v = verdict.metrics[problem.primaryMetric];
      return { status: 'invalid', metrics: verdict.metrics, features: verdict.features ?? {}, fitness: NaN, reason: `stage ${name}: ${problem.primaryMetric} ${v} did not reach the threshold ${stage.threshold}`, stderrTail: log, stages: results, output: ran.output, runMs, verifyMs };
    }
  }
  const verdict = last!.verdict;
  return {
    status: 'valid',
    metrics: verdict.metrics,
    features: verdict.features ?? {},
    fitness: fitnessOf(problem, verdict.metrics),
    reason: null,
    stderrTail: log,
    stages: results,
    output: last!.output,
    runMs,
    verifyMs,
  };
}
