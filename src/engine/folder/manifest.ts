// `evolab.yaml`: the description of a problem that lives in a folder. Every field is checked
// here, and every error names the file and the field and says what was expected.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { CascadeStage, DescriptorSpec, Direction, MetricSpec } from '../problem.js';
import type { Language } from '../sandbox/runtimes.js';

export const MANIFEST = 'evolab.yaml';

export class ProblemFolderError extends Error {}

export type EvaluatorSpec = { kind: 'module'; file: string; language: Language } | { kind: 'command'; command: string[] };

/** A program in any other language: a run command (and an optional build) in the jail. */
export interface CommandProgram {
  /** e.g. ["Rscript", "{program}"]; {program} is the candidate's file inside the jail's scratch folder. */
  run: string[];
  build: string[] | null;
}

export interface Manifest {
  id: string;
  title: string;
  description: string;
  language: Language | 'command';
  command: CommandProgram | null;
  /** The initial program's path, inside the folder. */
  program: string;
  evaluator: EvaluatorSpec;
  metrics: MetricSpec[];
  primary: string;
  stages: CascadeStage[] | undefined;
  descriptors: DescriptorSpec[];
  timeoutMs: number | undefined;
  memoryMb: number | undefined;
  input: unknown;
  /** Folders inside the problem folder that programs may read (read-only), e.g. data. */
  data: string[];
}

const KEYS = ['id', 'title', 'description', 'language', 'program', 'run', 'build', 'evaluator', 'metrics', 'primary', 'stages', 'descriptors', 'limits', 'input', 'data'];
const LANGUAGE_OF: Record<string, Language> = { '.js': 'javascript', '.mjs': 'javascript', '.py': 'python' };

/** Reads fields of one YAML mapping, naming each in its errors. */
class Fields {
  constructor(readonly file: string, readonly where: string, readonly data: Record<string, unknown>) {}

  fail(field: string, expected: string, got?: unknown): never {
    const shown = got === undefined ? 'nothing' : JSON.stringify(got)?.slice(0, 80);
    throw new ProblemFolderError(`${this.file}: ${this.where}${field}: expected ${expected}, got ${shown}`);
  }

  has(field: string): boolean {
    return Object.hasOwn(this.data, field) && this.data[field] !== null && this.data[field] !== undefined;
  }

  onlyKeys(allowed: string[]): void {
    for (const k of Object.keys(this.data)) {
      if (!allowed.includes(k)) throw new ProblemFolderError(`${this.file}: ${this.where}${k}: unknown key (known: ${allowed.join(', ')})`);
    }
  }

  string(field: string, pattern?: RegExp, what = 'a non-empty string'): string {
    const v = this.data[field];
    if (typeof v !== 'string' || v.trim() === '' || (pattern && !pattern.test(v))) this.fail(field, what, v);
    return v;
  }

  optionalString(field: string, fallback: string): string {
    return this.has(field) ? this.string(field) : fallback;
  }

  number(field: string, min: number, integer = false): number | undefined {
    if (!this.has(field)) return undefined;
    const v = this.data[field];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || (integer && !Number.isInteger(v))) this.fail(field, `${integer ? 'an integer' : 'a number'} ≥ ${min}`, v);
    return v;
  }

  list(field: string): Fields[] {
    const v = this.data[field];
    if (!Array.isArray(v)) this.fail(field, 'a list', v);
    return v.map((item, i) => {
      if (!item || typeof item !== 'object' || Array.isArray(item)) this.fail(`${field}[${i}]`, 'a mapping', item);
      return new Fields(this.file, `${this.where}${field}[${i}].`, item as Record<string, unknown>);
    });
  }

  map(field: string): Fields {
    const v = this.data[field];
    if (!v || typeof v !== 'object' || Array.isArray(v)) this.fail(field, 'a mapping', v);
    return new Fields(this.file, `${this.where}${field}.`, v as Record<string, unknown>);
  }
}

/** A path named in the manifest: relative, inside the folder, existing. */
function insideFile(dir: string, f: Fields, field: string, kind: 'file' | 'folder'): string {
  const rel = f.string(field);
  const abs = resolve(dir, rel);
  if (!abs.startsWith(resolve(dir) + '/')) f.fail(field, 'a path inside the problem folder', rel);
  if (!existsSync(abs)) f.fail(field, `an existing ${kind} (${abs} does not exist)`, rel);
  const isDir = statSync(abs).isDirectory();
  if (isDir !== (kind === 'folder')) f.fail(field, `a ${kind}`, rel);
  return abs;
}

function metricsOf(f: Fields): MetricSpec[] {
  const list = f.list('metrics');
  if (list.length === 0) f.fail('metrics', 'at least one metric');
  return list.map((m) => {
    m.onlyKeys(['name', 'direction', 'description']);
    const direction = m.string('direction', /^(max|min)$/, '"max" or "min"') as Direction;
    return { name: m.string('name', /^[A-Za-z_][\w.-]*$/, 'a metric name (letters, digits, _ . -)'), direction, description: m.optionalString('description', '') };
  });
}

function stagesOf(f: Fields): CascadeStage[] | undefined {
  if (!f.has('stages')) return undefined;
  return f.list('stages').map((s) => {
    s.onlyKeys(['name', 'input', 'threshold', 'timeoutMs']);
    const threshold = s.has('threshold') ? s.number('threshold', -Infinity) : undefined;
    return { name: s.string('name'), input: s.data.input ?? null, threshold, timeoutMs: s.number('timeoutMs', 1, true) };
  });
}

function descriptorsOf(f: Fields): DescriptorSpec[] {
  if (!f.has('descriptors')) return [];
  return f.list('descriptors').map((d) => {
    d.onlyKeys(['name', 'min', 'max', 'bins', 'description']);
    const min = d.number('min', -Infinity) ?? d.fail('min', 'a number');
    const max = d.number('max', -Infinity) ?? d.fail('max', 'a number');
    if (!(max > min)) d.fail('max', `a number above min (${min})`, d.data.max);
    return { name: d.string('name'), min, max, bins: d.number('bins', 1, true) ?? 10, description: d.has('description') ? d.string('description') : undefined };
  });
}

function evaluatorOf(dir: string, f: Fields): EvaluatorSpec {
  const e = f.map('evaluator');
  e.onlyKeys(['file', 'command']);
  if (e.has('file') === e.has('command')) e.fail('file', 'exactly one of file (a .js/.mjs/.py module with verify(output, input)) or command (a list of strings)', e.data.file ?? e.data.command);
  if (e.has('file')) {
    const file = insideFile(dir, e, 'file', 'file');
    const language = LANGUAGE_OF[extname(file)];
    if (!language) e.fail('file', 'a .js, .mjs or .py file', e.data.file);
    return { kind: 'module', file, language };
  }
  const cmd = e.data.command;
  if (!Array.isArray(cmd) || cmd.length === 0 || !cmd.every((x) => typeof x === 'string' && x !== '')) e.fail('command', 'a non-empty list of strings, e.g. ["python3", "score.py"]', cmd);
  return { kind: 'command', command: cmd as string[] };
}

function commandList(f: Fields, field: string): string[] {
  const v = f.data[field];
  if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === 'string' && x !== '')) f.fail(field, 'a non-empty list of strings, e.g. ["Rscript", "{program}"]', v);
  if (field === 'run' && !(v as string[]).some((x) => x.includes('{program}') || x.includes('{scratch}'))) f.fail(field, 'a command that names {program} (or a binary built into {scratch})', v);
  return v as string[];
}

/** `data:` — folders inside the problem folder that programs may read. */
function dataFolders(dir: string, f: Fields): string[] {
  if (!f.has('data')) return [];
  const list = f.data.data;
  if (!Array.isArray(list)) f.fail('data', 'a list of folders', list);
  const items = new Fields(f.file, '', Object.fromEntries(list.map((v, i) => [`data[${i}]`, v])));
  return list.map((_, i) => insideFile(dir, items, `data[${i}]`, 'folder'));
}

function parseFile(file: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ProblemFolderError(`${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ProblemFolderError(`${file}: expected a mapping of settings at the top level`);
  return data as Record<string, unknown>;
}

/** Reads and checks `<dir>/evolab.yaml`. */
export function readManifest(dir: string): Manifest {
  const file = join(dir, MANIFEST);
  const f = new Fields(file, '', parseFile(file));
  f.onlyKeys(KEYS);
  const program = insideFile(dir, f, 'program', 'file');
  const inferred = LANGUAGE_OF[extname(program)];
  const language = (f.has('language') ? f.string('language', /^(javascript|python|command)$/, '"javascript", "python" or "command"') : inferred) as Language | 'command' | undefined;
  if (!language) return f.fail('language', '"javascript", "python" or "command" (the program\'s extension does not say)', f.data.language);
  if (inferred && language !== 'command' && inferred !== language) f.fail('language', `"${inferred}" for ${f.data.program}`, f.data.language);
  const command = language === 'command' ? { run: commandList(f, 'run'), build: f.has('build') ? commandList(f, 'build') : null } : null;
  if (language !== 'command') for (const k of ['run', 'build']) if (f.has(k)) f.fail(k, 'nothing unless language is "command"', f.data[k]);
  const metrics = metricsOf(f);
  const primary = f.has('primary') ? f.string('primary') : metrics.length === 1 ? metrics[0].name : f.fail('primary', 'the name of the metric that ranks programs (several metrics are listed)');
  if (!metrics.some((m) => m.name === primary)) f.fail('primary', `one of the metrics (${metrics.map((m) => m.name).join(', ')})`, primary);
  const limits = f.has('limits') ? f.map('limits') : null;
  limits?.onlyKeys(['timeoutMs', 'memoryMb']);
  const data = dataFolders(dir, f);
  return {
    id: f.string('id', /^[a-z0-9][a-z0-9_-]{0,63}$/, 'an id of lower-case letters, digits, - and _ (at most 64)'),
    title: f.optionalString('title', String(f.data.id)),
    description: f.string('description'),
    language,
    command,
    program,
    evaluator: evaluatorOf(dir, f),
    metrics,
    primary,
    stages: stagesOf(f),
    descriptors: descriptorsOf(f),
    timeoutMs: limits?.number('timeoutMs', 1, true),
    memoryMb: limits?.number('memoryMb', 16, true),
    input: f.data.input ?? null,
    data,
  };
}
