// Runs one jailed process for one candidate and turns what happened into a SandboxResult.
// Every reason comes from the engine's own observations (its wall-clock timer, its memory
// watchdog, the output counter, the exit status); the candidate's text is only ever a log.
import { StringDecoder } from 'node:string_decoder';
import { DataDecodeError, decodeJson } from '../data-json.js';
import { spawnJail, type JailCommand } from './jail.js';
import { MemoryWatch } from './proc-tree.js';
import { tail, type FailureKind, type SandboxLimits, type SandboxResult } from './limits.js';

export interface OneShotRequest {
  command: JailCommand;
  /** Written to the process's stdin, then closed. */
  stdin: string;
  limits: SandboxLimits;
  /** Resident memory (MiB) the whole process tree may use before the watchdog kills it. */
  rssLimitMb: number;
  signal?: AbortSignal;
  /** The result channel holds the output data itself (a command's stdout), not a runner's message. */
  raw?: boolean;
  /** The process is the JavaScript harness: SIGABRT means V8 reached its heap limit. */
  v8Abort?: boolean;
}

const SIGNALS: Record<number, string> = { 6: 'SIGABRT', 9: 'SIGKILL', 11: 'SIGSEGV', 15: 'SIGTERM', 24: 'SIGXCPU', 25: 'SIGXFSZ' };
const SIGNAL_MEANING: Record<number, string> = {
  24: 'the kernel CPU-time limit',
  25: 'the file-size limit',
};

/**
 * How the jailed process ended, in words. bwrap reports a signal as 128 + its number, which a
 * program could also choose as its exit status: only where the program cannot choose its status
 * (the JavaScript harness, whose programs have no process object) is SIGABRT read as V8 giving up
 * at its heap limit.
 */
export function describeExit(code: number | null, signal: NodeJS.Signals | null, limits: SandboxLimits, v8Abort = false): { kind: FailureKind; reason: string } {
  if (signal) return { kind: 'exit', reason: `the jail was killed by ${signal}` };
  if (code !== null && code > 128 && code < 160) {
    const n = code - 128;
    if (n === 6 && v8Abort) return { kind: 'memory', reason: `V8 aborted (exit status ${code}), which it does at its heap limit (${limits.memoryMb} MiB)` };
    const meaning = SIGNAL_MEANING[n];
    return { kind: 'exit', reason: `the program ended by ${SIGNALS[n] ?? `signal ${n}`} (exit status ${code})${meaning ? `: ${meaning}` : ''}` };
  }
  return { kind: 'exit', reason: `exited without a result (exit status ${code})` };
}

interface Message {
  ok?: unknown;
  kind?: unknown;
  error?: unknown;
  output?: unknown;
}

/** Reads the runner's one result message (a single JSON document) as data. */
export function parseResult(text: string, wallMs: number, log: string): SandboxResult | null {
  if (text.trim() === '') return null;
  let msg: Message;
  try {
    msg = decodeJson(text) as Message;
  } catch (e) {
    const why = e instanceof DataDecodeError ? e.message : 'the result channel did not hold valid JSON';
    return { ok: false, kind: 'protocol', reason: why, wallMs, logTail: log };
  }
  if (msg === null || typeof msg !== 'object') return { ok: false, kind: 'protocol', reason: 'the result message is not an object', wallMs, logTail: log };
  if (msg.ok === true && Object.hasOwn(msg, 'output')) return { ok: true, output: msg.output, runMs: wallMs, wallMs, logTail: log };
  const kind: FailureKind = msg.kind === 'load' ? 'load' : 'run';
  const error = String(msg.error ?? 'unknown error').slice(0, 4000);
  // A Python traceback names the exception on its last line; a JavaScript stack on its first.
  const lines = error.split('\n').filter((l) => l.trim() !== '');
  const first = error.startsWith('Traceback') ? (lines.at(-1) ?? '') : lines.slice(0, 2).join(' | ');
  return { ok: false, kind, reason: `${kind} error: ${first}`, wallMs, logTail: tail(log + '\n' + error) };
}

/** A command's stdout as data: only when it exited 0 and printed JSON. */
function rawResult(text: string, code: number | null, wallMs: number, log: string): SandboxResult | null {
  if (code !== 0) return null;
  try {
    return { ok: true, output: decodeJson(text), runMs: wallMs, wallMs, logTail: log };
  } catch (e) {
    const why = e instanceof DataDecodeError ? e.message : `its output is not JSON (${JSON.stringify(text.slice(0, 60))})`;
    return { ok: false, kind: 'protocol', reason: why, wallMs, logTail: log };
  }
}

/** Runs the command once; resolves when the process has closed (never rejects). */
export function runOneShot(req: OneShotRequest): Promise<SandboxResult> {
  const { limits } = req;
  const started = performance.now();
  const wall = () => performance.now() - started;
  return new Promise((resolve) => {
    const child = spawnJail(req.command);
    const logs = new StringDecoder('utf8');
    const result: Buffer[] = [];
    let log = '';
    let bytes = 0;
    let verdict: { kind: FailureKind; reason: string } | null = null;
    const killTree = () => {
      try { if (child.pid) process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    };
    const stop = (kind: FailureKind, reason: string) => {
      if (verdict) return;
      verdict = { kind, reason };
      killTree();
    };
    const count = (n: number) => {
      bytes += n;
      if (bytes > limits.maxOutputBytes) stop('output-limit', `printed more than ${limits.maxOutputBytes} bytes`);
    };
    const onLog = (d: Buffer) => { count(d.length); if (!verdict) log = tail(log + logs.write(d)); };
    child.stdout!.on('data', onLog);
    child.stderr!.on('data', onLog);
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => { count(d.length); if (!verdict) result.push(d); });
    child.stdin!.on('error', () => { /* the child may exit before reading its input */ });
    child.stdin!.end(req.stdin);

    const onAbort = () => stop('timeout', 'abandoned because the run is stopping');
    req.signal?.addEventListener('abort', onAbort, { once: true });
    if (req.signal?.aborted) onAbort();
    const timer = setTimeout(() => stop('timeout', `exceeded the wall-clock limit of ${limits.timeoutMs} ms`), limits.timeoutMs);
    const watch = child.pid ? new MemoryWatch(child.pid, req.rssLimitMb) : null;
    const watchdog = setInterval(() => {
      const mb = watch?.over();
      if (mb != null) stop('memory', `resident memory ${mb.toFixed(0)} MiB exceeded the limit of ${req.rssLimitMb} MiB`);
    }, 40);
    const settle = (r: SandboxResult) => {
      clearTimeout(timer);
      clearInterval(watchdog);
      req.signal?.removeEventListener('abort', onAbort);
      killTree();
      resolve(r);
    };
    child.on('error', (e) => {
      if (child.pid !== undefined) return;
      req.command.cgroup?.remove();
      settle({ ok: false, kind: 'jail', reason: `could not start the jail: ${e.message}`, wallMs: wall(), logTail: '' });
    });
    child.on('close', (code, sig) => {
      log = tail(log + logs.end());
      const wallMs = wall();
      const cg = req.command.cgroup;
      if (cg && !verdict && cg.oomKills() > 0) verdict = { kind: 'memory', reason: 'the kernel ended the program at the jail\'s memory ceiling (its memory, tmpfs, pipes and other kernel objects together)' };
      cg?.remove();
      if (verdict) return settle({ ok: false, ...verdict, wallMs, logTail: log });
      const text = Buffer.concat(result).toString('utf8');
      const parsed = req.raw ? rawResult(text, code, wallMs, log) : parseResult(text, wallMs, log);
      if (parsed) return settle({ ...parsed, wallMs: wall() });
      return settle({ ok: false, ...describeExit(code, sig, limits, req.v8Abort), wallMs, logTail: log });
    });
  });
}
