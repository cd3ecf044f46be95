// Problems in OpenEvolve's layout: `initial_program.py` + `evaluator.py` (+ optional
// `config.yaml`), run unchanged. The evaluator's `evaluate(program_path)` (or its
// `evaluate_stage1/2/3` cascade) imports the program, so both run together inside the candidate's
// jail: a program can fool such an evaluator (docs/security.md says so). evolab provides the
// `openevolve.evaluation_result` module those evaluators import.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { CascadeStage, MetricSpec, Problem, Verdict } from '../problem.js';
import { reject } from '../problem.js';
import { PYTHON_DIR } from '../sandbox/runtimes.js';
import { ProblemFolderError } from './manifest.js';

export const OPENEVOLVE_EVALUATOR = 'evaluator.py';
export const OPENEVOLVE_PROGRAM = 'initial_program.py';
/** The primary metric when an evaluator reports no combined_score: the mean of its numeric metrics. */
export const AVERAGE = 'average';

export function isOpenEvolveFolder(dir: string): boolean {
  return existsSync(join(dir, OPENEVOLVE_EVALUATOR)) && existsSync(join(dir, OPENEVOLVE_PROGRAM));
}

/** The Python program the sandbox runs: it writes the candidate to a file and calls the evaluator. */
export function wrapperProgram(folder: string, source: string): string {
  return `import json as _json, math as _math, os as _os, sys as _sys, tempfile as _tempfile
_FOLDER = ${JSON.stringify(folder)}
_SHIM = ${JSON.stringify(join(PYTHON_DIR, 'shim'))}
_SOURCE = ${JSON.stringify(source)}


def _metrics_of(result):
    metrics = getattr(result, "metrics", result)
    artifacts = dict(getattr(result, "artifacts", None) or {})
    if not isinstance(metrics, dict):
        raise TypeError("the evaluator returned %s, not a dict of metrics" % type(metrics).__name__)
    numbers = {}
    for key, value in metrics.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            artifacts[str(key)] = value
        else:
            numbers[str(key)] = float(value)
    return numbers, artifacts


def run(input=None):
    import importlib.util
    _sys.path[:0] = [_SHIM, _FOLDER]
    path = _os.path.join(_tempfile.mkdtemp(), "program.py")
    with open(path, "w") as f:
        f.write(_SOURCE)
    spec = importlib.util.spec_from_file_location("evaluator", _os.path.join(_FOLDER, "evaluator.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    numbers, artifacts = _metrics_of(getattr(module, input["function"])(path))
    for key, value in artifacts.items():  # evaluator-provided text joins the log, fenced in prompts
        _sys.stderr.write("artifact %s: %s\\n" % (key, str(value)[:2000]))
    return {"metrics": numbers}
`;
}

function evaluatorFunctions(text: string): string[] {
  return ['evaluate', 'evaluate_stage1', 'evaluate_stage2', 'evaluate_stage3'].filter((f) => new RegExp(`^def\\s+${f}\\s*\\(`, 'm').test(text));
}

/** The settings of OpenEvolve's config.yaml that evolab understands, and the names of the rest. */
export interface MappedConfig {
  config: Record<string, unknown>;
  thresholds: number[];
  timeoutMs: number | undefined;
  cascade: boolean;
  ignored: string[];
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

function mapLlm(llm: Obj, prompt: Obj, diffBased: unknown, used: Set<string>): Obj | null {
  const models = Array.isArray(llm.models) ? (llm.models as unknown[]).map(obj).filter((m) => typeof m.name === 'string') : [];
  if (models.length === 0 || typeof llm.api_base !== 'string') return null;
  for (const k of ['llm.api_base', 'llm.models', 'llm.temperature', 'llm.max_tokens', 'llm.timeout', 'llm.retries', 'prompt.system_message', 'diff_based_evolution']) used.add(k);
  const out: Obj = { baseUrl: llm.api_base, models: models.map((m) => ({ name: m.name, ...(typeof m.weight === 'number' ? { weight: m.weight } : {}) })) };
  if (typeof llm.temperature === 'number') out.temperature = llm.temperature;
  if (typeof llm.max_tokens === 'number') out.maxTokens = llm.max_tokens;
  if (typeof llm.timeout === 'number') out.timeoutMs = Math.round(llm.timeout * 1000);
  if (typeof llm.retries === 'number') out.maxRetries = llm.retries;
  if (typeof prompt.system_message === 'string') out.extraInstructions = prompt.system_message;
  if (typeof diffBased === 'boolean') out.diffMode = diffBased ? 'diff' : 'full';
  return out;
}

/** Lists every leaf key of a YAML mapping as a dotted path. */
function leafKeys(o: Obj, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? leafKeys(v as Obj, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

export function mapOpenEvolveConfig(dir: string): MappedConfig {
  const file = join(dir, 'config.yaml');
  const empty: MappedConfig = { config: {}, thresholds: [], timeoutMs: undefined, cascade: true, ignored: [] };
  if (!existsSync(file)) return empty;
  let raw: Obj;
  try {
    raw = obj(parseYaml(readFileSync(file, 'utf8')));
  } catch (e) {
    throw new ProblemFolderError(`${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const used = new Set<string>();
  const config: Obj = {};
  if (typeof raw.max_iterations === 'number') { config.iterations = raw.max_iterations; used.add('max_iterations'); }
  if (raw.random_seed !== undefined && raw.random_seed !== null) { config.seed = String(raw.random_seed); used.add('random_seed'); }
  const db = obj(raw.database);
  if (typeof db.num_islands === 'number') { config.database = { islands: db.num_islands }; used.add('database.num_islands'); }
  if (typeof db.migration_interval === 'number') { config.database = { ...obj(config.database), migrationInterval: db.migration_interval }; used.add('database.migration_interval'); }
  const ev = obj(raw.evaluator);
  const thresholds = Array.isArray(ev.cascade_thresholds) ? (ev.cascade_thresholds as unknown[]).filter((x): x is number => typeof x === 'number') : [];
  if (thresholds.length) used.add('evaluator.cascade_thresholds');
  const cascade = ev.cascade_evaluation !== false;
  if (ev.cascade_evaluation !== undefined) used.add('evaluator.cascade_evaluation');
  const timeoutMs = typeof ev.timeout === 'number' ? Math.round(ev.timeout * 1000) : undefined;
  if (timeoutMs !== undefined) used.add('evaluator.timeout');
  const llm = mapLlm(obj(raw.llm), obj(raw.prompt), raw.diff_based_evolution, used);
  if (llm) config.llm = llm;
  const ignored = leafKeys(raw).filter((k) => !used.has(k) && ![...used].some((u) => k.startsWith(u + '.')));
  return { config, thresholds, timeoutMs, cascade, ignored };
}

function stagesOf(functions: string[], mapped: MappedConfig): CascadeStage[] | undefined {
  const cascade = functions.filter((f) => f.startsWith('evaluate_stage'));
  if (!mapped.cascade || cascade.length === 0) return functions.includes('evaluate') ? undefined : [{ name: 'evaluate', input: { function: 'evaluate' } }];
  const stages: CascadeStage[] = cascade.map((f, i) => ({ name: f.replace('evaluate_', ''), input: { function: f }, threshold: mapped.thresholds[i] }));
  // OpenEvolve's last word is evaluate() when the cascade has no stage after the last threshold.
  if (functions.includes('evaluate') && cascade.length === 1) stages.push({ name: 'evaluate', input: { function: 'evaluate' } });
  stages[stages.length - 1].threshold = undefined;
  return stages;
}

function verdictOf(output: unknown, primary: string): Verdict {
  const metrics = (output as { metrics?: Record<string, unknown> } | null)?.metrics;
  if (!metrics || typeof metrics !== 'object') return reject('the evaluator returned no metrics');
  const numbers: Record<string, number> = {};
  for (const [k, v] of Object.entries(metrics)) if (typeof v === 'number') numbers[k] = v;
  const finite = Object.values(numbers).filter((v) => Number.isFinite(v));
  if (primary === AVERAGE) numbers[AVERAGE] = finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : NaN;
  const value = numbers[primary];
  if (typeof value !== 'number' || !Number.isFinite(value)) return { valid: false, reason: `the evaluator's ${primary} is ${value}, not a finite number`, metrics: numbers };
  return { valid: true, metrics: numbers };
}

/** A problem for an OpenEvolve folder (`dir` absolute). */
export function openEvolveProblem(dir: string): { problem: Problem; mapped: MappedConfig } {
  const evaluatorText = readFileSync(join(dir, OPENEVOLVE_EVALUATOR), 'utf8');
  const functions = evaluatorFunctions(evaluatorText);
  if (functions.length === 0) throw new ProblemFolderError(`${join(dir, OPENEVOLVE_EVALUATOR)}: defines neither evaluate(program_path) nor evaluate_stage1(program_path)`);
  const mapped = mapOpenEvolveConfig(dir);
  const primary = /["']combined_score["']/.test(evaluatorText) ? 'combined_score' : AVERAGE;
  const metrics: MetricSpec[] = [{ name: primary, direction: 'max', description: primary === AVERAGE ? 'mean of the numeric metrics the evaluator returns' : "the evaluator's combined_score" }];
  const id = basename(dir).toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'openevolve';
  const problem: Problem = {
    id,
    pack: 'folder',
    title: `${basename(dir)} (OpenEvolve layout)`,
    description: `Improve the program; it is scored by the folder's evaluator.py (${functions.join(', ')}). Higher ${primary} is better.`,
    initialProgram: readFileSync(join(dir, OPENEVOLVE_PROGRAM), 'utf8'),
    language: 'python',
    metrics,
    primaryMetric: primary,
    stages: stagesOf(functions, mapped),
    descriptors: [],
    timeoutMs: mapped.timeoutMs ?? 60_000,
    memoryMb: 1024,
    verify: (output) => verdictOf(output, primary),
    wrapProgram: (source) => wrapperProgram(resolve(dir), source),
    readOnly: [resolve(dir)],
  };
  if (!problem.stages) problem.stages = [{ name: 'evaluate', input: { function: 'evaluate' } }];
  return { problem, mapped };
}
