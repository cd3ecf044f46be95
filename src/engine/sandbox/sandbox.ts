// Runs one candidate program, in its language, inside the OS jail, and returns its output data.
// JavaScript: a jailed Node host that gives every candidate a fresh V8 isolate (isolated-vm,
// an optional dependency), or, where that is not installed, a fresh jailed Node process whose
// harness evaluates the program in a fresh V8 context (no process, require, import(), eval).
// Python: a jailed fork server that gives every candidate a fresh forked process in namespaces
// of its own. Where the jail cannot be built the sandbox refuses, unless the user opted out
// loudly (EVOLAB_UNSAFE_NO_JAIL=1, --unsafe-no-jail).
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { runOneShot } from './child-run.js';
import { jailCommand, jailUnavailable, type JailCommand, type JailLimits, processLimit } from './jail.js';
import { cpuBackstopSeconds, DEFAULT_LIMITS, type SandboxLimits, type SandboxResult } from './limits.js';
import { SCRATCH_MB, SERVER_CPU_SECONDS, ServerPool } from './server-pool.js';
import { baseEnv, HARNESS_JS, JS_HOST, nodeRuntime, PYTHON_DIR, pythonRuntime, type Language } from './runtimes.js';
import { buildFilter, seccompArch } from './seccomp.js';
import { unjailedCommand } from './unjailed.js';

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

function javascriptCommand(l: SandboxLimits): JailCommand {
  const argv = nodeArgv(l);
  if (!sandboxMode().jailed) return unjailedCommand(argv, jailLimits(l, null));
  return jailCommand({ argv, readOnly: [...nodeRuntime().readOnly, dirname(HARNESS_JS)], env: baseEnv(), limits: jailLimits(l, l.memoryMb + 3072), seccomp: 'candidate' });
}

function pythonOnceCommand(l: SandboxLimits): JailCommand {
  const py = pythonRuntime();
  const argv = [py.executable, '-I', '-B', `${PYTHON_DIR}/runner.py`, 'once'];
  if (!sandboxMode().jailed) return unjailedCommand(argv, jailLimits(l, l.memoryMb + 512));
  return jailCommand({ argv, readOnly: [...py.readOnly, PYTHON_DIR], env: baseEnv(), limits: jailLimits(l, l.memoryMb + 512), seccomp: 'candidate' });
}

/** The candidate filter, for the fork server to install in each candidate process itself. */
function candidateFilterHex(): string {
  const arch = seccompArch();
  return arch ? buildFilter('candidate', arch).toString('hex') : '';
}

function serverLimits(): JailLimits {
  return { cpuSeconds: SERVER_CPU_SECONDS, addressSpaceMb: null, processes: processLimit(256), fileSizeMb: SCRATCH_MB, openFiles: 256, scratchMb: 1 };
}

const pythonPool = new ServerPool({
  name: 'Python fork server',
  maxRuns: 0,
  command: () => {
    const py = pythonRuntime();
    return jailCommand({
      argv: [py.executable, '-I', '-B', `${PYTHON_DIR}/runner.py`, 'serve'],
      readOnly: [...py.readOnly, PYTHON_DIR],
      env: { ...baseEnv(), EVOLAB_PRELOAD: py.preload.join(','), EVOLAB_SECCOMP: candidateFilterHex(), EVOLAB_SCRATCH_MB: String(SCRATCH_MB) },
      limits: serverLimits(),
      nestedUserns: true,
      seccomp: 'server',
    });
  },
});

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

const javascriptPool = new ServerPool({
  name: 'JavaScript isolate host',
  // A fresh host now and then bounds what a V8 escape could ever carry between candidates.
  maxRuns: 200,
  command: () => {
    const node = nodeRuntime();
    const modules = dirname(isolatedVmDir()!);
    return jailCommand({
      argv: [node.executable, '--no-node-snapshot', '--no-warnings', JS_HOST],
      readOnly: [...node.readOnly, dirname(JS_HOST), modules],
      env: baseEnv(),
      limits: { ...serverLimits(), processes: processLimit(64) },
      seccomp: 'candidate',
    });
  },
});

/** Stops the pooled servers (they also die with the engine). */
export function closeSandboxes(): void {
  pythonPool.close();
  javascriptPool.close();
}

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
  language: Language = 'javascript',
): Promise<SandboxResult> {
  const refused = refusal();
  if (refused) return { ok: false, kind: 'jail', reason: refused, wallMs: 0, logTail: '' };
  const stdin = JSON.stringify({ source, input: input ?? null });
  try {
    if (language === 'python') {
      if (pooled('python')) return await pythonPool.run(source, input, limits, signal);
      return await runOneShot({ command: pythonOnceCommand(limits), stdin, limits, rssLimitMb: limits.memoryMb + 160, signal });
    }
    if (pooled('javascript')) return await javascriptPool.run(source, input, limits, signal);
    return await runOneShot({ command: javascriptCommand(limits), stdin, limits, rssLimitMb: limits.memoryMb + 96, signal });
  } catch (e) {
    return { ok: false, kind: 'jail', reason: (e as Error).message, wallMs: 0, logTail: '' };
  }
}
