// Per-candidate cost of a Python problem folder (program in the jail, evaluator in a jail of its
// own) against running the same two scripts bare, one Python process each, in the same command.
// Usage: npm run bench:folder [-- --n 40]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { evaluateProgram } from '../../src/engine/evaluator.js';
import { loadProblemFolder } from '../../src/engine/folder/load.js';
import { closeSandboxes } from '../../src/engine/sandbox/sandbox.js';
import { pythonRuntime } from '../../src/engine/sandbox/runtimes.js';

const at = process.argv.indexOf('--n');
const N = at > 0 ? Number(process.argv[at + 1]) : 40;
if (!Number.isInteger(N) || N < 1) throw new Error(`--n: expected a positive integer, got ${process.argv[at + 1]}`);
const FOLDER = join(process.cwd(), 'examples', 'rastrigin-python');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function bare(python: string): number {
  const program = `import json, sys\nsys.path.insert(0, ${JSON.stringify(FOLDER)})\nimport numpy as np\nimport initial\nout = initial.run({"dimensions": 6})\nprint(json.dumps({"x": [float(v) for v in out["x"]]}))\n`;
  const evaluator = `import json, sys\nsys.path.insert(0, ${JSON.stringify(FOLDER)})\nimport evaluate\nout = json.load(sys.stdin)\nprint(json.dumps(evaluate.verify(out, {"dimensions": 6})))\n`;
  const t0 = performance.now();
  const a = spawnSync(python, ['-c', program], { encoding: 'utf8' });
  const b = spawnSync(python, ['-c', evaluator], { input: a.stdout, encoding: 'utf8' });
  if (a.status !== 0 || b.status !== 0) throw new Error(a.stderr + b.stderr);
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const { problem } = loadProblemFolder(FOLDER);
  const python = pythonRuntime().executable;
  const boxed: number[] = [];
  const runOnly: number[] = [];
  const plain: number[] = [];
  for (let i = -2; i < N; i++) {
    const t0 = performance.now();
    const ev = await evaluateProgram(problem, problem.initialProgram);
    if (ev.status !== 'valid') throw new Error(ev.reason ?? 'invalid');
    if (i < 0) continue; // warm the pooled servers
    boxed.push(performance.now() - t0);
    runOnly.push(ev.runMs);
    plain.push(bare(python));
  }
  closeSandboxes();
  const b = median(boxed);
  const p = median(plain);
  console.log(`examples/rastrigin-python, median of ${N}:`);
  console.log(`| evolab: program in the jail + evaluator in its own jail | ${b.toFixed(1)} ms (program ${median(runOnly).toFixed(1)} ms) |`);
  console.log(`| the same two scripts run bare (two python3 processes) | ${p.toFixed(1)} ms |`);
  console.log(`| ratio | ${(b / p).toFixed(2)} |`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
