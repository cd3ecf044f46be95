// Sandbox cost per evaluation, and evaluation throughput with 1 and 2 workers.
// Usage: npm run bench:engine [-- --n 40]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileSync } from 'node:fs';
import { defaultConfig, mergeConfig } from '../../src/engine/config.js';
import { evolve } from '../../src/engine/controller.js';
import { createOfflineMutator } from '../../src/engine/mutators/offline.js';
import { runInSandbox } from '../../src/engine/sandbox/sandbox.js';
import { openSqliteStore } from '../../src/engine/store/sqlite-store.js';
import { circlePacking26 } from '../../src/packs/math/problems/circle-packing.js';

const at = process.argv.indexOf('--n');
const n = at > 0 ? Number(process.argv[at + 1]) : 40;
if (!Number.isInteger(n) || n < 1) throw new Error(`--n: expected a positive integer, got ${process.argv[at + 1]}`);
const TRIVIAL = 'export function run() { let s = 0; for (let i = 0; i < 1000; i++) s += i; return { s }; }\n';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function inProcess(source: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'evolab-bench-'));
  const file = join(dir, 'p.mjs');
  writeFileSync(file, source);
  const t0 = performance.now();
  const mod = await import(pathToFileURL(file).href);
  mod.run(null);
  const ms = performance.now() - t0;
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

async function main(): Promise<void> {
  const sandboxed: number[] = [];
  const direct: number[] = [];
  for (let i = 0; i < n; i++) {
    const src = TRIVIAL + `// ${i}\n`; // distinct text: no module cache in either path
    const t0 = performance.now();
    const r = await runInSandbox(src, null);
    if (!r.ok) throw new Error(r.reason);
    sandboxed.push(performance.now() - t0);
    direct.push(await inProcess(src));
  }
  console.log(`trivial program, ${n} runs: sandbox median ${median(sandboxed).toFixed(1)} ms, in-process median ${median(direct).toFixed(2)} ms, overhead ${(median(sandboxed) - median(direct)).toFixed(1)} ms per evaluation`);

  for (const workers of [1, 2]) {
    const dir = mkdtempSync(join(tmpdir(), 'evolab-bench-'));
    const cfg = mergeConfig(defaultConfig(workers), { workers, iterations: n, seed: 'bench' });
    const store = openSqliteStore(join(dir, 'run.db'));
    store.create({ problemId: circlePacking26.id, seed: cfg.seed, config: {}, createdAt: 'now', schema: 1 });
    const t0 = performance.now();
    const s = await evolve({ problem: circlePacking26, store, config: cfg, mutator: createOfflineMutator(cfg.offline) });
    const secs = (performance.now() - t0) / 1000;
    store.close();
    rmSync(dir, { recursive: true, force: true });
    console.log(`circle_packing_square_26, ${workers} worker(s): ${s.evaluations} evaluations in ${secs.toFixed(1)} s = ${(s.evaluations / secs).toFixed(2)} evaluations/s`);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
