// Training throughput (samples/s) of the TypeScript training core against a straightforward
// numpy implementation of the same MLP (8→64→64→1, float64, MSE, Adam, one thread each).
// Run: npx tsx bench/packs/lipschitz/throughput.ts [epochs]
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../../../src/core/rng.js';
import { normalInit } from '../../../src/core/optim.js';
import type { NetConfig } from '../../../src/packs/lipschitz/network.js';
import { trainNet } from '../../../src/packs/lipschitz/train.js';

const epochs = Number(process.argv[2] ?? 3);
const n = 8192, d = 8;
const x = normalInit(createRng('bench'), n * d, 1);
const y = Float64Array.from({ length: n }, (_, i) => Math.sin(x[i * d]) + x[i * d + 1] ** 2);

function jsRate(act: 'relu' | 'lmn', batch: number): number {
  const cfg: NetConfig = {
    inputs: d, hidden: [64, 64], norm: act === 'lmn' ? 'one' : 'none', lambda: 2, monotone: new Array(d).fill(0),
    groupSize: 2, activation: act === 'lmn' ? 'groupsort' : 'relu', vectorwise: true,
  };
  trainNet(cfg, { x, y, n, d }, { epochs: 1, batchSize: batch, lr: 1e-3, seed: 1, loss: 'mse' }); // warm-up (JIT)
  const t0 = performance.now();
  trainNet(cfg, { x, y, n, d }, { epochs, batchSize: batch, lr: 1e-3, seed: 1, loss: 'mse' });
  return (n * epochs) / ((performance.now() - t0) / 1000);
}

function npRate(act: 'relu' | 'lmn', batch: number): number {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'mlp_numpy.py');
  const r = spawnSync('python3', [script, act, String(batch), String(epochs)], {
    encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
  });
  if (r.status !== 0) throw new Error(`numpy run failed: ${r.stderr}`);
  return JSON.parse(r.stdout).samplesPerSecond;
}

const rows: string[] = [];
for (const act of ['relu', 'lmn'] as const) {
  for (const batch of [32, 256]) {
    const js = jsRate(act, batch), np = npRate(act, batch);
    rows.push(`| ${act === 'relu' ? 'ReLU MLP' : 'LMN (GroupSort(2), Eq. 2.8 norm)'} | ${batch} | ${js.toFixed(0)} | ${np.toFixed(0)} | ${(js / np).toFixed(2)} |`);
    console.error(rows[rows.length - 1]);
  }
}
console.log(['| model 8→64→64→1 | batch | TypeScript samples/s | numpy samples/s | TS / numpy |', '|---|---|---|---|---|', ...rows].join('\n'));
