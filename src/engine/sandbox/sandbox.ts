// Runs one program in its own child process under hard limits and returns its output data.
// The child gets: Node's permission model (read access to its own folder only; no writes, child
// processes, workers or addons), an environment reduced to a whitelist, an empty network
// namespace where the OS allows, a wall-clock limit that kills its whole process group, a memory
// limit (V8 heap flag plus an RSS watchdog) and a cap on everything it prints.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectIsolation } from './isolation.js';

export interface SandboxLimits {
  timeoutMs: number;
  memoryMb: number;
  /** Bytes of stdout+stderr+result channel allowed before the process is killed. */
  maxOutputBytes: number;
}

export const DEFAULT_LIMITS: SandboxLimits = { timeoutMs: 10_000, memoryMb: 512, maxOutputBytes: 32 * 1024 * 1024 };

export type SandboxResult =
  | { ok: true; output: unknown; runMs: number; wallMs: number; logTail: string }
  | { ok: false; kind: 'timeout' | 'memory' | 'output-limit' | 'exit' | 'load' | 'run' | 'uncaught' | 'protocol'; reason: string; wallMs: number; logTail: string };

const HARNESS = fileURLToPath(new URL('./harness.mjs', import.meta.url));
const TAIL = 4000;
/** Variables a candidate may see; everything else (API keys, tokens, paths) is dropped. */
const ENV_WHITELIST = ['LANG', 'LC_ALL', 'TZ'];

/** Turns the harness's tagged values back into numbers (NaN, ±Infinity) and BigInt strings. */
export function decodeOutput(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeOutput);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const k = Object.keys(o);
    if (k.length === 1 && k[0] === '$num' && typeof o.$num === 'string') return Number(o.$num);
    if (k.length === 1 && k[0] === '$bigint' && typeof o.$bigint === 'string') return BigInt(o.$bigint);
    const out: Record<string, unknown> = {};
    for (const key of k) out[key] = decodeOutput(o[key]);
    return out;
  }
  return v;
}

/** Resident and data-segment sizes (MiB) from /proc, or null when the process is gone. */
function memoryMb(pid: number): { rss: number; data: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);
    const data = /VmData:\s+(\d+) kB/.exec(status);
    return rss && data ? { rss: Number(rss[1]) / 1024, data: Number(data[1]) / 1024 } : null;
  } catch {
    return null;
  }
}

function tail(s: string): string {
  return s.length > TAIL ? '…' + s.slice(-TAIL) : s;
}

/** Runs `source` with `input`; an aborted `signal` kills the process at once (reported as a timeout). */
export function runInSandbox(
  source: string,
  input: unknown,
  limits: SandboxLimits = DEFAULT_LIMITS,
  signal?: AbortSignal,
): Promise<SandboxResult> {
  const iso = detectIsolation();
  const dir = mkdtempSync(join(tmpdir(), 'evolab-sbx-'));
  const programFile = join(dir, 'program.js');
  const harnessFile = join(dir, 'harness.mjs');
  writeFileSync(programFile, source);
  copyFileSync(HARNESS, harnessFile);

  const nodeArgs = [
    `--max-old-space-size=${Math.max(16, Math.floor(limits.memoryMb))}`,
    '--disable-warning=ExperimentalWarning',
    '--disallow-code-generation-from-strings',
  ];
  if (iso.permissionFlag) nodeArgs.push(iso.permissionFlag, `--allow-fs-read=${dir}/*`);
  nodeArgs.push(harnessFile, programFile);
  // A CPU-time limit set by the kernel backs up the wall-clock kill: it still ends a runaway
  // candidate if the engine itself is killed and can no longer enforce anything.
  const cpuSeconds = Math.ceil(limits.timeoutMs / 1000) * 2 + 5;
  const backstop = iso.prlimit ? [iso.prlimit, `--cpu=${cpuSeconds}:${cpuSeconds + 1}`, '--'] : [];
  const argv = [...iso.unsharePrefix, ...backstop, process.execPath, ...nodeArgs];
  const [cmd, args] = [argv[0], argv.slice(1)];
  const env: Record<string, string> = {};
  for (const k of ENV_WHITELIST) if (process.env[k] !== undefined) env[k] = process.env[k] as string;

  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: dir, env, detached: iso.processGroups, stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
    let log = '';
    let channel = '';
    let bytes = 0;
    let verdict: SandboxResult | null = null;
    const wall = () => performance.now() - started;
    const kill = (kind: 'timeout' | 'memory' | 'output-limit', reason: string) => {
      if (verdict) return;
      verdict = { ok: false, kind, reason, wallMs: wall(), logTail: '' };
      try {
        if (iso.processGroups && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch { /* already gone */ }
    };
    const count = (n: number) => {
      bytes += n;
      if (bytes > limits.maxOutputBytes) kill('output-limit', `printed more than ${limits.maxOutputBytes} bytes`);
    };
    child.stdout.on('data', (d: Buffer) => { count(d.length); log = tail(log + d.toString('utf8')); });
    child.stderr.on('data', (d: Buffer) => { count(d.length); log = tail(log + d.toString('utf8')); });
    const resultStream = child.stdio[3] as NodeJS.ReadableStream;
    resultStream.on('data', (d: Buffer) => { count(d.length); if (!verdict) channel += d.toString('utf8'); });
    child.stdin.on('error', () => { /* child may exit before reading its input */ });
    child.stdin.end(JSON.stringify(input ?? null));

    const onAbort = () => kill('timeout', 'abandoned because the run is stopping');
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    const timer = setTimeout(() => kill('timeout', `exceeded the wall-clock limit of ${limits.timeoutMs} ms`), limits.timeoutMs);
    // The V8 heap flag does not cover typed arrays and buffers, so resident memory is watched
    // too; untouched allocations do not show in RSS, so the data segment gets a looser bound.
    const rssLimit = limits.memoryMb + 96;
    const dataLimit = 4 * limits.memoryMb + 2048;
    const watchdog = iso.procRss
      ? setInterval(() => {
          const mb = child.pid ? memoryMb(child.pid) : null;
          if (mb && mb.rss > rssLimit) kill('memory', `resident memory ${mb.rss.toFixed(0)} MiB exceeded the limit of ${rssLimit} MiB`);
          else if (mb && mb.data > dataLimit) kill('memory', `allocated ${mb.data.toFixed(0)} MiB, above the limit of ${dataLimit} MiB`);
        }, 25)
      : null;

    child.on('error', (e) => {
      // Spawning itself failed (no such program, too many processes): a crashed candidate, not a
      // crashed engine. 'close' may not follow, so settle here (a second resolve is a no-op).
      if (child.pid !== undefined) return;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (watchdog) clearInterval(watchdog);
      rmSync(dir, { recursive: true, force: true });
      resolve({ ok: false, kind: 'exit', reason: `could not start the sandbox process: ${e.message}`, wallMs: wall(), logTail: '' });
    });
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (watchdog) clearInterval(watchdog);
      // Make sure nothing the candidate started outlives it.
      try { if (iso.processGroups && child.pid) process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
      rmSync(dir, { recursive: true, force: true });
      const wallMs = wall();
      if (verdict) {
        resolve({ ...verdict, wallMs, logTail: log });
        return;
      }
      const line = channel.split('\n').find((l) => l.trim() !== '');
      if (!line) {
        const oom = /heap out of memory|Allocation failed|Array buffer allocation failed/i.test(log);
        resolve({
          ok: false,
          kind: oom ? 'memory' : 'exit',
          reason: oom ? `ran out of its ${limits.memoryMb} MiB memory limit` : `exited without a result (code ${code}, signal ${sig})`,
          wallMs,
          logTail: log,
        });
        return;
      }
      try {
        const msg = JSON.parse(line) as { ok: boolean; output?: unknown; ms?: number; kind?: string; error?: string };
        if (msg.ok) resolve({ ok: true, output: decodeOutput(msg.output), runMs: Number(msg.ms ?? wallMs), wallMs, logTail: log });
        else {
          const kind = msg.kind === 'load' || msg.kind === 'run' || msg.kind === 'uncaught' ? msg.kind : 'protocol';
          const first = String(msg.error ?? 'unknown error').split('\n').slice(0, 2).join(' | ');
          resolve({ ok: false, kind, reason: `${kind} error: ${first}`, wallMs, logTail: tail(log + '\n' + String(msg.error ?? '')) });
        }
      } catch {
        resolve({ ok: false, kind: 'protocol', reason: 'the result channel did not hold valid JSON', wallMs, logTail: log });
      }
    });
  });
}
