// Hostile Python candidates, each run through `evolab eval circle-packing-26-py`: every one must be
// contained with a clear reason, leave no file or process behind, and leave the engine working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, evolab, evolabAsync } from '../helpers/cli.js';

const SECRET = 'sk-planted-secret-python-0123456789';
/** A valid 26-circle packing (a 6×5 grid's first 26 cells). */
const GRID = 'circles = [[(i % 6) / 6 + 1 / 12, (i // 6) / 5 + 0.1, 0.08] for i in range(26)]';
/** What a candidate sees in /proc: itself alone (fork server), or itself under bwrap's init (one-shot). */
const ONLY_SELF = /pids \['1'(, '2')?\]/;

interface Evaluated { status: string; valid: boolean; score: number | null; reason: string | null; logTail: string; raw: string }

/** Processes whose command line carries `marker` (a candidate's leftovers would). */
function survivors(marker: string): string[] {
  const r = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return r.stdout.split('\n').filter((l) => l.includes(marker) && !l.includes('ps -eo'));
}

/** Defines every Python attack as a test, run with `extra` in the environment (which Python path). */
export function pyAttackSuite(label: string, extra: Record<string, string>): void {
const dir = mkdtempSync(join(tmpdir(), 'evolab-pyattack-'));
chmodSync(dir, 0o777); // world-writable: only the jail's mount table keeps candidates out
const env = { ...process.env, OPENAI_API_KEY: SECRET, EVOLAB_TEST_SECRET: SECRET, ...extra };

function program(name: string, body: string): string {
  const file = join(dir, `${name}.py`);
  const indented = body.trim().split('\n').map((l) => '    ' + l).join('\n');
  writeFileSync(file, `# EVOLVE-BLOCK-START\n# EVOLVE-BLOCK-END\nimport os, sys, signal, socket, time\n\ndef run(input=None):\n${indented}\n`);
  return file;
}

function evalPy(file: string, extra: string[] = []): Evaluated {
  const r = evolab(['eval', 'circle-packing-26-py', file, '--json', '--timeout', '4000', '--memory', '256', ...extra], env);
  assert.equal(r.code, 0, `eval exited ${r.code}: ${r.stderr}`);
  return { ...(JSON.parse(r.stdout) as Omit<Evaluated, 'raw'>), raw: r.stdout };
}

test.after(() => rmSync(dir, { recursive: true, force: true }));

test(`${label}: ` + 'writing outside the scratch folder fails everywhere; scratch itself vanishes', () => {
  const target = join(dir, 'pwned.txt');
  const r = evalPy(program('write', `
out = []
for p in [${JSON.stringify(target)}, '/etc/pwned', '/usr/pwned', '/pwned', '/tmp/pwned', '/dev/shm/pwned', '/proc/pwned']:
    try:
        open(p, 'w').write('x'); out.append('WROTE ' + p)
    except Exception as e:
        out.append(type(e).__name__)
open('/scratch/mine', 'w').write('ok')
print('tries', out)
${GRID}
return {'circles': circles}`));
  assert.equal(r.status, 'valid', r.reason ?? '');
  assert.doesNotMatch(r.logTail, /WROTE/);
  assert.ok(!existsSync(target));
});

test(`${label}: ` + 'a planted secret is not in its environment, /proc/1/environ or any visible process', () => {
  const r = evalPy(program('secret', `
seen = repr(dict(os.environ))
for pid in os.listdir('/proc'):
    if pid.isdigit():
        for f in ('environ', 'cmdline'):
            try: seen += open('/proc/%s/%s' % (pid, f), 'rb').read().decode('latin1')
            except Exception as e: seen += type(e).__name__
try: seen += open('/proc/%d/environ' % os.getppid(), 'rb').read().decode('latin1')
except Exception as e: seen += type(e).__name__
print('pids', [p for p in os.listdir('/proc') if p.isdigit()], 'seen', len(seen))
print(seen[-2000:])
${GRID}
return {'circles': circles, 'seen': seen}`));
  assert.equal(r.status, 'valid', r.reason ?? '');
  assert.ok(!r.raw.includes(SECRET), 'the secret leaked');
  assert.ok(!r.raw.includes(`PWD=${process.cwd()}`), "the engine's working folder leaked (PWD of the jail's init)");
  assert.match(r.logTail, ONLY_SELF, 'the candidate sees only itself');
});

test(`${label}: ` + 'signalling the parent, every process and a host process kills nothing', () => {
  const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
  const r = evalPy(program('signals', `
out = []
for target in (os.getppid(), 1, -1, ${sleeper.pid}, ${process.pid}):
    try: os.kill(target, signal.SIGKILL); out.append('sent %d' % target)
    except Exception as e: out.append('%d %s' % (target, type(e).__name__))
print(out)
${GRID}
return {'circles': circles}`));
  assert.ok(['crashed', 'valid'].includes(r.status), r.status);
  assert.doesNotMatch(r.logTail, new RegExp(`sent ${sleeper.pid}|sent ${process.pid}`));
  assert.equal(sleeper.exitCode, null);
  assert.equal(sleeper.signalCode, null);
  sleeper.kill();
});

test(`${label}: ` + 'a Unix socket listener owned by the test is unreachable, and no socket file appears', async () => {
  const path = join(dir, 'host.sock');
  let connections = 0;
  const server = createServer((s) => { connections++; s.destroy(); });
  await new Promise<void>((res) => server.listen(path, () => res()));
  chmodSync(path, 0o777);
  const made = join(dir, 'made.sock');
  const file = program('unix', `
out = []
for p in (${JSON.stringify(path)}, '/run/postgresql/.s.PGSQL.5432', '/var/run/mysqld/mysqld.sock', '/tmp/.X11-unix/X0'):
    try:
        s = socket.socket(socket.AF_UNIX)
        s.connect(p); out.append('CONNECTED ' + p)
    except Exception as e: out.append(type(e).__name__)
try:
    s = socket.socket(socket.AF_UNIX)
    s.bind(${JSON.stringify(made)}); out.append('BOUND')
except Exception as e: out.append(type(e).__name__)
try:
    a = socket.socket(socket.AF_UNIX)
    a.connect('\\0evolab-abstract'); out.append('ABSTRACT')
except Exception as e: out.append(type(e).__name__)
try:
    socket.socketpair(); out.append('SOCKETPAIR')
except Exception as e: out.append(type(e).__name__)
print(out)
${GRID}
return {'circles': circles}`);
  const r = await evolabAsync(['eval', 'circle-packing-26-py', file, '--json'], env);
  server.close();
  const out = JSON.parse(r.stdout) as Evaluated;
  assert.equal(out.status, 'valid', out.reason ?? '');
  assert.doesNotMatch(out.logTail, /CONNECTED|BOUND|ABSTRACT|SOCKETPAIR/);
  assert.match(out.logTail, /PermissionError/, 'sockets are refused by the seccomp filter');
  assert.equal(connections, 0);
  assert.ok(!existsSync(made));
});

test(`${label}: ` + 'no TCP connection reaches a listener on 127.0.0.1', async () => {
  let connections = 0;
  const server = createServer((s) => { connections++; s.destroy(); });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  const port = (server.address() as { port: number }).port;
  const file = program('tcp', `
out = []
for host in ('127.0.0.1', 'localhost', '::1', '10.0.0.1'):
    try: socket.create_connection((host, ${port}), timeout=1); out.append('CONNECTED ' + host)
    except Exception as e: out.append(type(e).__name__)
print(out)
${GRID}
return {'circles': circles}`);
  const r = await evolabAsync(['eval', 'circle-packing-26-py', file, '--json'], env);
  server.close();
  const out = JSON.parse(r.stdout) as Evaluated;
  assert.equal(out.status, 'valid', out.reason ?? '');
  assert.doesNotMatch(out.logTail, /CONNECTED/);
  assert.equal(connections, 0);
});

test(`${label}: ` + 'a fork bomb is contained and leaves nothing running', () => {
  const r = evalPy(program('forkbomb', `
kids = 0
try:
    while True:
        if os.fork() == 0:
            open('/proc/self/comm', 'w').write('evolab-bomb')
            time.sleep(120); os._exit(0)
        kids += 1
except OSError as e:
    print('fork stopped after', kids, type(e).__name__, flush=True)
time.sleep(60)`), ['--timeout', '2500']);
  assert.equal(r.status, 'crashed');
  // Stopped by the deadline, or by the memory watchdog if the forks outgrow it first (under load).
  assert.match(r.reason ?? '', /wall-clock limit|memory .* exceeded/);
  assert.deepEqual(survivors('evolab-bomb'), []);
});

test(`${label}: ` + 'a process that ignores SIGTERM and daemonises is gone after the wall-clock kill', () => {
  const marker = join(dir, 'linger-alive');
  const r = evalPy(program('linger', `
signal.signal(signal.SIGTERM, signal.SIG_IGN)
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        open('/proc/self/comm', 'w').write('evolab-linger')
        while True:
            try: open(${JSON.stringify(marker)}, 'w').write('x')
            except Exception: pass
            time.sleep(0.05)
while True: pass`), ['--timeout', '1500']);
  assert.equal(r.status, 'crashed');
  assert.match(r.reason ?? '', /wall-clock limit of 1500 ms/);
  assert.deepEqual(survivors('evolab-linger'), []);
  assert.ok(!existsSync(marker));
});

test(`${label}: ` + 'a memory bomb stops at the address-space limit', () => {
  const r = evalPy(program('membomb', `
chunks = []
while True: chunks.append(bytearray(50 * 1024 * 1024))`));
  assert.equal(r.status, 'crashed');
  assert.match(r.reason ?? '', /MemoryError|memory .* exceeded the limit/);
});

test(`${label}: ` + '100 MB of stdout is cut at the output limit', () => {
  const r = evalPy(program('flood', `
line = 'x' * 1000000
for _ in range(100): print(line)
${GRID}
return {'circles': circles}`));
  assert.equal(r.status, 'crashed');
  assert.match(r.reason ?? '', /printed more than \d+ bytes/);
  assert.ok(r.logTail.length < 20_000);
});

test(`${label}: ` + 'os.system, subprocess and ctypes reach nothing outside', () => {
  const target = join(dir, 'sys.txt');
  const r = evalPy(program('ctypes', `
import ctypes, subprocess
out = []
out.append(os.system('touch ${target} 2>/dev/null'))
try: out.append(subprocess.run(['/bin/sh', '-c', 'id -u; cat /etc/shadow'], capture_output=True, text=True).stdout)
except Exception as e: out.append(type(e).__name__)
libc = ctypes.CDLL(None, use_errno=True)
out.append(('unshare', libc.unshare(0x10000000), ctypes.get_errno()))
out.append(('mount', libc.mount(b'none', b'/usr', b'tmpfs', 0, None), ctypes.get_errno()))
out.append(('ptrace', libc.ptrace(16, 1, 0, 0), ctypes.get_errno()))
out.append(('setuid0', libc.setuid(0), ctypes.get_errno()))
out.append(('keyctl', libc.syscall(250, 0, 0, 0, 0, 0), ctypes.get_errno()))
out.append(('bpf', libc.syscall(321, 0, 0, 0), ctypes.get_errno()))
out.append([l for l in open('/proc/self/status').read().split('\\n') if l.startswith(('Seccomp:', 'NoNewPrivs:', 'CapEff:'))])
print(out)
${GRID}
return {'circles': circles}`));
  assert.equal(r.status, 'valid', r.reason ?? '');
  assert.ok(!existsSync(target));
  assert.match(r.logTail, /\('unshare', -1, \d+\)/);
  assert.match(r.logTail, /\('mount', -1, \d+\)/);
  assert.match(r.logTail, /\('setuid0', -1, \d+\)/);
  assert.match(r.logTail, /\('ptrace', -1, 1\)/, 'ptrace refused by the seccomp filter (EPERM)');
  if (process.arch === 'x64') assert.match(r.logTail, /\('keyctl', -1, 1\).*\('bpf', -1, 1\)/s);
  assert.match(r.logTail, /Seccomp:\\t2/);
  assert.match(r.logTail, /NoNewPrivs:\\t1/);
  assert.match(r.logTail, /CapEff:\\t0000000000000000/);
  assert.doesNotMatch(r.logTail, /root:/);
});

test(`${label}: ` + 'a huge BigInt, an own __proto__ key and a fake out-of-memory message get honest reasons', () => {
  const t0 = Date.now();
  const big = evalPy(program('bigint', `return {'circles': {'$bigint': '1' * 32000000}}`));
  assert.equal(big.status, 'crashed');
  assert.match(big.reason ?? '', /BigInt of 32000000 digits; the limit is \d+/);
  assert.ok(Date.now() - t0 < 20_000);
  const proto = evalPy(program('proto', `${GRID}\nreturn {'__proto__': {'circles': circles}}`));
  assert.equal(proto.status, 'invalid');
  assert.match(proto.reason ?? '', /circles/);
  const fake = evalPy(program('fakeoom', `
sys.stderr.write('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\\n')
sys.stderr.flush()
os._exit(1)`));
  assert.equal(fake.status, 'crashed');
  assert.match(fake.reason ?? '', /exit status 1/);
  assert.doesNotMatch(fake.reason ?? '', /memory/i);
});

test(`${label}: ` + 'multi-byte characters split across pipe chunks arrive intact', () => {
  const r = evalPy(program('utf8', `
print('€' * 70000)
${GRID}
return {'circles': circles}`));
  assert.equal(r.status, 'valid', r.reason ?? '');
  assert.ok(!r.logTail.includes('\uFFFD'), 'a replacement character appeared');
  assert.match(r.logTail, /€€€€/);
});

test(`${label}: ` + 'one candidate cannot pass state to the next (files, processes, shared memory)', () => {
  const writer = evalPy(program('state-a', `
open('/scratch/note', 'w').write('from A')
try:
    import mmap
    open('/dev/shm/note', 'w').write('from A')
except Exception: pass
if os.fork() == 0:
    open('/proc/self/comm', 'w').write('evolab-state')
    time.sleep(30)
${GRID}
return {'circles': circles}`));
  assert.equal(writer.status, 'valid', writer.reason ?? '');
  const reader = evalPy(program('state-b', `
print('scratch', os.listdir('/scratch'), 'pids', [p for p in os.listdir('/proc') if p.isdigit()])
${GRID}
return {'circles': circles}`));
  assert.match(reader.logTail, /scratch \[\] /);
  assert.match(reader.logTail, ONLY_SELF);
  assert.deepEqual(survivors('evolab-state'), []);
});

test(`${label}: ` + 'a run whose candidates attack the engine finishes, and its files are intact', () => {
  const kill = `import os, signal\nfor t in (os.getppid(), 1, -1):\n    try: os.kill(t, signal.SIGKILL)\n    except Exception: pass\n`;
  const lines = [
    { blocks: [`${kill}ROW_COUNTS = [5, 5, 6, 5, 5]\n`] },
    { blocks: ['while True: pass\n'] },
    { blocks: ['import os\nos.kill(os.getppid(), 9)\n'] },
  ];
  const replay = join(dir, 'attacks.jsonl');
  writeFileSync(replay, lines.map((l) => JSON.stringify(l)).join('\n'));
  const cfg = join(dir, 'limits.json');
  writeFileSync(cfg, JSON.stringify({ limits: { timeoutMs: 2000, memoryMb: 256 } }));
  const out = join(dir, 'run-attacks');
  const r = evolab(['run', 'circle-packing-26-py', '--mutator', 'replay', '--replay', replay, '--iterations', '3', '--workers', '1', '--config', cfg, '--out', out, '--json'], env);
  assert.equal(r.code, 0, r.stderr);
  const summary = JSON.parse(r.stdout) as { candidates: number };
  assert.equal(summary.candidates, 4);
  assert.ok(readdirSync(out).includes('run.db'));
  const resumed = evolab(['resume', out, '--iterations', '2', '--json'], env);
  assert.equal(resumed.code, 0, resumed.stderr);
});

test(`${label}: ` + 'forked processes together are held to the memory limit', () => {
  const r = evalPy(program('forkmem', `
kids = []
for _ in range(6):
    pid = os.fork()
    if pid == 0:
        block = bytearray(b"\\x01") * (120 << 20)
        time.sleep(30)
        os._exit(0)
    kids.append(pid)
time.sleep(30)`), ['--memory', '256', '--timeout', '8000']);
  assert.equal(r.status, 'crashed');
  assert.match(r.reason ?? '', /memory .* exceeded the limit/);
});

test(`${label}: ` + 'no pseudo-terminals, no Linux AIO contexts', () => {
  const r = evalPy(program('ptyaio', `
import ctypes
out = []
try:
    os.openpty(); out.append('PTY')
except Exception as e: out.append(type(e).__name__)
libc = ctypes.CDLL(None, use_errno=True)
ctx = ctypes.c_ulong(0)
out.append(('io_setup', libc.syscall(206, 128, ctypes.byref(ctx)), ctypes.get_errno()))
print(out)
${GRID}
return {'circles': circles}`));
  assert.equal(r.status, 'valid', r.reason ?? '');
  assert.doesNotMatch(r.logTail, /PTY/);
  if (process.arch === 'x64') assert.match(r.logTail, /\('io_setup', -1, 1\)/);
});

test(`${label}: ` + 'leftover processes of one candidate cannot hurt the next', () => {
  const first = evalPy(program('leftovers', `
for _ in range(40):
    if os.fork() == 0:
        for fd in (1, 2, 3):
            try: os.close(fd)
            except OSError: pass
        time.sleep(30)
        os._exit(0)
${GRID}
return {'circles': circles}`));
  assert.equal(first.status, 'valid', first.reason ?? '');
  for (let i = 0; i < 2; i++) {
    const next = evalPy(program(`after-${i}`, `
kids = []
for _ in range(30):
    pid = os.fork()
    if pid == 0: os._exit(0)
    kids.append(pid)
for k in kids: os.waitpid(k, 0)
print('forked', len(kids), 'pids', [p for p in os.listdir('/proc') if p.isdigit()])
${GRID}
return {'circles': circles}`));
    assert.equal(next.status, 'valid', next.reason ?? '');
    assert.match(next.logTail, /forked 30/);
  }
});

test(`${label}: ` + 'descriptors the engine inherited do not reach the program', () => {
  const target = join(dir, 'inherited.txt');
  writeFileSync(target, '');
  const file = program('inherit', `
wrote = []
for fd in range(5, 1024):
    try:
        os.write(fd, b"written from inside the jail")
        wrote.append(fd)
    except OSError: pass
print('wrote', wrote)
${GRID}
return {'circles': circles}`);
  const fd = openSync(target, 'a');
  const r = spawnSync(process.execPath, [CLI, 'eval', 'circle-packing-26-py', file, '--json'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'ignore', 'ignore', 'ignore', 'ignore', fd] });
  closeSync(fd);
  assert.equal(r.status, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as Evaluated).status, 'valid');
  assert.equal(readFileSync(target, 'utf8'), '', 'the program wrote into a file the engine had open');
});

test(`${label}: ` + 'millions of nested brackets are refused without stalling the engine', () => {
  const t0 = Date.now();
  const r = evalPy(program('nest', `
os.write(3, b'{"ok":true,"output":' + b'[' * 5000000 + b']' * 5000000 + b'}\\n')
os._exit(0)`), ['--memory', '512']);
  assert.equal(r.status, 'crashed');
  assert.match(r.reason ?? '', /nests deeper than \d+ levels/);
  assert.ok(Date.now() - t0 < 15_000, `${Date.now() - t0} ms`);
});

test(`${label}: ` + 'an exit status that imitates an abort is not reported as a memory kill', () => {
  const r = evalPy(program('fake134', 'os._exit(134)'));
  assert.equal(r.status, 'crashed');
  assert.doesNotMatch(r.reason ?? '', /memory|heap/i);
  assert.match(r.reason ?? '', /SIGABRT \(exit status 134\)/);
});

test(`${label}: ` + 'no memfd, SysV shared memory or message queues, no system call newer than the filter knows', () => {
  const r = evalPy(program('kernelmem', `
import ctypes
libc = ctypes.CDLL(None, use_errno=True)
out = []
try:
    os.memfd_create("x"); out.append('MEMFD')
except Exception as e: out.append(type(e).__name__)
out.append(('shmget', libc.shmget(0, 1 << 20, 0o1600), ctypes.get_errno()))
out.append(('msgget', libc.msgget(0, 0o1600), ctypes.get_errno()))
out.append(('modify_ldt', libc.syscall(154, 0, 0, 0), ctypes.get_errno()))
out.append(('open_tree_attr', libc.syscall(467, -100, 0, 0, 0, 0), ctypes.get_errno()))
out.append(('future', libc.syscall(470, 0, 0, 0), ctypes.get_errno()))
print(out)
${GRID}
return {'circles': circles}`));
  assert.equal(r.status, 'valid', r.reason ?? '');
  assert.doesNotMatch(r.logTail, /MEMFD/);
  assert.match(r.logTail, /\('shmget', -1, 1\)/);
  assert.match(r.logTail, /\('msgget', -1, 1\)/);
  if (process.arch === 'x64') {
    assert.match(r.logTail, /\('modify_ldt', -1, 1\)/);
    assert.match(r.logTail, /\('open_tree_attr', -1, 1\)/);
    assert.match(r.logTail, /\('future', -1, 38\)/, 'ENOSYS for system calls newer than the table');
  }
});

test(`${label}: ` + 'millions of small values are refused before parsing, quickly', () => {
  const t0 = Date.now();
  const r = evalPy(program('manyvalues', `
os.write(3, b'{"ok":true,"output":[' + b'{},' * 10000000 + b'{}]}\\n')
os._exit(0)`), ['--memory', '512']);
  assert.equal(r.status, 'crashed');
  assert.match(r.reason ?? '', /more than 2000000 values/);
  assert.ok(Date.now() - t0 < 15_000, `${Date.now() - t0} ms`);
});

test(`${label}: ` + "a candidate's slow teardown does not eat the next candidate's time", () => {
  const prepend = (code: string) => ({ diff: `<<<<<<< SEARCH\nROW_COUNTS = [5, 5, 6, 5, 5]\n=======\n${code}ROW_COUNTS = [5, 5, 6, 5, 5]\n>>>>>>> REPLACE` });
  const lines = [
    prepend('import os as _o, mmap as _m\n_keep = [_m.mmap(-1, 4096, prot=(_m.PROT_READ if _i % 2 else _m.PROT_READ | _m.PROT_WRITE)) for _i in range(30000)]\nfor _ in range(40):\n    if _o.fork() == 0:\n        import time as _t\n        _t.sleep(100)\n'),
    prepend('import time as _t\n_t.sleep(2.4)\n'),
  ];
  const replay = join(dir, 'teardown.jsonl');
  writeFileSync(replay, lines.map((l) => JSON.stringify(l)).join('\n'));
  const cfg = join(dir, 'teardown-limits.json');
  writeFileSync(cfg, JSON.stringify({ limits: { timeoutMs: 4000, memoryMb: 512 } }));
  const out = join(dir, 'run-teardown');
  const r = evolab(['run', 'circle-packing-26-py', '--mutator', 'replay', '--replay', replay, '--iterations', '2', '--workers', '1', '--config', cfg, '--out', out, '--json'], env);
  assert.equal(r.code, 0, r.stderr);
  const db = new Database(join(out, 'run.db'), { readonly: true });
  const rows = db.prepare('SELECT seq, status, reason FROM candidates ORDER BY seq').all() as { seq: number; status: string; reason: string | null }[];
  db.close();
  assert.equal(rows[2].status, 'valid', `the honest candidate after the slow one: ${rows[2].reason}`);
});
}
