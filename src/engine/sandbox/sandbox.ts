// Runs one candidate program, in its language, inside the OS jail, and returns its output data.
// JavaScript: a fresh jailed Node process whose harness evaluates the program in a fresh V8
// context (no process, require, import(), eval). Python: a jailed fork server that gives every
// candidate a fresh forked process in namespaces of its own. Where the jail cannot be built the
// sandbox refuses, unless the user opted out loudly (EVOLAB_UNSAFE_NO_JAIL=1, --unsafe-no-jail).
import { dirname } from 'node:path';
import { runOneShot } from './child-run.js';
import { jailCommand, jailUnavailable, type JailCommand, type JailLimits, processLimit } from './jail.js';
import { cpuBackstopSeconds, DEFAULT_LIMITS, type SandboxLimits, type SandboxResult } from './limits.js';
import { PythonServerPool, SCRATCH_MB } from './python-server.js';
import { baseEnv, HARNESS_JS, nodeRuntime, PYTHON_DIR, pythonRuntime, type Language } from './runtimes.js';
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
  return jailCommand({ argv, readOnly: [...nodeRuntime().readOnly, dirname(HARNESS_JS)], env: baseEnv(), limits: jailLimits(l, l.memoryMb + 3072) });
}

function pythonOnceCommand(l: SandboxLimits): JailCommand {
  const py = pythonRuntime();
  const argv = [py.executable, '-I', '-B', `${PYTHON_DIR}/runner.py`, 'once'];
  if (!sandboxMode().jailed) return unjailedCommand(argv, jailLimits(l, l.memoryMb + 512));
  return jailCommand({ argv, readOnly: [...py.readOnly, PYTHON_DIR], env: baseEnv(), limits: jailLimits(l, l.memoryMb + 512) });
}

const pythonPool = new PythonServerPool();

/** Stops the pooled fork servers (they also die with the engine). */
export function closeSandboxes(): void {
  pythonPool.close();
}

/** Whether Python candidates go through the pooled fork server (EVOLAB_SANDBOX_POOL=0 turns it off). */
export function pooled(): boolean {
  return process.env.EVOLAB_SANDBOX_POOL !== '0' && sandboxMode().jailed;
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
      if (pooled()) return await pythonPool.run(source, input, limits, signal);
      return await runOneShot({ command: pythonOnceCommand(limits), stdin, limits, rssLimitMb: limits.memoryMb + 160, signal });
    }
    return await runOneShot({ command: javascriptCommand(limits), stdin, limits, rssLimitMb: limits.memoryMb + 96, signal });
  } catch (e) {
    return { ok: false, kind: 'jail', reason: (e as Error).message, wallMs: 0, logTail: '' };
  }
}
