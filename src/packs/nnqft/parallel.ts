// The same chunked Monte Carlo as sampleMoments, spread over worker threads. Chunk c always uses the
// stream (seed, c), so the result is bit-identical to the single-threaded one.
import { createRequire } from 'node:module';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ArchSpec } from './arch.js';
import { checkOptions, prepareSampling, sampleMoments, type EnsembleOptions } from './ensemble.js';
import type { ChunkSums, Tuple } from './moments.js';
import type { Points } from './points.js';

// Under a TypeScript loader this module is .ts and so is its worker, which then needs the loader too;
// compiled, both are .js.
const fromSource = import.meta.url.endsWith('.ts');
function startWorker(workerData: unknown): Worker {
  if (!fromSource) return new Worker(new URL('./worker.js', import.meta.url), { workerData });
  // Loader hooks are per thread on Node 20, so the worker registers the TypeScript loader itself.
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = new URL('./worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData });
}

/**
 * Worker count when none is given: two threads once a run has ≳ 2·10⁷ neuron evaluations (starting a
 * worker costs ~0.1–0.3 s), otherwise one; never more than the machine's cores.
 */
export function autoWorkers(spec: ArchSpec, P: number, networks: number): number {
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  return networks * spec.N * P >= 2e7 ? Math.max(1, Math.min(2, cores)) : 1;
}

export async function sampleMomentsParallel(spec: ArchSpec, points: Points, tuples: Tuple[], opts: EnsembleOptions): Promise<ChunkSums> {
  if (opts.workers === undefined && Number.isInteger(opts.networks)) opts = { ...opts, workers: autoWorkers(spec, points.length, opts.networks) };
  const o = checkOptions(opts);
  if (o.workers === 1 || o.chunks === 1) return sampleMoments(spec, points, tuples, opts);
  const { all, flat, offsets, X, counts, sums } = prepareSampling(spec, points, tuples, o);
  const W = Math.min(o.workers, o.chunks);
  const assignments = Array.from({ length: W }, (_, w) => counts.map((_, c) => c).filter((c) => c % W === w));
  const workers: Worker[] = [];
  await Promise.all(assignments.map((chunks) => new Promise<void>((resolve, reject) => {
    const worker = startWorker({ spec, X, P: points.length, flat, offsets, seed: o.seed, chunks, counts: chunks.map((c) => counts[c]) });
    workers.push(worker);
    worker.once('message', (msg: { chunk: number; sums: Float64Array }[]) => {
      for (const r of msg) sums.set(r.sums, r.chunk * all.length);
      resolve();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0) reject(new Error(`ensemble worker exited with code ${code}`)); });
  }))).catch(async (e: unknown) => {
    // One failed worker fails the run: stop the others instead of letting them finish unobserved.
    await Promise.all(workers.map((w) => w.terminate()));
    throw e;
  });
  return { tuples: all, sums, counts };
}
