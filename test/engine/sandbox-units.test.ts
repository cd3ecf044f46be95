// Direct tests of the sandbox's parts: the jail's command line, the seccomp filter, bounded
// decoding, result parsing, Python parameters and markers, and the noop problems' runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markerLanguage, parseProgram } from '../../src/engine/blocks.js';
import { DataDecodeError, decodeJson, encodeJson } from '../../src/engine/data-json.js';
import { findPythonParameters, substitute } from '../../src/engine/mutators/parameters.js';
import { describeExit, parseResult, runOneShot } from '../../src/engine/sandbox/child-run.js';
import { baseEnv, PYTHON_DIR, pythonRuntime } from '../../src/engine/sandbox/runtimes.js';
import { jailCommand, worldReadable, type JailTools } from '../../src/engine/sandbox/jail.js';
import { DEFAULT_LIMITS } from '../../src/engine/sandbox/limits.js';
import { buildFilter, deniedCalls, seccompArch } from '../../src/engine/sandbox/seccomp.js';
import { CLI, evolab } from '../helpers/cli.js';
import { cgroupBases } from '../../src/engine/sandbox/cgroup.js';

const LIMITS = { cpuSeconds: 25, addressSpaceMb: 1024, processes: 64, fileSizeMb: 64, openFiles: 256, scratchMb: 64 };
const TOOLS = (root: boolean): JailTools => ({ bwrap: '/usr/bin/bwrap', prlimit: '/usr/bin/prlimit', setpriv: '/usr/bin/setpriv', unshare: '/usr/bin/unshare', sh: '/bin/sh', root });

test('the jail command drops to a fresh unprivileged uid as root and names every layer', () => {
  const spec = { argv: ['/usr/bin/python3', '-c', '0'], readOnly: ['/usr/lib/python3'], env: { A: '1' }, limits: LIMITS, seccomp: 'candidate' as const };
  const a = jailCommand(spec, TOOLS(true));
  const b = jailCommand(spec, TOOLS(true));
  const line = [a.cmd, ...a.args].join(' ');
  const uid = (c: typeof a) => Number(/--reuid=(\d+)/.exec([c.cmd, ...c.args].join(' '))![1]);
  assert.ok(uid(a) >= 0x50000000 && uid(a) !== 0);
  assert.notEqual(uid(a), uid(b), 'each jail gets its own host uid');
  for (const flag of ['--clear-groups', '--no-new-privs', '--unshare-user', '--unshare-pid', '--unshare-net', '--unshare-ipc', '--unshare-uts', '--disable-userns', '--die-with-parent', '--new-session', '--clearenv', '--cap-drop ALL', '--remount-ro /', '--tmpfs /scratch', '--seccomp 4', '--cpu=25:26', '--nproc=64', '--as=1073741824', '--core=1']) {
    assert.ok(line.includes(flag), `missing ${flag}`);
  }
  assert.ok(!line.includes('/run'), 'nothing of /run is exposed');
  assert.equal(a.seccomp !== undefined, seccompArch() !== null);
  const user = jailCommand(spec, TOOLS(false));
  assert.equal(user.cmd, '/usr/bin/prlimit', 'an ordinary user needs no setpriv');
  assert.ok(!user.args.join(' ').includes('--reuid'));
  assert.ok(!jailCommand({ ...spec, nestedUserns: true }, TOOLS(false)).args.includes('--disable-userns'));
});

test('root-only folders are staged through a private mount namespace; world-readable ones are bound directly', () => {
  const dir = mkdtempSync(join(tmpdir(), 'evolab-stage-'));
  try {
    writeFileSync(join(dir, 'f'), 'x');
    spawnSync('chmod', ['700', dir]);
    assert.equal(worldReadable(dir), false);
    assert.equal(worldReadable('/usr/bin'), true);
    const c = jailCommand({ argv: ['/usr/bin/true'], readOnly: [dir, '/etc/ld.so.cache'], env: {}, limits: LIMITS, seccomp: 'candidate' }, TOOLS(true));
    assert.equal(c.cmd, '/usr/bin/unshare');
    assert.ok(c.args.includes(dir), 'the hidden folder is a source of the staging script');
    assert.ok(c.args.join(' ').includes(`--ro-bind /etc/ld.so.cache /etc/ld.so.cache`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the seccomp filter denies the listed calls; the server profile keeps only what the fork server needs', () => {
  const arch = seccompArch();
  if (!arch) return;
  const candidate = deniedCalls('candidate', arch);
  const server = deniedCalls('server', arch);
  for (const n of ['ptrace', 'process_vm_readv', 'bpf', 'keyctl', 'userfaultfd', 'io_uring_setup', 'mount', 'unshare', 'setns']) assert.ok(candidate.includes(n), n);
  assert.deepEqual(candidate.filter((n) => !server.includes(n)).sort(), ['mount', 'unshare']);
  const bytes = buildFilter('candidate', arch);
  assert.equal(bytes.length % 8, 0);
  assert.ok(bytes.length / 8 < 4096, 'within the kernel limit on filter length');
  // First instruction loads the architecture; the last returns ALLOW.
  assert.equal(bytes.readUInt16LE(0), 0x20);
  assert.equal(bytes.readUInt32LE(4), 4);
  assert.equal(bytes.readUInt32LE(bytes.length - 4), 0x7fff0000);
});

test('decoding is bounded and keeps own keys as keys', () => {
  const proto = decodeJson('{"__proto__": {"circles": [1]}}') as Record<string, unknown>;
  assert.ok(Object.hasOwn(proto, '__proto__'));
  assert.equal(Object.getPrototypeOf(proto), Object.prototype);
  assert.equal((proto as { circles?: unknown }).circles, undefined);
  assert.throws(() => decodeJson(JSON.stringify({ $bigint: '9'.repeat(5000) })), /BigInt of 5000 digits; the limit is 4096/);
  assert.throws(() => decodeJson(JSON.stringify({ $bigint: '12x' })), DataDecodeError);
  assert.throws(() => decodeJson(JSON.stringify({ $num: '1e308' })), /not NaN, Infinity or -Infinity/);
  assert.throws(() => decodeJson('['.repeat(100) + ']'.repeat(100)), /deeper than 64/);
  assert.throws(() => decodeJson('[' + '0,'.repeat(99) + '0]', { maxDepth: 64, maxBigIntDigits: 10, maxNodes: 50 }), /more than 50 values/);
  const round = decodeJson(encodeJson({ a: [NaN, -Infinity, 12345678901234567890n] })) as { a: unknown[] };
  assert.ok(Number.isNaN(round.a[0]));
  assert.equal(round.a[1], -Infinity);
  assert.equal(round.a[2], 12345678901234567890n);
});

test('results are read as data; exit reasons come from the status, never from the log', () => {
  const ok = parseResult('{"ok":true,"output":{"x":1}}', 5, 'FATAL ERROR: heap out of memory');
  assert.deepEqual(ok && ok.ok && ok.output, { x: 1 });
  const bad = parseResult('{"ok":false,"kind":"memory","error":"Traceback (most recent call last):\\n  x\\nValueError: boom"}', 5, '');
  assert.ok(bad && !bad.ok);
  assert.equal(bad.kind, 'run', 'a program cannot choose its own failure kind');
  assert.match(bad.reason, /run error: ValueError: boom/);
  assert.equal(parseResult('', 5, ''), null);
  assert.match((parseResult('{"ok": tru', 5, '') as { reason: string }).reason, /not hold valid JSON/);
  assert.match(describeExit(152, null, DEFAULT_LIMITS).reason, /SIGXCPU.*CPU-time limit/);
  assert.equal(describeExit(1, null, DEFAULT_LIMITS).kind, 'exit');
});

test('Python programs: # markers, parameters found and substituted in place', () => {
  const src = 'import numpy as np\n# EVOLVE-BLOCK-START\nROWS = [5, 5, 6]  # counts\nSTEP = 0.25\nname = "x"\nfor i in range(3):\n    pass\n# EVOLVE-BLOCK-END\n';
  assert.equal(markerLanguage(src), 'python');
  assert.equal(markerLanguage('// EVOLVE-BLOCK-START\n// EVOLVE-BLOCK-END\n'), 'javascript');
  const block = parseProgram(src).blocks[0];
  const params = findPythonParameters(block);
  assert.deepEqual(params.map((p) => [p.name, p.value, p.integer]), [['ROWS[0]', 5, true], ['ROWS[1]', 5, true], ['ROWS[2]', 6, true], ['STEP', 0.25, false]]);
  const changed = substitute(block, [{ param: params[2], value: 7 }, { param: params[3], value: 0.5 }]);
  assert.equal(changed, 'ROWS = [5, 5, 7]  # counts\nSTEP = 0.5\nname = "x"\nfor i in range(3):\n    pass\n');
});

test('noop and noop-py: every candidate is evaluated (no cache hits), all valid', () => {
  for (const id of ['noop', 'noop-py']) {
    const dir = mkdtempSync(join(tmpdir(), 'evolab-noop-'));
    const r = evolab(['run', id, '--iterations', '30', '--workers', '2', '--out', join(dir, 'run'), '--json']);
    rmSync(dir, { recursive: true, force: true });
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout) as { evaluations: number; valid: number; cacheHits: number };
    assert.equal(s.cacheHits, 0, id);
    assert.equal(s.evaluations, 31, id);
    assert.equal(s.valid, 31, id);
  }
});

test('as root, every jail runs in control groups of its own with a memory ceiling and a task limit, removed afterwards', async (t) => {
  const bases = cgroupBases();
  if (!bases.memory || !bases.pids) return t.skip('no writable cgroup v1 memory and pids hierarchy here');
  const dir = mkdtempSync(join(tmpdir(), 'evolab-cg-'));
  const file = join(dir, 'sleep.py');
  writeFileSync(file, '# EVOLVE-BLOCK-START\n# EVOLVE-BLOCK-END\nimport time\ndef run(input=None):\n    time.sleep(2.5)\n    return {}\n');
  try {
    for (const pool of ['1', '0']) {
      const child = spawn(process.execPath, [CLI, 'eval', 'circle-packing-26-py', file, '--memory', '256', '--json'], { env: { ...process.env, EVOLAB_SANDBOX_POOL: pool }, stdio: 'ignore' });
      const mine = () => readdirSync(bases.memory!).filter((n) => n.startsWith(`evolab-${child.pid}-`));
      const deadline = Date.now() + 20_000;
      let seen: { procs: number; limit: number; pidsMax: string } | null = null;
      while (!seen && Date.now() < deadline) {
        for (const n of mine()) {
          const procs = readFileSync(join(bases.memory!, n, 'cgroup.procs'), 'utf8').trim().split('\n').filter(Boolean).length;
          if (procs > 0) seen = { procs, limit: Number(readFileSync(join(bases.memory!, n, 'memory.limit_in_bytes'), 'utf8')), pidsMax: readFileSync(join(bases.pids!, n, 'pids.max'), 'utf8').trim() };
        }
        await new Promise((res) => setTimeout(res, 50));
      }
      const code = await new Promise((res) => child.on('close', res));
      assert.equal(code, 0);
      assert.ok(seen, `pool ${pool}: no populated evolab cgroup seen`);
      assert.ok(seen.limit >= (2 * 256 + 512) * 1024 * 1024 && seen.limit < 8 * 1024 ** 3, `pool ${pool}: memory ceiling ${seen.limit}`);
      assert.match(seen.pidsMax, /^\d+$/);
      // Gone once the engine has exited (the pooled server's at its exit, the one-shot jail's at once).
      assert.deepEqual(mine(), [], `pool ${pool}: the jail's cgroup outlived the engine`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('memory the precise limits would allow is stopped at the cgroup ceiling, reported as a memory failure', async (t) => {
  if (!cgroupBases().memory) return t.skip('no writable cgroup v1 memory hierarchy here');
  const py = pythonRuntime();
  const limits = { timeoutMs: 20_000, memoryMb: 4096, maxOutputBytes: 1 << 20 };
  const command = jailCommand({
    argv: [py.executable, '-I', '-B', `${PYTHON_DIR}/runner.py`, 'once'],
    readOnly: [...py.readOnly, PYTHON_DIR],
    env: baseEnv(),
    limits: { cpuSeconds: 30, addressSpaceMb: null, processes: 64, fileSizeMb: 64, openFiles: 256, scratchMb: 64 },
    seccomp: 'candidate',
    cgroup: { memoryMb: 96, tasks: 64 },
  });
  const source = 'def run(input=None):\n    blocks = [bytearray(b"\\x01") * (16 << 20) for _ in range(20)]\n    return len(blocks)\n';
  const r = await runOneShot({ command, stdin: JSON.stringify({ source, input: null }), limits, rssLimitMb: 1 << 20 });
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.kind, 'memory', JSON.stringify(r));
  assert.match(!r.ok ? r.reason : '', /memory ceiling/);
});
