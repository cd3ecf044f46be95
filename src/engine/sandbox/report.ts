// What protects candidates on this machine, layer by layer, for `evolab doctor`.
import { jailCommand, spawnJail, jailTools, jailUnavailable, JAIL_UID, processLimit } from './jail.js';
import { cgroupBases } from './cgroup.js';
import { deniedCalls, seccompArch } from './seccomp.js';
import { nodeRuntime, pythonCommand, pythonRuntime } from './runtimes.js';
import { sandboxMode, UNSAFE_ENV } from './sandbox.js';

export interface Layer {
  name: string;
  ok: boolean;
  detail: string;
}

/** Starts a trivial jail to prove the kernel lets bubblewrap build it (installed is not enough). */
async function jailStarts(): Promise<string | null> {
  try {
    const cmd = jailCommand({
      argv: [nodeRuntime().executable, '-e', '0'],
      readOnly: nodeRuntime().readOnly,
      env: {},
      limits: { cpuSeconds: 10, addressSpaceMb: null, processes: processLimit(64), fileSizeMb: 1, openFiles: 64, scratchMb: 1 },
      seccomp: 'candidate',
    });
    const child = spawnJail(cmd);
    child.stdin!.end();
    let err = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    clearTimeout(timer);
    return code === 0 ? null : (err || `exit status ${code}`).trim().split('\n')[0];
  } catch (e) {
    return (e as Error).message;
  }
}

function cgroupText(): string {
  const b = cgroupBases();
  if (b.memory || b.pids) return `a control group per jail: ${[b.memory ? 'memory ceiling (kernel objects included)' : '', b.pids ? 'task limit' : ''].filter(Boolean).join(', ')}`;
  return 'none (needs root and a writable cgroup v1 memory/pids hierarchy); the rlimits and the watchdog hold alone';
}

export async function sandboxLayers(): Promise<Layer[]> {
  const tools = jailTools();
  const missing = jailUnavailable(tools);
  const failed = missing ? null : await jailStarts();
  const jail = !missing && !failed;
  const mode = sandboxMode();
  const layers: Layer[] = [
    { name: 'jail', ok: jail, detail: jail ? `bubblewrap ${tools.bwrap}` : `unavailable: ${missing ?? failed}` },
    { name: 'user', ok: jail, detail: tools.root ? `uid/gid ${JAIL_UID} inside; outside, a fresh unprivileged uid/gid per jail (engine runs as root, drops with setpriv)` : `uid/gid ${JAIL_UID} inside a user namespace mapped to this user` },
    { name: 'namespaces', ok: jail, detail: 'user, PID, mount, IPC, UTS, network (no interfaces but loopback), cgroup' },
    { name: 'filesystem', ok: jail, detail: 'read-only /usr and the runtime only; no /run, no host /tmp, no sockets; 64 MiB private tmpfs scratch' },
    { name: 'seccomp', ok: jail && seccompArch() !== null, detail: seccompArch() ? `filter refuses ${deniedCalls('candidate', seccompArch()!).join(', ')}, clone3 (ENOSYS) and every other ABI` : `no filter for ${process.arch}` },
    { name: 'privileges', ok: jail, detail: 'no capabilities, no_new_privs, no nested user namespaces (Python: one per candidate, then none)' },
    { name: 'cgroup', ok: true, detail: cgroupText() },
    { name: 'rlimits', ok: !!tools.prlimit, detail: tools.prlimit ? 'CPU seconds, address space, processes, file size, open files, no core dumps' : 'prlimit missing' },
    { name: 'lifetime', ok: jail, detail: 'die-with-parent, new session, namespace teardown kills every process on timeout' },
    { name: 'environment', ok: true, detail: 'cleared; PATH, HOME, TMPDIR, LANG, thread counts and OpenBLAS core settings only' },
    { name: 'javascript', ok: true, detail: 'fresh V8 context: no process, require, import(), eval, new Function; import() refused in the context\'s own realm' },
  ];
  try {
    const py = pythonRuntime();
    layers.push({ name: 'python', ok: true, detail: `${py.executable} ${py.version}${py.preload.length ? ` (fork server preloads ${py.preload.join(', ')})` : ''}` });
  } catch (e) {
    layers.push({ name: 'python', ok: false, detail: `${pythonCommand()}: ${(e as Error).message}` });
  }
  if (!mode.jailed) layers.push({ name: 'policy', ok: false, detail: mode.allowed ? `${UNSAFE_ENV}=1: candidates run WITHOUT the jail` : 'candidates are refused until the jail works (or --unsafe-no-jail)' });
  return layers;
}
