// A kernel control group per jail, where the engine runs as root on a cgroup v1 memory and pids
// hierarchy: a hard ceiling on everything the jail's processes make the kernel hold (anonymous
// memory, tmpfs pages, pipe buffers, page tables, kernel objects), which neither rlimits nor the
// resident-memory watchdog see, and on the number of its tasks. It is a backstop above the precise
// limits: the rlimits and the watchdog still decide the ordinary memory failures.
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Bases {
  memory: string | null;
  pids: string | null;
}

let bases: Bases | null = null;

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return existsSync(join(dir, 'cgroup.procs'));
  } catch {
    return false;
  }
}

/** The folders below which jail cgroups go: this process's own v1 memory and pids cgroups. */
export function cgroupBases(): Bases {
  if (bases) return bases;
  bases = { memory: null, pids: null };
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || process.env.EVOLAB_NO_CGROUP === '1') return bases;
  let lines: string[] = [];
  try {
    lines = readFileSync('/proc/self/cgroup', 'utf8').split('\n');
  } catch {
    return bases;
  }
  for (const line of lines) {
    const [, controllers, path] = line.split(':');
    for (const c of ['memory', 'pids'] as const) {
      if (controllers?.split(',').includes(c)) {
        const dir = join('/sys/fs/cgroup', c, path ?? '/');
        if (writable(dir)) bases[c] = dir;
      }
    }
  }
  return bases;
}

function tryWrite(file: string, value: string): boolean {
  try {
    writeFileSync(file, value);
    return true;
  } catch {
    return false;
  }
}

/** Cgroups not yet removed; a last attempt is made when the engine exits. */
const live = new Set<JailCgroup>();
let exitHook = false;

export class JailCgroup {
  private constructor(readonly dirs: { memory: string | null; pids: string | null }) {
    live.add(this);
    if (!exitHook) {
      exitHook = true;
      process.on('exit', () => removeAllBeforeExit());
    }
  }

  /** One attempt to remove the cgroup(s); true when nothing is left. */
  tryRemove(): boolean {
    let left = false;
    for (const dir of [this.dirs.memory, this.dirs.pids]) {
      if (!dir || !existsSync(dir)) continue;
      try {
        rmdirSync(dir);
      } catch {
        left = true;
      }
    }
    if (!left) live.delete(this);
    return !left;
  }

  /** Makes the cgroup(s) for one jail, or null where this machine offers none. */
  static create(memoryMb: number, tasks: number): JailCgroup | null {
    const b = cgroupBases();
    if (!b.memory && !b.pids) return null;
    const name = `evolab-${process.pid}-${randomBytes(6).toString('hex')}`;
    const dirs = { memory: null as string | null, pids: null as string | null };
    try {
      if (b.memory) {
        dirs.memory = join(b.memory, name);
        mkdirSync(dirs.memory);
      }
      if (b.pids) {
        dirs.pids = join(b.pids, name);
        mkdirSync(dirs.pids);
        tryWrite(join(dirs.pids, 'pids.max'), String(tasks));
      }
    } catch {
      new JailCgroup(dirs).remove();
      return null;
    }
    const cg = new JailCgroup(dirs);
    cg.setMemoryLimit(memoryMb);
    return cg;
  }

  /** The files a launcher writes its pid to, to enter the cgroup(s) before it starts the jail. */
  procsFiles(): string[] {
    return [this.dirs.memory, this.dirs.pids].filter((d): d is string => d !== null).map((d) => join(d, 'cgroup.procs'));
  }

  /** Sets the memory ceiling (swap included where the kernel accounts it). */
  setMemoryLimit(mb: number): void {
    if (!this.dirs.memory) return;
    const bytes = String(Math.floor(mb * 1024 * 1024));
    const memsw = join(this.dirs.memory, 'memory.memsw.limit_in_bytes');
    // memsw must stay at or above the memory limit: raise it first when raising, lower it last when lowering.
    if (existsSync(memsw)) tryWrite(memsw, bytes);
    tryWrite(join(this.dirs.memory, 'memory.limit_in_bytes'), bytes);
    if (existsSync(memsw)) tryWrite(memsw, bytes);
  }

  /** How many times the kernel killed a process of this jail for its memory ceiling. */
  oomKills(): number {
    if (!this.dirs.memory) return 0;
    try {
      const m = /^oom_kill (\d+)/m.exec(readFileSync(join(this.dirs.memory, 'memory.oom_control'), 'utf8'));
      return m ? Number(m[1]) : 0;
    } catch {
      return 0;
    }
  }

  /** Removes the cgroup(s) once no process is left in them; retried briefly while they die. */
  remove(attempt = 0): void {
    if (!this.tryRemove() && attempt < 40) setTimeout(() => this.remove(attempt + 1), 50).unref();
  }
}

/** At exit: the jails were just killed; give their processes up to half a second to go, then remove. */
function removeAllBeforeExit(): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < 50 && live.size > 0; i++) {
    for (const cg of [...live]) cg.tryRemove();
    if (live.size > 0) Atomics.wait(pause, 0, 0, 10);
  }
}

/** Removes jail cgroups that engines which died left behind (empty ones only). */
export function sweepStaleCgroups(): void {
  const b = cgroupBases();
  for (const base of [b.memory, b.pids]) {
    if (!base) continue;
    let names: string[] = [];
    try {
      names = readdirSync(base).filter((n) => n.startsWith('evolab-'));
    } catch {
      continue;
    }
    for (const n of names) {
      const pid = Number(n.split('-')[1]);
      if (pid === process.pid || existsSync(`/proc/${pid}`)) continue;
      try {
        rmdirSync(join(base, n));
      } catch { /* still in use */ }
    }
  }
}
