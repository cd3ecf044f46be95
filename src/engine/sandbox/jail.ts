// The OS jail around every candidate process: bubblewrap gives it its own user, PID, mount, IPC,
// UTS and network namespaces, a read-only view of only the runtime it needs, a size-capped
// private scratch folder, a cleared environment, no capabilities and no new privileges; prlimit
// sets kernel resource limits that hold even if the engine dies. When the engine runs as root,
// the jail runs as the unprivileged `nobody` (65534) outside the namespaces too, and runtime
// folders that only root can reach (an interpreter under /root) are first bind-mounted into a
// private mount namespace so that `nobody` can see exactly those and nothing else of them.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, lstatSync, mkdirSync, readlinkSync, statSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { JailCgroup, sweepStaleCgroups } from './cgroup.js';
import { seccompFilter, type SeccompProfile } from './seccomp.js';
import { which } from './which.js';

/** The uid/gid a candidate sees inside the jail (`nobody`). */
export const JAIL_UID = 65534;
/**
 * When the engine runs as root, each jail runs as a fresh unprivileged host uid/gid drawn from this
 * range: processes of two jails cannot signal each other even by pid, and the kernel's process
 * limit (counted per host uid) is each jail's own, so a fork bomb in one cannot starve another.
 */
export const HOST_UID_BASE = 0x50000000;
export const HOST_UID_SPAN = 0x01000000;

export function hostUid(): number {
  return HOST_UID_BASE + randomInt(HOST_UID_SPAN);
}
/** Where the candidate's writable scratch folder is mounted inside the jail. */
export const SCRATCH = '/scratch';

export interface JailTools {
  bwrap: string | null;
  prlimit: string | null;
  setpriv: string | null;
  unshare: string | null;
  sh: string | null;
  /** The engine runs as root and drops to JAIL_UID before entering the jail. */
  root: boolean;
}

export interface JailLimits {
  /** Kernel CPU-time limit (seconds) for each process in the jail. */
  cpuSeconds: number;
  /** Address-space limit (MiB), or null where the runtime reserves large virtual ranges (V8). */
  addressSpaceMb: number | null;
  /** Processes and threads the jail's uid may have at once (counted per jail's user namespace). */
  processes: number;
  /** Largest file the candidate may write (MiB). */
  fileSizeMb: number;
  openFiles: number;
  /** Size of the tmpfs scratch folder (MiB). */
  scratchMb: number;
}

export interface JailSpec {
  /** The command run inside the jail; argv[0] must be an absolute path visible inside. */
  argv: string[];
  /** Host folders or files exposed read-only at the same path inside the jail. */
  readOnly: string[];
  /** Environment of the command; nothing else is inherited. */
  env: Record<string, string>;
  limits: JailLimits;
  /** Allow the command to create user namespaces of its own (the Python fork server needs one per candidate). */
  nestedUserns?: boolean;
  /** The seccomp filter bwrap installs before it starts the command. */
  seccomp: SeccompProfile;
  /** A kernel memory ceiling (MiB) and task limit for the whole jail, where cgroups are available. */
  cgroup?: { memoryMb: number; tasks: number };
}

/** The file descriptor on which the spawned jail expects its seccomp filter. */
export const SECCOMP_FD = 4;

export interface JailCommand {
  cmd: string;
  args: string[];
  /** Environment of the spawned command itself (the jail clears and sets its own). */
  env?: Record<string, string>;
  /** The seccomp filter, fed to the jail through a pipe on fd SECCOMP_FD. */
  seccomp?: Buffer;
  /** The jail's control group; whoever spawns the jail removes it when the jail has ended. */
  cgroup?: JailCgroup;
}

let toolsCache: JailTools | null = null;

export function jailTools(): JailTools {
  if (toolsCache) return toolsCache;
  const linux = process.platform === 'linux';
  toolsCache = {
    bwrap: linux ? which('bwrap') : null,
    prlimit: linux ? which('prlimit') : null,
    setpriv: linux ? which('setpriv') : null,
    unshare: linux ? which('unshare') : null,
    sh: linux ? (existsSync('/bin/sh') ? '/bin/sh' : which('sh')) : null,
    root: typeof process.getuid === 'function' && process.getuid() === 0,
  };
  return toolsCache;
}

/**
 * The process limit for a jail: its own count when the engine is root (a fresh uid per jail);
 * otherwise the kernel counts every process of this user, so the limit must leave room for them.
 */
export function processLimit(perJail: number): number {
  return jailTools().root ? perJail : Math.max(4096, perJail);
}

/** Can `nobody` reach this path (every folder above it searchable, the path itself readable)? */
export function worldReadable(path: string): boolean {
  try {
    let p = resolve(path);
    const self = statSync(p);
    if (!(self.mode & 0o004) || (self.isDirectory() && !(self.mode & 0o001))) return false;
    while (p !== dirname(p)) {
      p = dirname(p);
      if (!(statSync(p).mode & 0o001)) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** The system folders every runtime needs (merged-/usr systems make /bin, /lib… symlinks). */
function systemArgs(): string[] {
  const args = ['--ro-bind', '/usr', '/usr'];
  for (const top of ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32']) {
    if (!existsSync(top)) continue;
    const st = lstatSync(top);
    if (st.isSymbolicLink()) args.push('--symlink', readlinkSync(top), top);
    else args.push('--ro-bind', top, top);
  }
  // The dynamic loader's cache and the alternatives links some interpreters resolve through.
  for (const f of ['/etc/ld.so.cache', '/etc/ld.so.conf', '/etc/ld.so.conf.d', '/etc/alternatives', '/etc/localtime']) {
    args.push('--ro-bind-try', f, f);
  }
  return args;
}

function rlimitArgs(prlimit: string, l: JailLimits): string[] {
  const mb = (n: number) => String(Math.floor(n * 1024 * 1024));
  const args = [
    prlimit,
    `--cpu=${l.cpuSeconds}:${l.cpuSeconds + 1}`,
    `--nproc=${l.processes}`,
    `--fsize=${mb(l.fileSizeMb)}`,
    `--nofile=${l.openFiles}`,
    // 1, not 0: with a piped core_pattern the kernel starts its helper even at 0, never at 1.
    '--core=1',
    '--memlock=0',
  ];
  if (l.addressSpaceMb !== null) args.push(`--as=${mb(l.addressSpaceMb)}`);
  return [...args, '--'];
}

let stage: string | null = null;

/**
 * An empty, world-searchable mount point for staging root-only folders. Only the private mount
 * namespace of each jail's launcher ever mounts on it; the host sees an empty folder. It is reused
 * when it is a real folder owned by this user with mode 0755, else a fresh one is made.
 */
function stageDir(): string {
  if (stage) return stage;
  const dir = join(tmpdir(), `evolab-jail-stage-${process.getuid?.() ?? 0}`);
  try {
    mkdirSync(dir, { mode: 0o755 });
  } catch { /* exists: checked below */ }
  const st = lstatSync(dir, { throwIfNoEntry: false });
  const ours = st && st.isDirectory() && !st.isSymbolicLink() && st.uid === (process.getuid?.() ?? 0) && (st.mode & 0o7777) === 0o755;
  stage = ours ? dir : mkdtempSync(join(tmpdir(), 'evolab-jail-stage-'));
  if (!ours) chmodSync(stage, 0o755);
  return stage;
}

interface Binds {
  /** bwrap arguments exposing the read-only paths. */
  args: string[];
  /** Host paths that must be bind-mounted into the stage first (root only): [source, stagePath]. */
  staged: [string, string][];
}

function bindArgs(paths: string[], tools: JailTools): Binds {
  const out: Binds = { args: [], staged: [] };
  const taken: string[] = [];
  // Shortest first, so a folder inside one already exposed is skipped.
  for (const p of [...new Set(paths.map((x) => resolve(x)))].sort((a, b) => a.length - b.length)) {
    if (p === '/usr' || p.startsWith('/usr/') || taken.some((t) => p.startsWith(t + '/'))) continue;
    taken.push(p);
    if (tools.root && !worldReadable(p)) {
      const staged = join(stageDir(), String(out.staged.length));
      out.staged.push([p, staged]);
      out.args.push('--ro-bind', staged, p);
    } else out.args.push('--ro-bind', p, p);
  }
  return out;
}

function bwrapArgs(spec: JailSpec, binds: Binds, seccomp: Buffer | null): string[] {
  const l = spec.limits;
  const args = [
    '--unshare-user', '--unshare-pid', '--unshare-net', '--unshare-ipc', '--unshare-uts', '--unshare-cgroup-try',
    '--uid', String(JAIL_UID), '--gid', String(JAIL_UID),
    '--hostname', 'evolab',
    '--die-with-parent', '--new-session', '--cap-drop', 'ALL',
    ...(spec.nestedUserns ? [] : ['--disable-userns']),
    ...systemArgs(),
    '--proc', '/proc',
    '--dev', '/dev',
    // No pseudo-terminals: an empty, read-only /dev/pts (a devpts instance is a channel and a
    // host-wide counter).
    '--tmpfs', '/dev/pts',
    '--remount-ro', '/dev/pts',
    '--remount-ro', '/dev',
    '--perms', '0700', '--size', String(Math.floor(l.scratchMb * 1024 * 1024)), '--tmpfs', SCRATCH,
    ...binds.args,
    '--remount-ro', '/',
    '--chdir', SCRATCH,
    '--clearenv',
  ];
  for (const [k, v] of Object.entries(spec.env)) args.push('--setenv', k, v);
  if (seccomp) args.push('--seccomp', String(SECCOMP_FD));
  return [...args, '--', ...spec.argv];
}

/**
 * Shell run as root in a private mount namespace: stage root-only folders, enter the jail's
 * control groups, then drop to the jail's uid. Arguments: stage, n, n sources, m, m cgroup.procs
 * files, the command.
 */
const STAGE_SCRIPT = [
  'set -e',
  'cd /',
  'stage="$1"; n="$2"; shift 2',
  'if [ "$n" -gt 0 ]; then mount -t tmpfs -o mode=0755,size=64k evolab-stage "$stage"; fi',
  'i=0',
  'while [ "$i" -lt "$n" ]; do',
  '  if [ -d "$1" ]; then mkdir "$stage/$i"; else : > "$stage/$i"; fi',
  '  mount --bind "$1" "$stage/$i"; i=$((i+1)); shift',
  'done',
  'm="$1"; shift',
  'j=0',
  'while [ "$j" -lt "$m" ]; do echo $$ > "$1"; j=$((j+1)); shift; done',
  'exec "$@"',
].join('\n');

/** Why the full jail cannot be built here, or null when it can. */
export function jailUnavailable(tools: JailTools = jailTools()): string | null {
  if (process.platform !== 'linux') return `the OS jail needs Linux (this is ${process.platform})`;
  if (!tools.bwrap) return 'bubblewrap (bwrap) is not installed (Debian/Ubuntu: apt-get install bubblewrap)';
  if (!tools.prlimit) return 'prlimit (util-linux) is not installed';
  if (tools.root && (!tools.setpriv || !tools.unshare || !tools.sh)) return 'running as root needs setpriv and unshare (util-linux) to drop to an unprivileged user';
  return null;
}

let swept = false;

/** The command line that runs `spec.argv` inside the jail. Throws when the jail is unavailable. */
export function jailCommand(spec: JailSpec, tools: JailTools = jailTools()): JailCommand {
  const missing = jailUnavailable(tools);
  if (missing) throw new Error(missing);
  const binds = bindArgs(spec.readOnly, tools);
  const filter = seccompFilter(spec.seccomp) ?? undefined;
  const inner = [...rlimitArgs(tools.prlimit!, spec.limits), tools.bwrap!, ...bwrapArgs(spec, binds, filter ?? null)];
  if (!tools.root) return { cmd: inner[0], args: inner.slice(1), seccomp: filter };
  const uid = hostUid();
  const drop = [tools.setpriv!, `--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', '--no-new-privs', '--'];
  if (!swept) {
    swept = true;
    sweepStaleCgroups();
  }
  const cgroup = spec.cgroup ? JailCgroup.create(spec.cgroup.memoryMb, spec.cgroup.tasks) ?? undefined : undefined;
  const procs = cgroup?.procsFiles() ?? [];
  if (binds.staged.length === 0 && procs.length === 0) return { cmd: drop[0], args: [...drop.slice(1), ...inner], seccomp: filter };
  const sources = binds.staged.map(([src]) => src);
  return {
    cmd: tools.unshare!,
    args: ['--mount', '--propagation', 'private', '--', tools.sh!, '-c', STAGE_SCRIPT, 'evolab-jail', stageDir(), String(sources.length), ...sources, String(procs.length), ...procs, ...drop, ...inner],
    seccomp: filter,
    cgroup,
  };
}

const O_CLOEXEC = 0o2000000;
let nullFd: number | null = null;

function devNull(): number {
  if (nullFd === null) nullFd = openSync('/dev/null', 'r');
  return nullFd;
}

/** Descriptors above 4 open in this process without close-on-exec (they would be inherited). */
export function inheritableFds(): number[] {
  const out: number[] = [];
  let names: string[];
  try {
    names = readdirSync('/proc/self/fdinfo');
  } catch {
    return out;
  }
  for (const name of names) {
    const fd = Number(name);
    if (!Number.isInteger(fd) || fd <= 4 || fd > 4096 || fd === nullFd) continue;
    try {
      const flags = /^flags:\s+([0-7]+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
      if (flags && !(parseInt(flags[1], 8) & O_CLOEXEC)) out.push(fd);
    } catch { /* closed meanwhile */ }
  }
  return out.sort((a, b) => a - b);
}

/**
 * Starts a jail: stdin, stdout, stderr and fd 3 are pipes; the seccomp filter is written to fd 4,
 * which bwrap reads to its end before it starts the command. The whole group can be killed.
 */
export function spawnJail(command: JailCommand): ChildProcess {
  const stdio: ('pipe' | 'ignore' | number)[] = ['pipe', 'pipe', 'pipe', 'pipe', command.seccomp ? 'pipe' : 'ignore'];
  // Descriptors this engine inherited without close-on-exec (from a shell, a job runner) would
  // pass into the jail: each is replaced by /dev/null there.
  for (const fd of inheritableFds()) {
    while (stdio.length < fd) stdio.push('ignore');
    stdio[fd] = devNull();
  }
  const child = spawn(command.cmd, command.args, { env: command.env ?? {}, cwd: '/', detached: true, stdio });
  if (command.seccomp) {
    const feed = child.stdio[SECCOMP_FD] as NodeJS.WritableStream;
    feed.on('error', () => { /* the jail failed to start; its exit says why */ });
    feed.end(command.seccomp);
  }
  return child;
}
