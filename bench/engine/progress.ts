// Best score against evaluations for the offline mutator from a problem's initial program.
// Usage: node dist/bench/engine/progress.js <problem> [--iterations N] [--seed S] [--workers W]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, mergeConfig } from '../../src/engine/config.js';
import { evolve } from '../../src/engine/controller.js';
import { createOfflineMutator } from '../../src/engine/mutators/offline.js';
import { openSqliteStore } from '../../src/engine/store/sqlite-store.js';
import { findProblem } from '../../src/packs/registry.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const problem = findProblem(process.argv[2] ?? '');
  if (!problem) throw new Error(`usage: progress.js <problem> [--iterations N] [--seed S] [--workers W]`);
  const iterations = Number(arg('--iterations', '2000'));
  const workers = Number(arg('--workers', '2'));
  const cfg = mergeConfig(defaultConfig(workers), { workers, iterations, seed: arg('--seed', '1') });
  const dir = mkdtempSync(join(tmpdir(), 'evolab-progress-'));
  const store = openSqliteStore(join(dir, 'run.db'));
  store.create({ problemId: problem.id, seed: cfg.seed, config: {}, createdAt: 'now', schema: 1 });
  const marks = [0, 50, 100, 200, 500, 1000, 1500, 2000, 5000, 10000].filter((m) => m <= iterations);
  const t0 = performance.now();
  const s = await evolve({
    problem,
    store,
    config: cfg,
    mutator: createOfflineMutator(cfg.offline),
    onProgress: (p) => {
      while (marks.length > 0 && p.seq >= marks[0]) console.log(`${problem.id}\t${marks.shift()}\t${p.best}`);
    },
  });
  const initial = store.get(0)!.metrics[problem.primaryMetric];
  store.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify({ problem: problem.id, iterations, workers, seed: cfg.seed, initial, best: s.best?.score, evaluations: s.evaluations, seconds: (performance.now() - t0) / 1000 }));
}

main().catch((e) => { console.error(e); process.exit(1); });
