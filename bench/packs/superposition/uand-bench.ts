// Benchmark: U-AND error measurement of the sparse construction at m = 10^4, d = 2000, s = 3 over 1000 inputs
// (all 11 pairs, all s·(m−s) 01 pairs, 200 random 00 pairs per input), against numpy doing the same computation
// (dense BLAS version and a scipy.sparse version). Run: npx tsx bench/packs/superposition/uand-bench.ts [--inputs N]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSparseUand } from '../../../src/packs/superposition/uand-sparse.js';
import { measureUand, summarizeResult } from '../../../src/packs/superposition/measure.js';
import { measureParallel } from '../../../src/packs/superposition/parallel.js';
import { objStream, sampleSparse } from '../../../src/packs/superposition/sampling.js';

const argInputs = process.argv.indexOf('--inputs');
const inputs = argInputs > 0 ? Number(process.argv[argInputs + 1]) : 1000;
const m = 10000, d = 2000, s = 3, pairs00 = 200, seed = 'bench', inputSeed = 'bench-in';

function time<T>(f: () => T): [T, number, number] {
  const t = performance.now(), c = process.cpuUsage();
  const r = f();
  const u = process.cpuUsage(c);
  return [r, (performance.now() - t) / 1000, (u.user + u.system) / 1e6];
}

const [model, buildSec] = time(() => buildSparseUand({ m, d, seed }));
const opts = { s, inputs, inputSeed, pairs00, risk00: 0 };
const [res1, js1, cpu1] = time(() => summarizeResult(measureUand(model, opts)));
const t2 = performance.now(), c2 = process.cpuUsage();
const res2 = summarizeResult(await measureParallel({ spec: { construction: 'sparse', m, d, seed }, opts }, 2));
const js2 = (performance.now() - t2) / 1000;
const u2 = process.cpuUsage(c2);
const cpu2 = (u2.user + u2.system) / 1e6;

// Export the same weights, inputs and 00 pairs (replaying the measurement's draws) for numpy.
const dir = mkdtempSync(join(tmpdir(), 'sp-bench-'));
const acts = new Int32Array(inputs * s), pairs = new Int32Array(inputs * pairs00 * 2);
for (let t = 0; t < inputs; t++) {
  const rng = objStream(inputSeed, 'measure-input', t);
  rng.int(1); // sparsity draw (fixed s)
  const act = sampleSparse(rng, m, s);
  acts.set(act, t * s);
  const on = new Set(act);
  for (let j = 0; j < pairs00; j++) {
    let k = rng.int(m), l = rng.int(m);
    while (on.has(k)) k = rng.int(m);
    while (on.has(l) || l === k) l = rng.int(m);
    pairs[(t * pairs00 + j) * 2] = k; pairs[(t * pairs00 + j) * 2 + 1] = l;
  }
}
const buf = (a: Int32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
writeFileSync(join(dir, 'meta.json'), JSON.stringify({ m, d, s, inputs }));
writeFileSync(join(dir, 'colptr.i32'), buf(model.W.colPtr));
writeFileSync(join(dir, 'colidx.i32'), buf(model.W.colIdx));
writeFileSync(join(dir, 'acts.i32'), buf(acts));
writeFileSync(join(dir, 'pairs00.i32'), buf(pairs));
const py = join(dirname(fileURLToPath(import.meta.url)), 'uand_numpy.py');
const runPy = (mode: string): { seconds: number; cpu: number; cases: Record<string, { n: number; max: number; mean: number; std: number; q99: number }> } =>
  JSON.parse(execFileSync('python3', [py, dir, mode], { encoding: 'utf8', maxBuffer: 1 << 24 }));
const dense = runPy('dense');
const sparse = runPy('sparse');
rmSync(dir, { recursive: true, force: true });

// Same computation: per-case counts, means and maxima must agree.
for (const c of ['11', '01', '00'] as const) {
  for (const ref of [dense, sparse]) {
    const a = res1.cases[c], b = ref.cases[c];
    if (a.n !== b.n || Math.abs(a.mean - b.mean) > 1e-6 || Math.abs(a.max - b.max) > 1e-6) {
      throw new Error(`case ${c} differs from numpy: n ${a.n}/${b.n} mean ${a.mean}/${b.mean} max ${a.max}/${b.max}`);
    }
  }
}
const f = (x: number): string => x.toFixed(2);
console.log(`U-AND error measurement, m=${m} d=${d} s=${s}, ${inputs} inputs (${res1.cases['01'].n + res1.cases['11'].n + res1.cases['00'].n} read-offs); load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
console.log('                            wall (s)   CPU (s)');
console.log(`build (TS)                  ${f(buildSec).padStart(7)}`);
console.log(`measure TS, 1 thread        ${f(js1).padStart(7)}   ${f(cpu1).padStart(7)}`);
console.log(`measure TS, 2 workers       ${f(js2).padStart(7)}   ${f(cpu2).padStart(7)}   (incl. worker start and model rebuild per worker)`);
console.log(`numpy dense (BLAS)          ${f(dense.seconds).padStart(7)}   ${f(dense.cpu).padStart(7)}`);
console.log(`numpy + scipy.sparse        ${f(sparse.seconds).padStart(7)}   ${f(sparse.cpu).padStart(7)}`);
console.log(`ratios TS/numpy-dense: wall 1-thread ${f(js1 / dense.seconds)}, wall 2-workers ${f(js2 / dense.seconds)}, CPU 1-thread ${f(cpu1 / dense.cpu)}`);
console.log(`ratios TS/scipy-sparse: wall 1-thread ${f(js1 / sparse.seconds)}, wall 2-workers ${f(js2 / sparse.seconds)}, CPU 1-thread ${f(cpu1 / sparse.cpu)}`);
console.log(`results agree with numpy: 01 mean ${res1.cases['01'].mean.toFixed(6)} (numpy ${dense.cases['01'].mean.toFixed(6)}), 01 max ${res1.cases['01'].max.toFixed(4)}; 2-worker max ${res2.cases['01'].max.toFixed(4)}`);
