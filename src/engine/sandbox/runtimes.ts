// The language runtimes a candidate can be written in, and what each needs inside the jail.
// JavaScript runs on this Node binary; Python on the interpreter named by EVOLAB_PYTHON (default:
// `python3` on PATH), whose real executable, prefix and package folders are found by asking it
// once, outside the jail, so that exactly those are exposed read-only inside.
import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCRATCH } from './jail.js';
import { which } from './which.js';

export type Language = 'javascript' | 'python';

const HERE = dirname(fileURLToPath(import.meta.url));
export const HARNESS_JS = `${HERE}/harness.mjs`;
export const PYTHON_DIR = `${HERE}/python`;
export const JS_HOST = `${HERE}/js-host.mjs`;

/** Environment every jailed runtime gets (nothing of the engine's own environment but these). */
export function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: SCRATCH,
    TMPDIR: SCRATCH,
    LANG: 'C.UTF-8',
    OPENBLAS_NUM_THREADS: '1',
    OMP_NUM_THREADS: '1',
    MKL_NUM_THREADS: '1',
    PYTHONHASHSEED: '0',
    PYTHONDONTWRITEBYTECODE: '1',
  };
  // Older OpenBLAS builds need these on some processors to compute correctly; they hold no secret.
  for (const k of ['TZ', 'LC_ALL', 'OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE']) {
    const v = process.env[k];
    if (v !== undefined && /^[\w.:/+-]{0,64}$/.test(v)) env[k] = v;
  }
  return env;
}

export interface PythonRuntime {
  /** The interpreter's real executable. */
  executable: string;
  version: string;
  /** Folders to expose read-only: the installation, a virtual environment, package folders. */
  readOnly: string[];
  /** Modules the interpreter has that the fork server imports once (numpy when present). */
  preload: string[];
}

const PROBE = `
import json, sys, os, importlib.util
paths = [p for p in sys.path if p and os.path.isdir(p)]
pre = [m for m in ("numpy",) if importlib.util.find_spec(m)]
print(json.dumps({"executable": os.path.realpath(sys.executable), "version": sys.version.split()[0],
  "prefixes": [sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix], "paths": paths, "preload": pre}))
`;

const pythonCache = new Map<string, PythonRuntime>();

/** The configured Python interpreter (EVOLAB_PYTHON or `python3` on PATH). */
export function pythonCommand(): string {
  return process.env.EVOLAB_PYTHON || 'python3';
}

/** Asks the interpreter where it lives; throws with a clear message when it cannot run. */
export function pythonRuntime(command: string = pythonCommand()): PythonRuntime {
  const hit = pythonCache.get(command);
  if (hit) return hit;
  const exe = command.includes('/') ? command : which(command);
  if (!exe) throw new Error(`the Python interpreter ${JSON.stringify(command)} is not on PATH (set EVOLAB_PYTHON to one)`);
  let info: { executable: string; version: string; prefixes: string[]; paths: string[]; preload: string[] };
  try {
    info = JSON.parse(execFileSync(exe, ['-I', '-c', PROBE], { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] }));
  } catch (e) {
    throw new Error(`the Python interpreter ${exe} did not answer: ${(e as Error).message.split('\n')[0]}`);
  }
  const readOnly = [...info.prefixes, ...info.paths].filter((p) => existsSync(p)).map((p) => realpathSync(p));
  readOnly.push(dirname(info.executable));
  const runtime = { executable: info.executable, version: info.version, readOnly: [...new Set(readOnly)], preload: info.preload };
  pythonCache.set(command, runtime);
  return runtime;
}

/** Node's real binary and the folder it lives in (when outside /usr it must be exposed too). */
export function nodeRuntime(): { executable: string; readOnly: string[] } {
  const executable = realpathSync(process.execPath);
  return { executable, readOnly: executable.startsWith('/usr/') ? [] : [dirname(executable)] };
}
