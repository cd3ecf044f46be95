// Benchmarks: exact verification of C_X(14, 0), the randomised check at n = 21, the zeta transform
// against numpy, and the size verifier on a certificate file (when one is given).
// Run: npx tsx bench/packs/circuits/circuits.ts [size-cert.json.gz]
import { execFileSync } from 'node:child_process';
import { FAMILIES } from '../../../src/packs/circuits/params.js';
import { buildTame, randomCheckTame } from '../../../src/packs/circuits/tame.js';
import { computesDisjointness } from '../../../src/packs/circuits/circuit.js';
import { apply } from '../../../src/packs/circuits/disjointness.js';
import { readCertFile } from '../../../src/packs/circuits/certfile.js';
import { checkCertFile } from '../../../src/packs/circuits/certify.js';
import { createRng } from '../../../src/core/rng.js';

function time<T>(f: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const r = f();
  return [r, Number(process.hrtime.bigint() - t0) / 1e6];
}

const rows: string[] = ['| what | family | result | ms |', '|---|---|---|---|'];
for (const name of Object.keys(FAMILIES)) {
  const [c, tb] = time(() => buildTame(FAMILIES[name], 14, 0));
  const [ok, tv] = time(() => computesDisjointness(c, 14).ok);
  rows.push(`| build C_X(14,0) | ${name} | ${c.AT.rows} gates | ${tb.toFixed(0)} |`, `| exact AB = R_14 | ${name} | ${ok} | ${tv.toFixed(0)} |`);
}
const [r21, t21] = time(() => randomCheckTame(FAMILIES.jessica, 21, 0, createRng(1), 1).ok);
rows.push(`| randomised check n = 21 (1 trial) | jessica | ${r21} | ${t21.toFixed(0)} |`);

// Zeta transform R_n·v, n = 20, against numpy (same machine, same command).
const n = 20;
const rng = createRng(2);
const v = Float64Array.from({ length: 1 << n }, () => rng.int(1000));
apply(v, n); // warm-up
const reps = 5;
const [, tz] = time(() => { for (let i = 0; i < reps; i++) apply(v, n); });
const py = `
import numpy as np, time
n=${n}; v=np.random.randint(0,1000,size=1<<n).astype(np.float64)
def zeta(x):
    z=x.copy()
    for b in range(n):
        z=z.reshape(-1,2,1<<b); z[:,1,:]+=z[:,0,:]; z=z.reshape(-1)
    return z[::-1].copy()
zeta(v); t=time.perf_counter()
for _ in range(${reps}): zeta(v)
print((time.perf_counter()-t)*1000)
`;
let tn = NaN;
try { tn = Number(execFileSync('python3', ['-c', py]).toString().trim()); } catch { /* numpy unavailable */ }
rows.push(`| R_20·v by zeta transform (${reps} reps) | — | numpy ${tn.toFixed(0)} ms, ratio TS/numpy ${(tz / tn).toFixed(2)} | ${tz.toFixed(0)} |`);

const certPath = process.argv[2];
if (certPath) {
  const file = readCertFile(certPath);
  const [res, tc] = time(() => checkCertFile(file));
  rows.push(`| check size certificate (V_size, ${res.size?.parts} parts) | ${Object.keys(file.families).join(',')} | certified ${res.certified}, max M ≤ ${res.size?.maxM.toFixed(9)} | ${tc.toFixed(0)} |`);
}
console.log(rows.join('\n'));
