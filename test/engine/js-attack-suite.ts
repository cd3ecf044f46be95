// Hostile candidate programs, each run through `evolab eval` on circle-packing-26: every one must
// be contained with a clear reason and leave no trace outside the sandbox.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evolab, evolabAsync } from '../helpers/cli.js';

const SECRET = 'sk-planted-secret-0123456789abcdef';

/** Defines every JavaScript attack as a test, run with `extra` in the environment (which JS path). */
export function jsAttackSuite(label: string, extra: Record<string, string>): void {
const dir = mkdtempSync(join(tmpdir(), 'evolab-attack-'));
const env = { ...process.env, OPENAI_API_KEY: SECRET, EVOLAB_TEST_SECRET: SECRET, ...extra };

/** A valid 26-circle packing (a 6×5 grid's first 26 cells) for attacks that also return data. */
const GRID = `const circles = []; for (let i = 0; i < 26; i++) circles.push([(i % 6) / 6 + 1 / 12, Math.floor(i / 6) / 5 + 0.1, 0.08]);`;

function program(name: string, body: string): string {
  const file = join(dir, `${name}.js`);
  writeFileSync(file, `// EVOLVE-BLOCK-START\n// EVOLVE-BLOCK-END\nexport function run() {\n${body}\n}\n`);
  return file;
}

function evalJson(file: string, extra: string[] = []) {
  const r = evolab(['eval', 'circle-packing-26', file, '--json', '--timeout', '3000', '--memory', '128', ...extra], env);
  assert.equal(r.code, 0, `eval exited ${r.code}: ${r.stderr}`);
  return { ...(JSON.parse(r.stdout) as { status: string; valid: boolean; score: number | null; reason: string | null; logTail: string }), raw: r.stdout };
}

test.after(() => rmSync(dir, { recursive: true, force: true }));

test(`${label}: ` + 'writing a file fails by every route and nothing is written', () => {
  const target = join(dir, 'pwned.txt');
  const r = evalJson(program('write', `
    const tries = [];
    try { process.mainModule.require('fs').writeFileSync(${JSON.stringify(target)}, 'x'); } catch (e) { tries.push(String(e)); }
    try { ({}).constructor.constructor('return process')().mainModule; } catch (e) { tries.push(String(e)); }
    return import('node:fs').then((fs) => fs.writeFileSync(${JSON.stringify(target)}, 'x'));`));
  assert.equal(r.status, 'crashed');
  assert.match(r.reason ?? '', /dynamic import|not allowed|callback|Not supported/i);
  assert.ok(!existsSync(target));
});

test(`${label}: ` + 'a planted secret in the environment is invisible to the program', () => {
  const r = evalJson(program('env', `
    let seen = 'nothing';
    try { seen = JSON.stringify(process.env); } catch (e) { seen = String(e); }
    try { seen += String(globalThis.process); } catch (e) {}
    console.log('env:', seen);
    ${GRID}
    return { circles };`));
  assert.equal(r.status, 'valid');
  assert.ok(!r.raw.includes(SECRET), 'the secret leaked into the result');
  assert.match(r.logTail, /process is not defined/);
});

test(`${label}: ` + 'spawning a child process is impossible', () => {
  const r = evalJson(program('spawn', `return require('child_process').execSync('touch ${join(dir, 'spawned')}');`));
  assert.equal(r.status, 'crashed');
  assert.match(r.reason ?? '', /require is not defined/);
  assert.ok(!existsSync(join(dir, 'spawned')));
});

test(`${label}: ` + 'starting a worker thread is impossible', () => {
  const r = evalJson(program('worker', `return new Worker('data:text/javascript,1');`));
  assert.equal(r.status, 'crashed');
  assert.match(r.reason ?? '', /Worker is not defined/);
});

test(`${label}: ` + 'an infinite loop is killed at the wall-clock limit', () => {
  const t0 = Date.now();
  const r = evalJson(program('loop', 'while (true) {}'), ['--timeout', '1500']);
  assert.equal(r.status, 'crashed');
  assert.match(r.reason ?? '', /wall-clock limit of 1500 ms/);
  assert.ok(Date.now() - t0 < 15_000);
});

test(`${label}: ` + 'allocating until out of memory is stopped with a memory reason', () => {
  const heap = evalJson(program('oom', 'const a = []; while (true) a.push(new Array(1e5).fill(Math.random()));'));
  assert.equal(heap.status, 'crashed');
  assert.match(heap.reason ?? '', /memory|MiB/);
  const buffers = evalJson(program('oom2', 'const a = []; while (true) a.push(new Float64Array(1e7).fill(1));'));
  assert.equal(buffers.status, 'crashed');
  assert.match(buffers.reason ?? '', /memory|MiB|allocation failed/);
});

test(`${label}: ` + 'printing 100 MB is capped and the result still arrives', () => {
  const r = evalJson(program('print', `const s = 'x'.repeat(1e6); for (let i = 0; i < 100; i++) console.log(s); ${GRID} return { circles };`));
  assert.equal(r.status, 'valid');
  assert.ok(r.logTail.length < 100_000, `log tail of ${r.logTail.length} characters`);
  assert.match(r.logTail, /dropped/);
});

test(`${label}: ` + 'no TCP connection reaches a listener on 127.0.0.1', async () => {
  let connections = 0;
  const server = createServer((s) => { connections++; s.destroy(); });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  const port = (server.address() as { port: number }).port;
  const file = program('tcp', `
    const tries = [];
    try { fetch('http://127.0.0.1:${port}/'); } catch (e) { tries.push(String(e)); }
    try { new WebSocket('ws://127.0.0.1:${port}/'); } catch (e) { tries.push(String(e)); }
    return import('node:net').then((net) => new Promise((ok) => net.connect(${port}, '127.0.0.1', ok)));`);
  const r = await evolabAsync(['eval', 'circle-packing-26', file, '--json', '--timeout', '3000'], env);
  await new Promise((res) => setTimeout(res, 200));
  server.close();
  const out = JSON.parse(r.stdout) as { status: string; reason: string };
  assert.equal(out.status, 'crashed');
  assert.equal(connections, 0);
});

test(`${label}: ` + 'overriding Math, JSON and other globals cannot fake the score', () => {
  const r = evalJson(program('fake', `
    ${GRID}
    JSON.stringify = () => '{"circles":[],"sumRadii":100}';
    Math.sqrt = () => 1e9; Math.hypot = () => 1e9;
    Number.isFinite = () => true; Array.isArray = () => false; Object.keys = () => ['sumRadii'];
    Array.prototype.push = function () { return 0; };
    return { circles, sumRadii: 100, score: 100 };`));
  // Whatever the program broke inside its own context, the score is recomputed from the data.
  assert.equal(r.status, 'valid', r.reason ?? '');
  assert.ok(Math.abs((r.score ?? 0) - 26 * 0.08) < 1e-12, `score ${r.score}`);
});

test(`${label}: ` + 'non-finite radii, overlapping circles and circles outside the square are rejected with reasons', () => {
  const nan = evalJson(program('nan', `${GRID} circles[3][2] = NaN; return { circles };`));
  assert.equal(nan.status, 'invalid');
  assert.match(nan.reason ?? '', /circles\[3\]\[2\] is NaN/);
  const inf = evalJson(program('inf', `${GRID} circles[0][2] = Infinity; return { circles };`));
  assert.match(inf.reason ?? '', /circles\[0\]\[2\] is Infinity/);
  const neg = evalJson(program('neg', `${GRID} circles[5][2] = -0.01; return { circles };`));
  assert.match(neg.reason ?? '', /negative radius/);
  const overlap = evalJson(program('overlap', `${GRID} circles[1] = [circles[0][0] + 0.1, circles[0][1], 0.08]; return { circles };`));
  assert.equal(overlap.status, 'invalid');
  assert.match(overlap.reason ?? '', /circles 0 and 1 overlap/);
  const outside = evalJson(program('outside', `${GRID} circles[25] = [0.99, 0.5, 0.05]; return { circles };`));
  assert.equal(outside.status, 'invalid');
  assert.match(outside.reason ?? '', /circle 25 crosses/);
});

test(`${label}: ` + 'a run keeps going through hostile candidates and stores each with its reason', () => {
  const lines = [
    { blocks: ['const X = (() => { while (true) {} })();\n'] },
    { blocks: ['const X = [1, 1, 1, 1, 1, 1, 1, NaN];\n'] },
    { blocks: ['const X = (() => { const a = []; while (true) a.push(new Array(1e5).fill(1)); })();\n'] },
    { blocks: ['const X = [1, 1, 1, 1, 1, 1, 1, 1];\n'] },
  ];
  const replay = join(dir, 'attacks.jsonl');
  writeFileSync(replay, lines.map((l) => JSON.stringify(l)).join('\n'));
  const cfg = join(dir, 'limits.json');
  writeFileSync(cfg, JSON.stringify({ limits: { timeoutMs: 1500, memoryMb: 128 } }));
  const out = join(dir, 'run-attacks');
  const r = evolab(['run', 'rosenbrock-8', '--mutator', 'replay', '--replay', replay, '--iterations', '4', '--workers', '1', '--config', cfg, '--out', out, '--json'], env);
  assert.equal(r.code, 0, r.stderr);
  const summary = JSON.parse(r.stdout) as { candidates: number; valid: number; best: { score: number } };
  assert.equal(summary.candidates, 5);
  assert.equal(summary.best.score, 0, 'the final, benign candidate reached the optimum');
  const best = evolab(['best', out, '--json']);
  assert.match(JSON.parse(best.stdout).source, /\[1, 1, 1, 1, 1, 1, 1, 1\]/);
  const db = new Database(join(out, 'run.db'), { readonly: true });
  const rows = db.prepare('SELECT seq, status, reason FROM candidates ORDER BY seq').all() as { seq: number; status: string; reason: string | null }[];
  db.close();
  assert.deepEqual(rows.map((r) => r.status), ['valid', 'crashed', 'invalid', 'crashed', 'valid']);
  assert.match(rows[1].reason!, /wall-clock limit of 1500 ms/);
  assert.match(rows[2].reason!, /x\[7\] is NaN/);
  assert.match(rows[3].reason!, /memory|MiB/);
});

test(`${label}: ` + 'import() rejects with an error of the program\'s own realm; host prototypes stay out of reach', () => {
  const r = evalJson(program('realm', `
    ${GRID}
    return import('node:fs').then(() => ({ circles }), (err) => {
      const proto = Object.getPrototypeOf(Object.getPrototypeOf(err));
      console.log('realm:' + (proto === Object.prototype && err.constructor === Error ? 'same' : 'HOST'));
      try { Object.defineProperty(proto, 'evolabPlanted', { set() { throw new Error('planted'); }, configurable: true }); } catch (e) {}
      return { circles };
    });`));
  assert.equal(r.status, 'valid', r.reason ?? '');
  assert.match(r.logTail, /realm:same/);
});

test(`${label}: ` + 'every object a program can reach belongs to its own realm (errors, stack frames, input, console, results)', () => {
  const r = evalJson(program('objects', `
    ${GRID}
    const foreign = [];
    const check = (name, v) => {
      if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return;
      let p = v, depth = 0;
      while (Object.getPrototypeOf(p) !== null && depth++ < 20) p = Object.getPrototypeOf(p);
      if (p !== Object.prototype) foreign.push(name);
      if (typeof v === 'function' && !(v instanceof Function)) foreign.push(name + ' (function)');
    };
    Error.prepareStackTrace = (e, frames) => { frames.forEach((f, i) => { check('frame' + i + '.this', f.getThis()); check('frame' + i + '.fn', f.getFunction()); }); return 'x'; };
    new Error('probe').stack;
    Error.prepareStackTrace = undefined;
    try { null.x; } catch (e) { check('TypeError', e); }
    try { (function f() { f(); })(); } catch (e) { check('RangeError', e); }
    check('console', console); check('console.log', console.log);
    check('globalThis', globalThis);
    for (const k of Object.getOwnPropertyNames(globalThis)) { try { check('global.' + k, globalThis[k]); } catch (e) { check('throw ' + k, e); } }
    const p = import('x'); check('import promise', p); p.catch((e) => check('import error', e));
    console.log('foreign:' + JSON.stringify(foreign));
    return Promise.resolve().then(() => ({ circles }));`));
  assert.equal(r.status, 'valid', r.reason ?? '');
  assert.match(r.logTail, /foreign:\[\]/);
});

test(`${label}: ` + 'an own "__proto__" key stays a key: the verifier does not find inherited circles', () => {
  const r = evalJson(program('proto', `${GRID} return JSON.parse(JSON.stringify({ p: { circles } }).replace('"p"', '"__proto__"'));`));
  assert.equal(r.status, 'invalid');
  assert.match(r.reason ?? '', /circles/);
});

test(`${label}: ` + 'a 32-million-digit BigInt tag is refused quickly by the decoder', () => {
  const t0 = Date.now();
  const r = evalJson(program('bigint', `return { circles: { $bigint: '1'.repeat(32e6) } };`), ['--memory', '512']);
  assert.equal(r.status, 'crashed');
  assert.match(r.reason ?? '', /BigInt of 32000000 digits; the limit is \d+/);
  assert.ok(Date.now() - t0 < 20_000, `${Date.now() - t0} ms`);
});

test(`${label}: ` + 'a crash that imitates V8\'s out-of-memory text is reported as the crash it is', () => {
  const r = evalJson(program('fakeoom', `throw new Error('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory');`));
  assert.equal(r.status, 'crashed');
  assert.match(r.reason ?? '', /^stage main: run error/);
});

test(`${label}: ` + 'multi-byte characters split across pipe chunks arrive intact', () => {
  const r = evalJson(program('utf8', `console.log('€'.repeat(30000)); ${GRID} return { circles };`));
  assert.equal(r.status, 'valid', r.reason ?? '');
  assert.ok(!r.logTail.includes('\uFFFD'));
  assert.match(r.logTail, /€€€€/);
});

test(`${label}: ` + 'WebAssembly memories count against the memory limit', () => {
  const r = evalJson(program('wasm', `
    const mems = [];
    for (let i = 0; i < 3; i++) { const m = new WebAssembly.Memory({ initial: 16384, maximum: 16384 }); new Uint8Array(m.buffer).fill(1); mems.push(m); }
    ${GRID}
    return { circles };`), ['--memory', '64', '--timeout', '8000']);
  assert.equal(r.status, 'crashed');
  assert.match(r.reason ?? '', /memory|MiB|allocation failed|out of memory/i);
});
}
