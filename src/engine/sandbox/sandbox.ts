// Runs one candidate program, in its language, inside the OS jail, and returns its output data.
// JavaScript: a jailed Node host that gives every candidate a fresh V8 isolate (isolated-vm,
// an optional dependency), or, where that is not installed, a fresh jailed Node process whose
// harness evaluates the program in a fresh V8 context (no process, require, import(), eval).
// Python: a jailed fork server that gives every candidate a fresh forked process in namespaces
// of its own. Where the jail cannot be built the sandbox refuses, unless the user opted out
// loudly (EVOLAB_UNSAFE_NO_JAIL=1, --unsafe-no-jail).
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { runOneShot } from './child-run.js';
import { jailCommand, jailUnavailable, SCRATCH, type JailCommand, type JailLimits, processLimit } from './jail.js';
import { cpuBackstopSeconds, DEFAULT_LIMITS, type SandboxLimits, type SandboxResult } from './limits.js';
import { SCRATCH_MB, SERVER_CPU_SECONDS, ServerPool } from './server-pool.js';
import { baseEnv, HARNESS_JS, JS_HOST, nodeRuntime, PYTHON_DIR, pythonRuntime, type Language } from './runtimes.js';
import { buildFilter, seccompArch } from './seccomp.js';
import { unjailedCommand } from './unjailed.js';
import { which } from './which.js';

export { DEFAULT_LIMITS, type SandboxLimits, type SandboxResult } from './limits.js';
export type { Language } from './runtimes.js';

/** The environment variable that lets candidates run without the OS jail (never the default). */
export const UNSAFE_ENV = 'EVOLAB_UNSAFE_NO_JAIL';

export type SandboxMode = { jailed: true } | { jailed: false; why: string; allowed: boolean };

export function sandboxMode(): SandboxMode {
  const why = jailUnavailable();
  if (why === null) return { jailed: true };
  return { jailed: false, why, allowed: process.env[UNSAFE_ENV] === '1' };
}

/** Why candidates cannot run here, or null when they can. */
export function refusal(): string | null {
  const m = sandboxMode();
  if (m.jailed || m.allowed) return null;
  return `refusing to run candidate programs: the OS jail is unavailable here (${m.why}). Fix that, or run them without it at your own risk with --unsafe-no-jail (or ${UNSAFE_ENV}=1).`;
}

/** The kernel ceiling for a one-shot jail: well above the precise limits, which decide first. */
export function cgroupFor(l: SandboxLimits): { memoryMb: number; tasks: number } {
  return { memoryMb: 2 * l.memoryMb + 512, tasks: 128 };
}

function jailLimits(l: SandboxLimits, addressSpaceMb: number | null): JailLimits {
  return { cpuSeconds: cpuBackstopSeconds(l), addressSpaceMb, processes: processLimit(64), fileSizeMb: SCRATCH_MB, openFiles: 256, scratchMb: SCRATCH_MB };
}

function nodeArgv(l: SandboxLimits): string[] {
  const flags = process.allowedNodeEnvironmentFlags;
  const permission = flags.has('--permission') ? '--permission' : flags.has('--experimental-permission') ? '--experimental-permission' : null;
  return [
    nodeRuntime().executable,
    `--max-old-space-size=${Math.max(16, Math.floor(l.memoryMb))}`,
    '--disallow-code-generation-from-strings',
    '--experimental-vm-modules',
    '--no-warnings',
    ...(permission ? [permission, `--allow-fs-read=${dirname(HARNESS_JS)}/*`] : []),
    HARNESS_JS,
  ];
}

/** Extra read-only folders a problem needs inside the jail (its data, an evaluator it imports). */
export interface RunOptions {
  language: Language;
  readOnly?: string[];
}

function javascriptCommand(l: SandboxLimits, extra: string[]): JailCommand {
  const argv = nodeArgv(l);
  if (!sandboxMode().jailed) return unjailedCommand(argv, jailLimits(l, null));
  return jailCommand({ argv, readOnly: [...nodeRuntime().readOnly, dirname(HARNESS_JS), ...extra], env: baseEnv(), limits: jailLimits(l, l.memoryMb + 3072), seccomp: 'candidate', cgroup: cgroupFor(l) });
}

function pythonOnceCommand(l: SandboxLimits, extra: string[]): JailCommand {
  const py = pythonRuntime();
  const argv = [py.executable, '-I', '-B', `${PYTHON_DIR}/runner.py`, 'once'];
  if (!sandboxMode().jailed) return unjailedCommand(argv, jailLimits(l, l.memoryMb + 512));
  return jailCommand({ argv, readOnly: [...py.readOnly, PYTHON_DIR, ...extra], env: baseEnv(), limits: jailLimits(l, l.memoryMb + 512), seccomp: 'candidate', cgroup: cgroupFor(l) });
}

/** The candidate filter, for the fork server to install in each candidate process itself. */
function candidateFilterHex(): string {
  const arch = seccompArch();
  return arch ? buildFilter('candidate', arch).toString('hex') : '';
}

function serverLimits(): JailLimits {
  return { cpuSeconds: SERVER_CPU_SECONDS, addressSpaceMb: null, processes: processLimit(256), fileSizeMb: SCRATCH_MB, openFiles: 256, scratchMb: 1 };
}

function pythonPool(extra: string[]): ServerPool {
  return new ServerPool({
    name: 'Python fork server',
    maxRuns: 0,
    readyFrames: true,
    command: () => {
      const py = pythonRuntime();
      return jailCommand({
        argv: [py.executable, '-I', '-B', `${PYTHON_DIR}/runner.py`, 'serve'],
        readOnly: [...py.readOnly, PYTHON_DIR, ...extra],
        env: { ...baseEnv(), EVOLAB_PRELOAD: py.preload.join(','), EVOLAB_SECCOMP: candidateFilterHex(), EVOLAB_SCRATCH_MB: String(SCRATCH_MB) },
        limits: serverLimits(),
        nestedUserns: true,
        seccomp: 'server',
        cgroup: { memoryMb: 2048, tasks: 512 },
      });
    },
  });
}

/** Where isolated-vm is installed (its folder must be visible inside the jail), or null. */
let isolatedVm: string | null | undefined;
export function isolatedVmDir(): string | null {
  if (isolatedVm !== undefined) return isolatedVm;
  try {
    isolatedVm = dirname(createRequire(import.meta.url).resolve('isolated-vm/package.json'));
  } catch {
    isolatedVm = null;
  }
  return isolatedVm;
}

function javascriptPool(extra: string[]): ServerPool {
  return new ServerPool({
    name: 'JavaScript isolate host',
    // A fresh host now and then bounds what a V8 escape could ever carry between candidates.
    maxRuns: 200,
    readyFrames: false,
    command: () => {
      const node = nodeRuntime();
      const modules = dirname(isolatedVmDir()!);
      return jailCommand({
        argv: [node.executable, '--no-node-snapshot', '--no-warnings', JS_HOST],
        readOnly: [...node.readOnly, dirname(JS_HOST), modules, ...extra],
        env: baseEnv(),
        limits: { ...serverLimits(), processes: processLimit(64) },
        seccomp: 'candidate',
        cgroup: { memoryMb: 2048, tasks: 128 },
      });
    },
  });
}

/** One pool per language and set of extra read-only folders (a server's view is fixed at its start). */
const pools = new Map<string, ServerPool>();

function poolFor(language: Language, extra: string[]): ServerPool {
  const key = [language, ...[...extra].sort()].join('\u0000');
  let pool = pools.get(key);
  if (!pool) pools.set(key, (pool = language === 'python' ? pythonPool(extra) : javascriptPool(extra)));
  return pool;
}

/** Stops the pooled servers (they also die with the engine). */
export function closeSandboxes(): void {
  for (const p of pools.values()) p.close();
  pools.clear();
}

// Killed as the engine exits (before their cgroups are removed), not only when bwrap notices.
process.on('exit', closeSandboxes);

/** Whether candidates of a language go through a pooled server (EVOLAB_SANDBOX_POOL=0 turns pooling off). */
export function pooled(language: Language): boolean {
  if (process.env.EVOLAB_SANDBOX_POOL === '0' || !sandboxMode().jailed) return false;
  return language === 'python' || isolatedVmDir() !== null;
}

/** Runs `source` with `input`; an aborted `signal` kills it at once (reported as a timeout). */
export async function runInSandbox(
  source: string,
  input: unknown,
  limits: SandboxLimits = DEFAULT_LIMITS,
  signal?: AbortSignal,
  options: Language | RunOptions = 'javascript',
): Promise<SandboxResult> {
  const { language, readOnly: extra = [] } = typeof options === 'string' ? { language: options } : options;
  const refused = refusal();
  if (refused) return { ok: false, kind: 'jail', reason: refused, wallMs: 0, logTail: '' };
  const stdin = JSON.stringify({ source, input: input ?? null });
  try {
    if (pooled(language)) return await poolFor(language, extra).run(source, input, limits, signal);
    if (language === 'python') return await runOneShot({ command: pythonOnceCommand(limits, extra), stdin, limits, rssLimitMb: limits.memoryMb + 160, signal });
    return await runOneShot({ command: javascriptCommand(limits, extra), stdin, limits, rssLimitMb: limits.memoryMb + 96, signal, v8Abort: true });
  } catch (e) {
    return { ok: false, kind: 'jail', reason: (e as Error).message, wallMs: 0, logTail: '' };
  }
}

/**
 * Runs a command (an evaluator of any language) once in its own jail: `stdin` in, JSON data out
 * on stdout, stderr as its log. The command starts in `cwd`, which is exposed read-only.
 */
export async function runCommandInJail(argv: string[], stdin: string, limits: SandboxLimits, cwd: string, readOnly: string[] = [], signal?: AbortSignal): Promise<SandboxResult> {
  const refused = refusal();
  if (refused) return { ok: false, kind: 'jail', reason: refused, wallMs: 0, logTail: '' };
  try {
    const [exe, extra] = commandExecutable(argv[0], cwd);
    const script = 'cd "$1" || exit 126; shift; exec "$@" >&3';
    const full = ['/bin/sh', '-c', script, 'evolab-command', cwd, exe, ...argv.slice(1)];
    const command = sandboxMode().jailed
      ? jailCommand({ argv: full, readOnly: [cwd, ...extra, ...readOnly], env: baseEnv(), limits: jailLimits(limits, limits.memoryMb + 512), seccomp: 'candidate', cgroup: cgroupFor(limits) })
      : unjailedCommand(full, jailLimits(limits, limits.memoryMb + 512));
    return await runOneShot({ command, stdin, limits, rssLimitMb: limits.memoryMb + 160, raw: true, signal });
  } catch (e) {
    return { ok: false, kind: 'jail', reason: (e as Error).message, wallMs: 0, logTail: '' };
  }
}

/** A program in any other language, run by command templates: see `runCommandProgram`. */
export interface CommandProgramSpec {
  run: string[];
  build: string[] | null;
  /** The program file's extension, e.g. ".R". */
  extension: string;
  /** The problem folder: commands named by a path resolve from it; it is not visible inside. */
  folder: string;
  /** The folders the program may read (the problem's declared data). */
  readOnly: string[];
}


/**
 * Runs a program of any language: its text is written to {program} in the scratch folder and the
 * stage input to {input}; an optional build command runs first (its output is log); the run
 * command's stdout is the output data (JSON), its stderr the log.
 */
export async function runCommandProgram(source: string, input: unknown, limits: SandboxLimits, spec: CommandProgramSpec, signal?: AbortSignal): Promise<SandboxResult> {
  const refused = refusal();
  if (refused) return { ok: false, kind: 'jail', reason: refused, wallMs: 0, logTail: '' };
  try {
    const scratch = sandboxMode().jailed ? SCRATCH : mkdtempSync(join(tmpdir(), 'evolab-program-'));
    const fill = (args: string[]) => args.map((a) => a.replaceAll('{program}', `${scratch}/program${spec.extension}`).replaceAll('{input}', `${scratch}/input.json`).replaceAll('{scratch}', scratch));
    const quote = (args: string[]) => args.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
    const run = fill(spec.run);
    const [exe, extra] = commandExecutable(run[0], spec.folder);
    const build = spec.build ? fill(spec.build) : null;
    const buildExe = build ? commandExecutable(build[0], spec.folder) : null;
    const script = [
      'IFS= read -r input || exit 125',
      `printf '%s' "$input" > '${scratch}/input.json'`,
      `cat > '${scratch}/program${spec.extension}'`,
      `cd '${scratch}' || exit 126`,
      build ? `${quote([buildExe![0], ...build.slice(1)])} >&2 || exit 125` : '',
      `exec ${quote([exe, ...run.slice(1)])} >&3 < '${scratch}/input.json'`,
    ].filter((l) => l !== '').join('\n');
    const argv = ['/bin/sh', '-c', script];
    // Not the problem folder: it holds the evaluator and whatever it compares against. Only the
    // declared data folders and the commands' own executables are visible to the program.
    const readOnly = [...extra, ...(buildExe ? buildExe[1] : []), ...spec.readOnly];
    const command = sandboxMode().jailed
      ? jailCommand({ argv, readOnly, env: baseEnv(), limits: jailLimits(limits, limits.memoryMb + 1024), seccomp: 'candidate', cgroup: cgroupFor(limits) })
      : unjailedCommand(argv, jailLimits(limits, limits.memoryMb + 1024));
    return await runOneShot({ command, stdin: `${JSON.stringify(input ?? null)}\n${source}`, limits, rssLimitMb: limits.memoryMb + 160, signal, raw: true });
  } catch (e) {
    return { ok: false, kind: 'jail', reason: (e as Error).message, wallMs: 0, logTail: '' };
  }
}

/** The program a command names, and the folders it needs: `python3` is the configured interpreter. */
function commandExecutable(name: string, cwd: string): [string, string[]] {
  if (name === 'python3' || name === 'python') {
    const py = pythonRuntime();
    return [py.executable, py.readOnly];
  }
  if (name === 'node') return [nodeRuntime().executable, nodeRuntime().readOnly];
  if (name.includes('/')) {
    const file = resolvePath(cwd, name);
    // A program built into the scratch folder exists only inside the jail; one in the problem folder is bound alone.
    const hostFile = !file.startsWith('/usr/') && !file.startsWith(`${SCRATCH}/`) && existsSync(file);
    return [file, hostFile ? [file] : []];
  }
  const found = which(name);
  if (!found) throw new Error(`the command ${JSON.stringify(name)} is not on PATH`);
  return [found, found.startsWith('/usr/') ? [] : [dirname(found)]];
}
