// Memory stays bounded while streaming: 10⁷ Cos-net networks (N = 2, d = 1, 4 points) folded into
// chunk moment sums; prints wall time and the resident-set growth.
//   npx tsx bench/packs/nnqft/streaming-memory.ts [networks]
import { sampleMoments } from '../../../src/packs/nnqft/ensemble.js';
import { connected, jackknife } from '../../../src/packs/nnqft/moments.js';
import { exactConnected } from '../../../src/packs/nnqft/exact.js';
import type { ArchSpec } from '../../../src/packs/nnqft/arch.js';

const networks = Number(process.argv[2] ?? 10_000_000);
const spec: ArchSpec = { kind: 'cos', d: 1, N: 2, sigmaA: 1, sigmaB: 1 };
const points = [[-0.7], [-0.1], [0.4], [1.0]], t = [0, 1, 2, 3];
let peak = process.memoryUsage().rss;
const before = peak;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
const t0 = performance.now();
// Split into slices so the sampler yields to the timer that records the peak.
const slices = 20, sums: Float64Array[] = [];
let cs = null as ReturnType<typeof sampleMoments> | null;
for (let s = 0; s < slices; s++) {
  const part = sampleMoments(spec, points, [t], { networks: networks / slices, chunks: 1, seed: `mem-${s}` });
  peak = Math.max(peak, process.memoryUsage().rss);
  sums.push(part.sums);
  cs = cs ? { ...cs, sums: Float64Array.from([...cs.sums, ...part.sums]), counts: [...cs.counts, ...part.counts] } : part;
  await new Promise((r) => setImmediate(r));
}
clearInterval(timer);
const e = jackknife(cs!, (m) => connected(t, m));
console.log(`### nnqft: streaming ${networks.toLocaleString('en')} networks in bounded memory`);
console.log('');
console.log(`Command: \`npx tsx bench/packs/nnqft/streaming-memory.ts ${networks}\`.`);
console.log('');
console.log(`Cos-net N = 2, d = 1, 4 points: G_c4 = ${e.estimate.toFixed(5)} ± ${e.stderr.toFixed(5)} (exact ${exactConnected(spec, points, t).toFixed(5)}), ` +
  `${((performance.now() - t0) / 1000).toFixed(1)} s on one thread, resident memory ${(before / 2 ** 20).toFixed(0)} MiB → peak ${(peak / 2 ** 20).toFixed(0)} MiB.`);
