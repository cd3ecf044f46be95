// What the offline mutator reaches from each problem's initial program within a fixed budget,
// beside the best published value: a markdown table row per problem.
// Usage: node dist/bench/engine/offline-table.js [--pack math] [--iterations 150] [--workers 2] [--only id1,id2]
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultConfig, mergeConfig } from '../../src/engine/config.js';
import { evolve } from '../../src/engine/controller.js';
import { createOfflineMutator } from '../../src/engine/mutators/offline.js';
import { openSqliteStore } from '../../src/engine/store/sqlite-store.js';
import { allProblems } from '../../src/packs/registry.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/** The published value for a problem id, when the shared reference data has one. */
function publishedValue(id: string): number | null {
  const file = resolve(process.env.EVOLAB_SHARED ?? resolve('..', 'shared'), 'data', 'alphaevolve', `${id}.json`);
  if (!existsSync(file)) return null;
  const v = (JSON.parse(readFileSync(file, 'utf8')) as { published_value?: unknown }).published_value;
  return typeof v === 'number' ? v : null;
}

async function main(): Promise<void> {
  const pack = arg('--pack', 'math');
  const iterations = Number(arg('--iterations', '150'));
  const workers = Number(arg('--workers', '2'));
  const only = arg('--only', '').split(',').filter(Boolean);
  const problems = allProblems().filter((p) => p.pack === pack && (only.length === 0 || only.includes(p.id)));
  console.log(`| problem | direction | published | initial program | offline, ${iterations} candidates | seconds |`);
  console.log('|---|---|---|---|---|---|');
  for (const problem of problems) {
    const dir = mkdtempSync(join(tmpdir(), 'evolab-table-'));
    const cfg = mergeConfig(defaultConfig(workers), { workers, iterations, seed: 'table' });
    const store = openSqliteStore(join(dir, 'run.db'));
    store.create({ problemId: problem.id, seed: cfg.seed, config: {}, createdAt: 'now', schema: 1 });
    const t0 = performance.now();
    let row: string;
    try {
      const s = await evolve({ problem, store, config: cfg, mutator: createOfflineMutator(cfg.offline) });
      const initial = store.get(0)!.metrics[problem.primaryMetric];
      const dirn = problem.metrics.find((m) => m.name === problem.primaryMetric)!.direction;
      row = `| ${problem.id} | ${dirn} | ${publishedValue(problem.id) ?? '–'} | ${initial} | ${s.best?.score ?? '–'} | ${((performance.now() - t0) / 1000).toFixed(0)} |`;
    } catch (e) {
      row = `| ${problem.id} | – | ${publishedValue(problem.id) ?? '–'} | error: ${(e as Error).message.slice(0, 80)} | – | – |`;
    }
    store.close();
    rmSync(dir, { recursive: true, force: true });
    console.log(row);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
