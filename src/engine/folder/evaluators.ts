// Evaluators of folder problems. Each runs in a jail of its own, apart from the candidate, and
// receives only the candidate's output data: a module's `verify(output, input)` (JavaScript or
// Python), or a command of any language that reads {"output", "input"} as JSON on stdin and
// prints its verdict as JSON on stdout.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { encodeJson } from '../data-json.js';
import type { MetricSpec, Verdict } from '../problem.js';
import { DEFAULT_LIMITS, runCommandInJail, runInSandbox, type SandboxLimits } from '../sandbox/sandbox.js';
import type { EvaluatorSpec } from './manifest.js';

/** Evaluators get their own limits: a verdict may cost more than a candidate's run. */
export const EVALUATOR_LIMITS: SandboxLimits = { ...DEFAULT_LIMITS, timeoutMs: 60_000, memoryMb: 1024 };

/** The module's source with an entry point that hands it the data. */
export function evaluatorProgram(spec: Extract<EvaluatorSpec, { kind: 'module' }>): string {
  const source = readFileSync(spec.file, 'utf8');
  if (spec.language === 'python') return `${source}\n\ndef run(__evolab):\n    return verify(__evolab["output"], __evolab["input"])\n`;
  return `${source}\n;\nexport function run(__evolab) { return verify(__evolab.output, __evolab.input); }\n`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Reads an evaluator's answer: `{metrics: {...}, valid?, reason?, features?}` or a bare mapping
 * of metric names to numbers. Every declared metric it reports must be a finite number.
 */
export function verdictFrom(data: unknown, metrics: MetricSpec[], primary: string, who: string): Verdict {
  if (!isRecord(data)) return { valid: false, reason: `${who} returned ${JSON.stringify(data)?.slice(0, 60)}, not a mapping of metrics`, metrics: {} };
  const wrapped = isRecord(data.metrics);
  const raw = (wrapped ? data.metrics : data) as Record<string, unknown>;
  const out: Record<string, number> = {};
  for (const m of metrics) {
    if (!Object.hasOwn(raw, m.name)) continue;
    const v = raw[m.name];
    if (typeof v !== 'number' || !Number.isFinite(v)) return { valid: false, reason: `${who}: metric ${m.name} is ${typeof v === 'number' ? String(v) : JSON.stringify(v) ?? String(v)}, not a finite number`, metrics: {} };
    out[m.name] = v;
  }
  if (wrapped && data.valid === false) return { valid: false, reason: typeof data.reason === 'string' ? data.reason : `${who} rejected the output`, metrics: out };
  if (!Object.hasOwn(out, primary)) return { valid: false, reason: `${who} reported no ${primary} (its metrics: ${Object.keys(raw).join(', ') || 'none'})`, metrics: out };
  const features: Record<string, number> = {};
  if (wrapped && isRecord(data.features)) for (const [k, v] of Object.entries(data.features)) if (typeof v === 'number' && Number.isFinite(v)) features[k] = v;
  return { valid: true, metrics: out, features };
}

/** Runs the evaluator on one output; its failures become rejections that name it. */
export async function evaluate(spec: EvaluatorSpec, folder: string, output: unknown, input: unknown, metrics: MetricSpec[], primary: string, signal?: AbortSignal): Promise<Verdict> {
  const data = { output, input };
  const who = spec.kind === 'module' ? `evaluator ${spec.file}` : `evaluator command ${JSON.stringify(spec.command.join(' '))}`;
  const ran = spec.kind === 'module'
    ? await runInSandbox(evaluatorProgram(spec), JSON.parse(encodeJson(data)), EVALUATOR_LIMITS, signal, { language: spec.language, readOnly: [folder, dirname(spec.file)] })
    : await runCommandInJail(spec.command, encodeJson(data), EVALUATOR_LIMITS, folder, [], signal);
  if (!ran.ok) return { valid: false, reason: `${who} failed: ${ran.reason}`, metrics: {} };
  return verdictFrom(ran.output, metrics, primary, who);
}
