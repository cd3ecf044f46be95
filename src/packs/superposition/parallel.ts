// Splits a measurement over worker threads (inputs t ≡ w mod W go to worker w). Every worker rebuilds the
// construction from its seed, so results do not depend on the number of workers (up to float summation order).
import { Worker } from 'node:worker_threads';
import { measureUand, mergeResults, type MeasureOptions, type MeasureResult } from './measure.js';
import { buildModel, type ModelSpec } from './spec.js';

export interface Job { spec: ModelSpec; opts: MeasureOptions }

export function measureInline(job: Job): MeasureResult {
  return measureUand(buildModel(job.spec), job.opts);
}

function workerUrl(): URL {
  // Under a TypeScript loader this module is a .ts file; compiled, it is .js.
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./measure-worker${ext}`, import.meta.url);
}

/** Runs the job on `workers` threads (1 = in this thread). */
export async function measureParallel(job: Job, workers = 2): Promise<MeasureResult> {
  const W = Math.max(1, Math.min(workers, job.opts.inputs));
  if (W === 1) return measureInline(job);
  const parts = await Promise.all(Array.from({ length: W }, (_, w) => new Promise<MeasureResult>((resolve, reject) => {
    const url = workerUrl();
    // A .ts entry needs the TypeScript loader registered inside the worker before the import.
    const entry = url.pathname.endsWith('.ts')
      ? `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(url.href)}); })`
      : url;
    const worker = new Worker(entry, { eval: typeof entry === 'string', workerData: { spec: job.spec, opts: { ...job.opts, start: w, stride: W } } });
    worker.once('message', (r: MeasureResult) => { resolve(r); void worker.terminate(); });
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0) reject(new Error(`measurement worker exited with code ${code}`)); });
  })));
  return mergeResults(parts);
}
