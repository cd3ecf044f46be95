// Worker thread body for parallel.ts: runs its share of chunks and posts their sums back.
import { parentPort, workerData } from 'node:worker_threads';
import { runChunk } from './ensemble.js';

const { spec, X, P, flat, offsets, seed, chunks, counts } = workerData as {
  spec: Parameters<typeof runChunk>[0]['spec']; X: Float64Array; P: number; flat: Int32Array; offsets: Int32Array;
  seed: number | string; chunks: number[]; counts: number[];
};
const results = chunks.map((chunk, i) => ({ chunk, sums: runChunk({ spec, X, P, flat, offsets, seed, chunk, count: counts[i] }) }));
parentPort!.postMessage(results);
