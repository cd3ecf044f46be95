// Times every math verifier on its published construction, and three of them against numpy
// versions of the same computation (run by this script through python3), reporting the ratio.
// Run: npx tsx bench/packs/math/verify.ts
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { verifiers } from '../../../src/packs/math/verify/index.js';

const shared = process.env.EVOLAB_SHARED ?? resolve(process.cwd(), '..', 'shared');
const dir = join(shared, 'data', 'alphaevolve');

function time(fn: () => void, minMs = 300): number {
  fn();
  let reps = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs || reps < 1) {
    fn();
    reps++;
  }
  return (performance.now() - t0) / reps;
}

const rows: string[] = [];
const ours: Record<string, number> = {};
for (const v of verifiers) {
  const data = JSON.parse(readFileSync(join(dir, `${v.id}.json`), 'utf8'));
  const ms = v.id === 'sums_differences_54265' ? time(() => v.verify(data.construction), 0) : time(() => v.verify(data.construction));
  ours[v.id] = ms;
  rows.push(`| ${v.id} | ${ms.toFixed(ms < 1 ? 3 : 1)} |`);
}

// numpy versions of three checks, timed the same way inside python.
const py = `
import json, time, sys, itertools
import numpy as np
d = sys.argv[1]
def t(f, min_s=0.3):
    f(); n = 0; t0 = time.perf_counter()
    while time.perf_counter() - t0 < min_s or n < 1:
        f(); n += 1
    return (time.perf_counter() - t0) / n * 1000
h = np.array(json.load(open(d + '/first_autocorrelation.json'))['construction']['heights'])
c1 = t(lambda: 2 * len(h) * np.max(np.convolve(h, h)) / np.sum(h) ** 2)
U = json.load(open(d + '/sums_differences_2003.json'))['construction']['set']
def sd():
    u = np.array(U); m = u.max()
    s = np.zeros(2 * m + 1, bool); df = np.zeros(2 * m + 1, bool)
    for x in u:
        s[x + u] = True; df[x - u + m] = True
    return 1 + np.log(df.sum() / s.sum()) / np.log(2 * m + 1)
sdt = t(sd)
V = json.load(open(d + '/kissing_number_11.json'))['construction']['vectors']
def kiss():
    vs = [list(map(int, v)) for v in V]
    mx = max(sum(x * x for x in v) for v in vs)
    mn = min(sum((a - b) ** 2 for a, b in zip(x, y)) for x, y in itertools.combinations(vs, 2))
    return mn >= mx
kt = t(kiss, 0)
print(json.dumps({'first_autocorrelation': c1, 'sums_differences_2003': sdt, 'kissing_number_11': kt}))
`;
const tmp = mkdtempSync(join(tmpdir(), 'evolab-bench-'));
writeFileSync(join(tmp, 'b.py'), py);
const r = spawnSync('python3', [join(tmp, 'b.py'), dir], { encoding: 'utf8' });
const numpy = r.status === 0 ? (JSON.parse(r.stdout) as Record<string, number>) : null;

console.log('| problem | evolab verify (ms) |');
console.log('|---|---|');
for (const row of rows) console.log(row);
if (numpy) {
  console.log('\n| check | evolab (ms) | python3/numpy (ms) | numpy / evolab |');
  console.log('|---|---|---|---|');
  for (const [k, ms] of Object.entries(numpy)) {
    console.log(`| ${k} | ${ours[k].toFixed(2)} | ${ms.toFixed(2)} | ${(ms / ours[k]).toFixed(2)} |`);
  }
} else {
  console.log('python3/numpy comparison failed:', r.stderr);
}
