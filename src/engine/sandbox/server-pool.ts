// Long-lived jailed runner processes and the pool that keeps one per busy worker. A server
// answers one candidate at a time over `<length>\n<json>` frames; what makes the next candidate
// start clean is the server's own: the Python fork server forks every candidate from a process
// that never saw one (forkserver.py), the JavaScript host gives each a fresh V8 isolate (js-host.mjs).
import type { ChildProcess } from 'node:child_process';
import { describeExit, parseResult } from './child-run.js';
import type { JailCgroup } from './cgroup.js';
import { spawnJail, type JailCommand } from './jail.js';
import { cpuBackstopSeconds, tail, type SandboxLimits, type SandboxResult } from './limits.js';
import { MemoryWatch, treePssMb } from './proc-tree.js';

/** Extra time the engine allows beyond the server's own deadline before it kills the whole jail. */
const GRACE_MS = 3000;
const START_TIMEOUT_MS = 60_000;
/** Scratch folder size for each candidate (MiB). */
export const SCRATCH_MB = 64;

/** Memory a server's tree may use beyond its idle size and the candidate's limit (MiB). */
const WATCH_SLACK_MB = 64;

/** Server processes live for hours: their CPU backstop is the per-candidate deadline, not this. */
export const SERVER_CPU_SECONDS = 24 * 3600;

interface Response {
  status?: number;
  verdict?: { kind: 'timeout' | 'output-limit' | 'memory' | 'jail'; reason: string } | null;
  result?: string;
  /** The result channel's bytes in base64 (the fork server), decoded here as one UTF-8 stream. */
  result64?: string;
  log?: string;
  ready?: boolean;
}

/** No answer of a runner server is larger (its output is capped well below this). */
const MAX_FRAME_BYTES = 256 * 1024 * 1024;

/** Reads `<length>\n<json>` frames from a byte stream. */
class FrameReader {
  private buf = Buffer.alloc(0);
  /** Chunks not yet joined, and the frame length they are waiting for (joined once, not per chunk). */
  private parts: Buffer[] = [];
  private partBytes = 0;
  private need = 0;
  constructor(private readonly onFrame: (f: Response) => void, private readonly onError: (e: Error) => void) {}

  push(chunk: Buffer): void {
    this.parts.push(chunk);
    this.partBytes += chunk.length;
    if (this.buf.length + this.partBytes < this.need) return;
    this.buf = Buffer.concat([this.buf, ...this.parts]);
    this.parts = [];
    this.partBytes = 0;
    this.need = 0;
    for (;;) {
      const nl = this.buf.indexOf(10);
      if (nl < 0) return;
      const n = Number(this.buf.subarray(0, nl).toString('latin1'));
      if (!Number.isInteger(n) || n < 0 || n > MAX_FRAME_BYTES) return this.onError(new Error('a runner server sent a malformed or oversized frame'));
      if (this.buf.length < nl + 1 + n) {
        this.need = nl + 1 + n;
        return;
      }
      const body = this.buf.subarray(nl + 1, nl + 1 + n).toString('utf8');
      this.buf = this.buf.subarray(nl + 1 + n);
      try {
        this.onFrame(JSON.parse(body) as Response);
      } catch (e) {
        return this.onError(e as Error);
      }
    }
  }
}

export interface ServerSpec {
  /** What the pool serves, for messages (e.g. "Python fork server"). */
  name: string;
  /** Builds the jailed command (called for every new server). */
  command: () => JailCommand;
  /** Candidates one server runs before it is replaced (0: no limit). */
  maxRuns: number;
  /**
   * The server says when it is ready for each next candidate (the fork server, once the previous
   * candidate's namespace has died): that candidate's clock starts only then.
   */
  readyFrames: boolean;
}

/** How long a server may take to be ready for the next candidate before it is replaced. */
const READY_TIMEOUT_MS = 30_000;
/** Growth of an idle server beyond its size at start that gets it replaced (MiB). */
const BLOAT_MB = 64;

export class JailedServer {
  private readonly child: ChildProcess;
  private pending: ((r: Response | Error) => void) | null = null;
  /** Ready frames received and not yet used, and a waiter for the next one. */
  private readyFrames = 0;
  private readyWaiter: (() => void) | null = null;
  private started = false;
  private log = '';
  readonly ready: Promise<void>;
  dead = false;
  runs = 0;
  /** The idle server's own memory (MiB), measured once it is ready. */
  private baselineMb = 0;

  private readonly cgroup: JailCgroup | undefined;

  constructor(private readonly spec: ServerSpec) {
    const cmd = spec.command();
    this.cgroup = cmd.cgroup;
    this.child = spawnJail(cmd);
    this.child.on('close', () => this.cgroup?.remove());
    this.child.unref();
    for (const s of [this.child.stdout, this.child.stderr, this.child.stdin, this.child.stdio[3]]) (s as unknown as { unref?: () => void })?.unref?.();
    const frames = new FrameReader((f) => this.frame(f), (e) => this.fail(e));
    this.child.stdout!.on('data', (d: Buffer) => frames.push(d));
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (d: string) => { this.log = tail(this.log + d, 2000); });
    this.child.on('error', (e) => this.fail(e));
    this.child.on('close', (code) => this.fail(new Error(`the ${spec.name} exited (status ${code})${this.log ? `: ${this.log.trim()}` : ''}`)));
    this.child.stdin!.on('error', () => { /* reported by close */ });
    (this.child.stdio[3] as NodeJS.WritableStream).on('error', () => { /* reported by close */ });
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.kill(); reject(new Error(`the ${spec.name} did not start in time`)); }, START_TIMEOUT_MS);
      this.pending = (r) => {
        clearTimeout(timer);
        if (r instanceof Error) return reject(r);
        this.baselineMb = (this.child.pid ? treePssMb(this.child.pid) : 0) ?? 0;
        resolve();
      };
    });
  }

  private frame(f: Response): void {
    if (f.ready && this.started) {
      this.readyFrames++;
      const w = this.readyWaiter;
      this.readyWaiter = null;
      w?.();
      return;
    }
    this.started = true;
    this.settle(f);
  }

  /** Waits for the server to be ready for the next candidate (always ready without ready frames). */
  private async nextReady(): Promise<boolean> {
    if (!this.spec.readyFrames) return true;
    if (this.readyFrames === 0) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.readyWaiter = resolve;
        timer = setTimeout(resolve, READY_TIMEOUT_MS);
      });
      clearTimeout(timer);
    }
    if (this.readyFrames === 0 || this.dead) return false;
    this.readyFrames--;
    return true;
  }

  /** Has the idle server grown (memory a candidate left behind in the allocator)? */
  bloated(): boolean {
    // Growth is gradual: measured at most once a second (a PSS read costs milliseconds).
    const t = performance.now();
    if (t - this.lastMeasured < 1000) return false;
    this.lastMeasured = t;
    const now = this.child.pid ? treePssMb(this.child.pid) : null;
    this.idleMb = now ?? this.baselineMb;
    return now !== null && now > this.baselineMb + BLOAT_MB;
  }

  private lastMeasured = -Infinity;

  /** The idle size measured before the current candidate (its limit sits on top of it). */
  private idleMb = 0;

  private settle(f: Response | Error): void {
    const p = this.pending;
    this.pending = null;
    p?.(f);
  }

  private fail(e: Error): void {
    this.dead = true;
    this.settle(e);
  }

  kill(): void {
    this.dead = true;
    try { if (this.child.pid) process.kill(-this.child.pid, 'SIGKILL'); } catch { /* gone */ }
  }

  /** The kernel memory ceiling for the next candidate: the server's own size plus twice the candidate's limit. */
  private ceiling(limits: SandboxLimits): void {
    this.cgroup?.setMemoryLimit(this.baselineMb + 2 * limits.memoryMb + 512);
  }

  /**
   * Runs one candidate; a server that misbehaves is killed and the candidate reported as such.
   * Null when the server never became ready for it (the pool then uses a fresh one).
   */
  async run(source: string, input: unknown, limits: SandboxLimits, signal?: AbortSignal): Promise<SandboxResult | null> {
    if (!(await this.nextReady())) {
      this.kill();
      return null;
    }
    const started = performance.now();
    const wall = () => performance.now() - started;
    const request = JSON.stringify({ source, input: input ?? null, timeoutMs: limits.timeoutMs, memoryMb: limits.memoryMb, maxOutputBytes: limits.maxOutputBytes, cpuSeconds: cpuBackstopSeconds(limits) });
    const body = Buffer.from(request, 'utf8');
    const answer = new Promise<Response | Error>((resolve) => { this.pending = resolve; });
    this.runs++;
    this.ceiling(limits);
    const kills = this.cgroup?.oomKills() ?? 0;
    this.child.stdin!.write(Buffer.concat([Buffer.from(`${body.length}\n`), body]));
    let timer: NodeJS.Timeout | undefined;
    const backstop = new Promise<Error>((resolve) => { timer = setTimeout(() => resolve(new Error('timeout')), limits.timeoutMs + GRACE_MS); });
    // The whole server tree is watched: per-process address-space limits do not bound a program
    // that forks, nor memory that a runtime's own limit does not see (WebAssembly memories).
    const limitMb = Math.max(this.baselineMb, this.idleMb) + limits.memoryMb + WATCH_SLACK_MB;
    const watch = this.child.pid ? new MemoryWatch(this.child.pid, limitMb) : null;
    let watchdog: NodeJS.Timeout | undefined;
    const memory = new Promise<Error>((resolve) => {
      watchdog = setInterval(() => {
        const mb = watch?.over();
        if (mb != null) resolve(new Error(`memory:resident memory ${mb.toFixed(0)} MiB exceeded the limit of ${limitMb.toFixed(0)} MiB`));
      }, 50);
    });
    const onAbort = () => this.settle(new Error('aborted'));
    signal?.addEventListener('abort', onAbort, { once: true });
    const r = await Promise.race([answer, backstop, memory]);
    clearTimeout(timer);
    clearInterval(watchdog);
    signal?.removeEventListener('abort', onAbort);
    if (r instanceof Error) {
      this.kill();
      if (r.message === 'timeout') return { ok: false, kind: 'timeout', reason: `exceeded the wall-clock limit of ${limits.timeoutMs} ms`, wallMs: wall(), logTail: '' };
      if (r.message === 'aborted') return { ok: false, kind: 'timeout', reason: 'abandoned because the run is stopping', wallMs: wall(), logTail: '' };
      if (r.message.startsWith('memory:')) return { ok: false, kind: 'memory', reason: r.message.slice(7), wallMs: wall(), logTail: '' };
      return { ok: false, kind: 'jail', reason: r.message, wallMs: wall(), logTail: '' };
    }
    const log = r.log ?? '';
    if ((this.cgroup?.oomKills() ?? 0) > kills) {
      this.kill(); // a process of the server itself may be the one the kernel ended
      return { ok: false, kind: 'memory', reason: "the kernel ended the program at the jail's memory ceiling (its memory, tmpfs, pipes and other kernel objects together)", wallMs: wall(), logTail: log };
    }
    if (r.verdict) return { ok: false, kind: r.verdict.kind, reason: r.verdict.reason, wallMs: wall(), logTail: log };
    const text = r.result64 !== undefined ? Buffer.from(r.result64, 'base64').toString('utf8') : (r.result ?? '');
    const parsed = parseResult(text, 0, log);
    if (parsed) return { ...parsed, wallMs: wall(), ...(parsed.ok ? { runMs: wall() } : {}) } as SandboxResult;
    return { ok: false, ...describeExit(r.status ?? null, null, limits), wallMs: wall(), logTail: log };
  }
}

/** Idle servers, reused one candidate at a time; a server is never shared by two candidates at once. */
export class ServerPool {
  private idle: JailedServer[] = [];
  private all = new Set<JailedServer>();

  constructor(private readonly spec: ServerSpec) {}

  async run(source: string, input: unknown, limits: SandboxLimits, signal?: AbortSignal): Promise<SandboxResult> {
    for (let attempt = 0; ; attempt++) {
      const server = await this.take();
      if (!(server instanceof JailedServer)) return server;
      const r = await server.run(source, input, limits, signal);
      if (!server.dead && this.spec.maxRuns > 0 && server.runs >= this.spec.maxRuns) server.kill();
      if (server.dead) this.all.delete(server);
      else this.idle.push(server);
      if (r) return r;
      if (attempt >= 1) return { ok: false, kind: 'jail', reason: `the ${this.spec.name} did not become ready`, wallMs: 0, logTail: '' };
    }
  }

  /** An idle, healthy server (a bloated one is replaced), or a fresh one; or why none could start. */
  private async take(): Promise<JailedServer | SandboxResult> {
    let server = this.idle.pop();
    while (server && (server.dead || server.bloated())) {
      server.kill();
      this.all.delete(server);
      server = this.idle.pop();
    }
    if (server) return server;
    const fresh = new JailedServer(this.spec);
    this.all.add(fresh);
    try {
      await fresh.ready;
    } catch (e) {
      this.all.delete(fresh);
      return { ok: false, kind: 'jail', reason: (e as Error).message, wallMs: 0, logTail: '' };
    }
    return fresh;
  }

  close(): void {
    for (const s of this.all) s.kill();
    this.all.clear();
    this.idle = [];
  }
}
