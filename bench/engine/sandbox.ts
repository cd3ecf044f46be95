// Sandbox cost per evaluation for JavaScript and Python, on every path, against the same work
// done in-process and against a bare process spawn measured in the same command; then the
// engine's own throughput on `noop` with 1 and 2 workers.
// Usage: npm run bench:sandbox [-- --n 200 --iterations 500]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeSandboxes, runInSandbox, type Language } from '../../src/engine/sandbox/sandbox.js';
import { pythonRuntime } from '../../src/engine/sandbox/runtimes.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  if (at < 0) return fallback;
  const v = Number(process.argv[at + 1]);
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name}: expected a positive integer, got ${process.argv[at + 1]}`);
  return v;
}

const N = option('--n', 200);
const ITERATIONS = option('--iterations', 500);
const CLI = join(process.cwd(), 'dist', 'src', 'cli', 'main.js');
const JS = (i: number) => `export function run() { let s = 0; for (let i = 0; i < 1000; i++) s += i; return { s, i: ${i} }; }\n`;
const PY = (i: number) => `def run(input=None):\n    s = 0\n    for k in range(1000):\n        s += k\n    return {"s": s, "i": ${i}}\n`;
const LIMITS = { timeoutMs: 10_000, memoryMb: 256, maxOutputBytes: 1 << 20 };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function spawnMs(cmd: string, args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < Math.min(N, 50); i++) {
    const t0 = performance.now();
    spawnSync(cmd, args, { stdio: 'ignore' });
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Median time per sandboxed call; `gapMs` of idle time before each call, as a run leaves between candidates. */
async function sandboxMs(language: Language, pooled: boolean, gapMs = 0): Promise<number> {
  process.env.EVOLAB_SANDBOX_POOL = pooled ? '1' : '0';
  const times: number[] = [];
  const n = pooled ? N : Math.min(N, 50);
  for (let i = -3; i < n; i++) {
    if (gapMs > 0) await new Promise((res) => setTimeout(res, gapMs));
    const t0 = performance.now();
    const r = await runInSandbox(language === 'python' ? PY(i) : JS(i), null, LIMITS, undefined, language);
    if (!r.ok) throw new Error(`${language}: ${r.reason}`);
    if (i >= 0) times.push(performance.now() - t0); // the first three warm the pool
  }
  return median(times);
}

function jsInProcessMs(): number {
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    const run = new Function(JS(i).replace('export ', '') + '; return run;')() as () => unknown;
    JSON.stringify(run());
    times.push(performance.now() - t0);
  }
  return median(times);
}

function pyInProcessMs(): number {
  const script = `import json, time\nts = []\nfor i in range(${N}):\n    t0 = time.perf_counter()\n    m = {}\n    exec(compile(${JSON.stringify(PY(0))}.replace('"i": 0', '"i": %d' % i), "p", "exec"), m)\n    json.dumps(m["run"](None))\n    ts.append((time.perf_counter() - t0) * 1000)\nts.sort()\nprint(ts[len(ts) // 2])\n`;
  const r = spawnSync(pythonRuntime().executable, ['-c', script], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

function noopRun(problem: string, workers: number, pooled: boolean): { perSecond: number; msPerCandidate: number } {
  const dir = mkdtempSync(join(tmpdir(), 'evolab-bench-'));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'run', problem, '--iterations', String(ITERATIONS), '--workers', String(workers), '--out', join(dir, 'run'), '--json'], {
    encoding: 'utf8',
    env: { ...process.env, EVOLAB_SANDBOX_POOL: pooled ? '1' : '0' },
  });
  const secs = (performance.now() - t0) / 1000;
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`noop run failed: ${r.stderr}`);
  const s = JSON.parse(r.stdout) as { evaluations: number };
  return { perSecond: s.evaluations / secs, msPerCandidate: (secs * 1000) / s.evaluations };
}

async function main(): Promise<void> {
  const bareNode = spawnMs(process.execPath, ['-e', '0']);
  const barePython = spawnMs(pythonRuntime().executable, ['-c', '0']);
  console.log(`baseline: bare process spawn, median of ${Math.min(N, 50)}: node -e 0 ${bareNode.toFixed(1)} ms, python3 -c 0 ${barePython.toFixed(1)} ms`);
  const jsDirect = jsInProcessMs();
  const pyDirect = pyInProcessMs();
  const rows: [string, number, number][] = [
    ['JavaScript, isolate host (pooled)', await sandboxMs('javascript', true), jsDirect],
    ['JavaScript, one-shot jailed process', await sandboxMs('javascript', false), jsDirect],
    ['Python, fork server (pooled)', await sandboxMs('python', true), pyDirect],
    ['Python, one-shot jailed process', await sandboxMs('python', false), pyDirect],
    ['JavaScript, isolate host, 30 ms idle before each call', await sandboxMs('javascript', true, 30), jsDirect],
    ['Python, fork server, 30 ms idle before each call', await sandboxMs('python', true, 30), pyDirect],
  ];
  closeSandboxes();
  console.log('\n| path | sandboxed (median) | same work in-process | overhead per evaluation |');
  console.log('|---|---|---|---|');
  for (const [name, boxed, direct] of rows) console.log(`| ${name} | ${boxed.toFixed(2)} ms | ${direct.toFixed(3)} ms | **${(boxed - direct).toFixed(2)} ms** |`);
  console.log(`\n| evolab run PROBLEM --iterations ${ITERATIONS} | candidates/s | wall ms per candidate (incl. start-up) |`);
  console.log('|---|---|---|');
  for (const problem of ['noop', 'noop-py']) {
    for (const pooled of [true, false]) {
      for (const workers of [1, 2]) {
        const r = noopRun(problem, workers, pooled);
        console.log(`| ${problem} --workers ${workers}${pooled ? '' : ' (EVOLAB_SANDBOX_POOL=0)'} | ${r.perSecond.toFixed(1)} | ${r.msPerCandidate.toFixed(2)} |`);
      }
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
