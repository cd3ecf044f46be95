// Benchmark: connected 4-point Monte Carlo of Cos-net (d = 1, N = 10, 10⁶ networks, 20 chunks) in
// this library (1 and 2 worker threads) against a straightforward vectorised numpy implementation
// run by the machine's python3 on the same settings. Prints a markdown section.
//   npx tsx bench/packs/nnqft/cosnet-connected4.ts [networks]
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { sampleMomentsParallel } from '../../../src/packs/nnqft/parallel.js';
import { connected, jackknife } from '../../../src/packs/nnqft/moments.js';
import { exactConnected } from '../../../src/packs/nnqft/exact.js';
import type { ArchSpec } from '../../../src/packs/nnqft/arch.js';

const networks = Number(process.argv[2] ?? 1_000_000);
const N = 10;
const points = [[-0.7], [-0.1], [0.4], [1.0]];
const spec: ArchSpec = { kind: 'cos', d: 1, N, sigmaA: 1, sigmaB: 1 };
const t = [0, 1, 2, 3];

const PY = String.raw`
import sys, time, numpy as np
M, N, chunks = int(sys.argv[1]), int(sys.argv[2]), 20
x = np.array([-0.7, -0.1, 0.4, 1.0])
rng = np.random.default_rng(1)
t0 = time.perf_counter(); c0 = time.process_time()
per = M // chunks
pairs = [(0,1),(0,2),(0,3),(1,2),(1,3),(2,3)]
S = np.zeros((chunks, 7))
for k in range(chunks):
    a = rng.standard_normal((per, N)) / np.sqrt(N)
    b = rng.standard_normal((per, N))
    c = rng.uniform(-np.pi, np.pi, (per, N))
    phi = np.einsum('mn,mnp->mp', a, np.cos(b[:, :, None] * x[None, None, :] + c[:, :, None]))
    S[k, 0] = np.prod(phi, axis=1).sum()
    for j, (p, q) in enumerate(pairs): S[k, j + 1] = (phi[:, p] * phi[:, q]).sum()
def conn(m):
    g = dict(zip(pairs, m[1:]))
    return m[0] - g[(0,1)]*g[(2,3)] - g[(0,2)]*g[(1,3)] - g[(0,3)]*g[(1,2)]
tot = S.sum(0)
est = conn(tot / (per * chunks))
loo = np.array([conn((tot - S[k]) / (per * (chunks - 1))) for k in range(chunks)])
se = np.sqrt((chunks - 1) / chunks * ((loo - loo.mean())**2).sum())
print(time.perf_counter() - t0, est, se, time.process_time() - c0)
`;

interface Timing { s: number; cpu: number; est: number; se: number }

async function ours(workers: number): Promise<Timing> {
  const t0 = performance.now(), c0 = process.cpuUsage();
  const cs = await sampleMomentsParallel(spec, points, [t], { networks, chunks: 20, seed: 1, workers });
  const e = jackknife(cs, (m) => connected(t, m));
  const c = process.cpuUsage(c0);
  return { s: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6, est: e.estimate, se: e.stderr };
}

const exact = exactConnected(spec, points, t);
const py = execFileSync('python3', ['-c', PY, String(networks), String(N)], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
const one = await ours(1);
const two = await ours(2);
const np: Timing = { s: py[0], est: py[1], se: py[2], cpu: py[3] };
const row = (name: string, r: Timing): string =>
  `| ${name} | ${r.s.toFixed(2)} | ${r.cpu.toFixed(2)} | ${(r.s / np.s).toFixed(2)} | ${(r.cpu / np.cpu).toFixed(2)} | ${r.est.toFixed(5)} ± ${r.se.toFixed(5)} | ${((r.est - exact) / r.se).toFixed(2)} |`;
console.log([
  `### nnqft: Cos-net connected 4-point Monte Carlo (${networks.toLocaleString('en')} networks, N = ${N}, d = 1, 4 points, 20 chunks)`,
  '',
  `Command: \`npx tsx bench/packs/nnqft/cosnet-connected4.ts ${networks}\`. Exact value ${exact.toFixed(5)}.`,
  '',
  '| implementation | wall s | CPU s | wall ratio to numpy | CPU ratio to numpy | G_c4 ± stderr | z vs exact |',
  '|---|---|---|---|---|---|---|',
  row('numpy (vectorised, chunks of 5·10⁴)', np),
  row('evolab, 1 thread', one),
  row('evolab, 2 worker threads', two),
  '',
  `Load average during the run: ${loadavg().map((x) => x.toFixed(1)).join(', ')} on ${cpus().length} cores (CPU time is the fairer comparison on a shared machine; the 2-thread CPU time sums both threads).`,
].join('\n'));
