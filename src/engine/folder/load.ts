// Turns a problem folder into a Problem: evolab's own form (`evolab.yaml`) or OpenEvolve's layout.
// A loaded problem carries its origin (path and a digest of its files), which a run stores so that
// `best` and `resume` can load it again and say when the folder has changed since.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { runCommandProgram } from '../sandbox/sandbox.js';
import type { Problem, Verdict } from '../problem.js';
import { evaluate } from './evaluators.js';
import { MANIFEST, ProblemFolderError, readManifest } from './manifest.js';
import { isOpenEvolveFolder, openEvolveProblem, type MappedConfig } from './openevolve.js';

export interface LoadedFolder {
  problem: Problem;
  /** evolab's own form, or OpenEvolve's layout (with the settings its config.yaml maps to). */
  layout: 'evolab' | 'openevolve';
  openevolve: MappedConfig | null;
}

const SKIP = new Set(['node_modules', '.git', '__pycache__', 'runs', '.venv', 'venv']);
const SMALL = 1 << 20;

/** A digest of the folder's files (content for files up to 1 MiB, size beyond), in a stable order. */
export function folderHash(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (SKIP.has(name) || name.startsWith('.')) continue;
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) {
        h.update(relative(dir, p) + '\u0000');
        h.update(st.size <= SMALL ? readFileSync(p) : `size:${st.size}`);
        h.update('\u0000');
      }
    }
  };
  walk(dir);
  return h.digest('hex');
}

function nativeProblem(dir: string): Problem {
  const m = readManifest(dir);
  const verifyAsync = (output: unknown, stage: { input: unknown } | null, signal?: AbortSignal): Promise<Verdict> =>
    evaluate(m.evaluator, dir, output, stage ? stage.input : m.input, m.metrics, m.primary, signal);
  return {
    id: m.id,
    pack: 'folder',
    title: m.title,
    description: m.description,
    initialProgram: readFileSync(m.program, 'utf8'),
    language: m.language === 'command' ? undefined : m.language,
    languageName: m.language === 'command' ? `${m.command!.run[0]} (${extname(m.program) || 'no extension'})` : undefined,
    runProgram: m.command
      ? (source, input, limits, signal) => runCommandProgram(source, input, limits, { ...m.command!, extension: extname(m.program), folder: dir, readOnly: m.data }, signal)
      : undefined,
    metrics: m.metrics,
    primaryMetric: m.primary,
    stages: m.stages ?? (m.input === null ? undefined : [{ name: 'main', input: m.input }]),
    descriptors: m.descriptors,
    timeoutMs: m.timeoutMs,
    memoryMb: m.memoryMb,
    verify: () => {
      throw new Error('a folder problem is verified by its evaluator (verifyAsync)');
    },
    verifyAsync,
    readOnly: m.data,
  };
}

/** Loads the problem in `path` (a folder); throws ProblemFolderError naming the file and field. */
export function loadProblemFolder(path: string): LoadedFolder {
  const dir = resolve(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ProblemFolderError(`${path}: not a folder`);
  let loaded: LoadedFolder;
  if (existsSync(join(dir, MANIFEST))) loaded = { problem: nativeProblem(dir), layout: 'evolab', openevolve: null };
  else if (isOpenEvolveFolder(dir)) {
    const { problem, mapped } = openEvolveProblem(dir);
    loaded = { problem, layout: 'openevolve', openevolve: mapped };
  } else {
    throw new ProblemFolderError(`${join(dir, MANIFEST)}: no such file (a problem folder holds evolab.yaml, or OpenEvolve's initial_program.py and evaluator.py)`);
  }
  loaded.problem.origin = { kind: 'folder', path: dir, hash: folderHash(dir) };
  return loaded;
}

/** Does this command-line argument name a folder (rather than a built-in problem id)? */
export function looksLikeFolder(arg: string): boolean {
  return arg.includes('/') || arg === '.' || arg === '..' || (existsSync(arg) && statSync(arg).isDirectory());
}

export { ProblemFolderError };
