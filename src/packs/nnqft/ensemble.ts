// Streaming Monte Carlo over network ensembles: networks are drawn in small batches, their φ values at
// the point set are folded into per-chunk moment sums and dropped, so memory does not grow with the count.
import { stream } from '../../core/rng.js';
import { validateArch, type ArchSpec } from './arch.js';
import { evaluateBatch, makeScratch } from './evaluate.js';
import { closure, type ChunkSums, type Tuple } from './moments.js';
import { flatten, validatePoints, type Points } from './points.js';

export interface EnsembleOptions {
  networks: number;
  /** Independent chunks for the error bars (default 20). */
  chunks?: number;
  seed?: number | string;
  /** Worker threads (default 1; 2 uses both cores of a two-core machine). */
  workers?: number;
}

export interface ChunkJob {
  spec: ArchSpec;
  X: Float64Array;
  P: number;
  flat: Int32Array;
  offsets: Int32Array;
  seed: number | string;
  chunk: number;
  count: number;
}

/** Random stream of chunk c: fixed by (seed, chunk) alone, so results do not depend on the worker layout. */
export const chunkStream = (seed: number | string, chunk: number) => stream(seed, 'nnqft-ensemble', chunk);

export function packTuples(tuples: Tuple[]): { flat: Int32Array; offsets: Int32Array } {
  const offsets = new Int32Array(tuples.length + 1);
  tuples.forEach((t, k) => { offsets[k + 1] = offsets[k] + t.length; });
  const flat = new Int32Array(offsets[tuples.length]);
  tuples.forEach((t, k) => flat.set(t, offsets[k]));
  return { flat, offsets };
}

/** Sums over `count` networks of chunk `chunk` of the product φ(x_{t₁})…φ(x_{t_n}) for every tuple. */
export function runChunk(job: ChunkJob): Float64Array {
  const { spec, X, P, flat, offsets, count } = job;
  const T = offsets.length - 1;
  const rng = chunkStream(job.seed, job.chunk);
  const batch = Math.max(1, Math.min(4096, Math.floor((1 << 17) / (spec.N * (spec.d + 2)))));
  const scratch = makeScratch(spec, batch);
  const phi = new Float64Array(batch * P);
  const sums = new Float64Array(T);
  for (let done = 0; done < count; done += batch) {
    const m = Math.min(batch, count - done);
    evaluateBatch(spec, rng, m, X, P, phi, scratch);
    for (let net = 0; net < m; net++) {
      const o = net * P;
      for (let k = 0; k < T; k++) {
        let prod = 1;
        for (let q = offsets[k]; q < offsets[k + 1]; q++) prod *= phi[o + flat[q]];
        sums[k] += prod;
      }
    }
  }
  return sums;
}

export function chunkCounts(networks: number, chunks: number): number[] {
  return Array.from({ length: chunks }, (_, c) => Math.floor(networks / chunks) + (c < networks % chunks ? 1 : 0));
}

function checkOptions(o: EnsembleOptions): { networks: number; chunks: number; seed: number | string; workers: number } {
  const networks = o.networks;
  if (!Number.isInteger(networks) || networks < 2) throw new RangeError(`networks must be an integer ≥ 2, got ${networks}`);
  const chunks = o.chunks ?? 20;
  if (!Number.isInteger(chunks) || chunks < 1 || chunks > networks) throw new RangeError(`chunks must be an integer in [1, networks], got ${chunks}`);
  const workers = o.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new RangeError(`workers must be an integer in [1, 64], got ${workers}`);
  return { networks, chunks, seed: o.seed ?? 1, workers };
}

/** Validated inputs and packed buffers shared by the single- and multi-threaded samplers. */
export function prepareSampling(spec: ArchSpec, points: Points, tuples: Tuple[], o: ReturnType<typeof checkOptions>) {
  validateArch(spec);
  validatePoints(points, spec.d);
  const all = closure(tuples);
  for (const t of all) for (const i of t) if (i < 0 || i >= points.length) throw new RangeError(`tuple index ${i} is out of range for ${points.length} points`);
  const { flat, offsets } = packTuples(all);
  const X = flatten(points);
  const counts = chunkCounts(o.networks, o.chunks);
  const sums = new Float64Array(o.chunks * all.length);
  return { all, flat, offsets, X, counts, sums };
}

/** Chunk sums of every tuple in the closure of `tuples` (single thread). */
export function sampleMoments(spec: ArchSpec, points: Points, tuples: Tuple[], opts: EnsembleOptions): ChunkSums {
  const o = checkOptions(opts);
  const { all, flat, offsets, X, counts, sums } = prepareSampling(spec, points, tuples, o);
  counts.forEach((count, c) => {
    sums.set(runChunk({ spec, X, P: points.length, flat, offsets, seed: o.seed, chunk: c, count }), c * all.length);
  });
  return { tuples: all, sums, counts };
}

export { checkOptions };
