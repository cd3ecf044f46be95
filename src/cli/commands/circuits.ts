// `evolab circuits …`: known size bounds, explicit tame circuits, and the size/degree certificates.
import { Command } from 'commander';
import { sergeevExponent } from '../../packs/circuits/sergeev.js';
import { FAMILIES, family, transposeParams } from '../../packs/circuits/params.js';
import { buildTame, randomCheckTame, tameSize } from '../../packs/circuits/tame.js';
import { computesDisjointness, degree, leftDegrees, rightDegrees, size } from '../../packs/circuits/circuit.js';
import { buildTransitions, leftDegreeByWeights } from '../../packs/circuits/transitions.js';
import { checkCertFile, degreeCertFile, familyCertificates, sizeCertFile, SIZE_DEFAULTS, DEGREE_DEFAULTS, type CheckResult } from '../../packs/circuits/certify.js';
import { readCertFile, writeCertFile } from '../../packs/circuits/certfile.js';
import { createRng } from '../../core/rng.js';

class UsageError extends Error {}

function fail(e: unknown): never {
  const usage = e instanceof UsageError || e instanceof RangeError;
  process.stderr.write(`evolab circuits: ${(e as Error).message}\n`);
  process.exit(usage ? 2 : 1);
}

function parseKs(s: string): number[] {
  const ks = s.split(',').map((v) => Number(v.trim()));
  if (!ks.length || ks.some((k) => !Number.isInteger(k) || k < 1 || k > 40)) throw new UsageError(`--k must be a comma-separated list of integers in [1, 40], e.g. 1,3,15,18; got '${s}'`);
  return ks;
}

function parseInt10(name: string, s: string, lo: number, hi: number): number {
  const v = Number(s);
  if (!Number.isInteger(v) || v < lo || v > hi) throw new UsageError(`${name} must be an integer in [${lo}, ${hi}], got '${s}'`);
  return v;
}

/** Maximum left degree of C_X(km, h) over all inputs, by Prop 3.2 over the (k+1)^m weight sequences. */
function maxLeftDegree(name: string, m: number, h: number): number {
  const t = buildTransitions(family(name));
  let best = 0;
  const seq: number[] = [];
  const rec = (d: number): void => {
    if (d === m) { best = Math.max(best, leftDegreeByWeights(t, h, seq)); return; }
    for (let i = 0; i <= t.k; i++) { seq.push(i); rec(d + 1); seq.pop(); }
  };
  rec(0);
  return best;
}

function transposeName(name: string): string {
  const tp = transposeParams(family(name));
  const hit = Object.values(FAMILIES).find((f) => f.blocks.join() === tp.blocks.join() && f.mult.join() === tp.mult.join() && f.alpha === tp.alpha && f.beta === tp.beta);
  if (!hit) throw new Error(`no built-in family is the transpose of ${name}`);
  return hit.name;
}

function printCheck(r: CheckResult, json: boolean, extra: Record<string, unknown> = {}): void {
  if (json) {
    process.stdout.write(JSON.stringify({ certified: r.certified, exponent: r.exponent, ...extra, details: { kind: r.kind, families: r.families, size: r.size, degree: r.degree, problems: r.problems } }) + '\n');
  } else {
    process.stdout.write(`${r.kind} certificate: ${r.certified ? 'CERTIFIED' : 'NOT certified'}; exponent claim ${r.exponent}\n`);
    for (const f of r.families) {
      process.stdout.write(`  ${f.name}: ${f.certificates} certificates, max S ≤ ${f.maxS}, Γ(b) ≤ ${f.maxSpread.toFixed(3)} (m ≥ ${f.mRequired}), Lipschitz ≤ ${f.maxLipschitz.toFixed(4)}, continuity misses ${f.continuityFailures}\n`);
    }
    if (r.size) process.stdout.write(`  V_size: ${r.size.parts} parts, max M ≤ ${r.size.maxM.toFixed(9)} on [${r.size.at.a}, ${r.size.at.b}], failures ${r.size.failures}; peak ℓ+h ≈ ${r.size.peakEstimate.value.toFixed(9)} at p = ${r.size.peakEstimate.p}\n`);
    if (r.degree) process.stdout.write(`  V_degree: ${r.degree.calls} rectangles, ${r.degree.gridPoints} grid points, depth ${r.degree.maxDepthReached}, max z ≤ ${r.degree.maxZ.z.toFixed(10)} at (${r.degree.maxZ.p}, ${r.degree.maxZ.q}) by ${r.degree.maxZ.by}, ${(r.degree.ms / 1000).toFixed(1)} s\n`);
    for (const p of r.problems) process.stdout.write(`  problem: ${p}\n`);
  }
  if (!r.certified) process.exitCode = 1;
}

export function register(program: Command): void {
  const c = program.command('circuits').description('depth-2 linear circuits for disjointness matrices R_n = D^{⊗n}');

  c.command('bounds')
    .description('size exponents log₂ σ from order-k Sergeev blocks (α-volume duality)')
    .option('--k <list>', 'comma-separated block orders', '1,3,15,18')
    .option('--json', 'print JSON')
    .action((o: { k: string; json?: boolean }) => {
      try {
        const rows = parseKs(o.k).map((k) => { const t0 = Date.now(); const r = sergeevExponent(k); return { k, exponent: r.exponent, alpha: r.alpha, c: r.c, ms: Date.now() - t0 }; });
        if (o.json) process.stdout.write(JSON.stringify(rows.map(({ k, exponent }) => ({ k, exponent }))) + '\n');
        else {
          process.stdout.write(`trivial (Yates) sqrt(6): ${Math.log2(6) / 2}\n`);
          for (const r of rows) process.stdout.write(`k = ${r.k}: exponent ${r.exponent.toFixed(7)} (bound 2^${r.exponent.toFixed(5)}), maximiser alpha = ${r.alpha.toFixed(6)}, best block c = ${r.c}, ${r.ms} ms\n`);
        }
      } catch (e) { fail(e); }
    });

  c.command('build')
    .description('build C_X(n, h) for a published family and report size and degree')
    .requiredOption('--family <name>', 'jessica|sonetto|regulus|regulus-t')
    .requiredOption('--n <N>', 'number of input bits, a multiple of 7 (explicit up to 14, implicit up to 28)')
    .option('--h <state>', 'start state', '0')
    .option('--verify', 'check that the circuit computes R_n (exact for n ≤ 14, randomised modulo 2^31−1 beyond)')
    .option('--seed <s>', 'seed of the randomised check', '1')
    .option('--json', 'print JSON')
    .action((o: { family: string; n: string; h: string; verify?: boolean; seed: string; json?: boolean }) => {
      try {
        if (!FAMILIES[o.family]) throw new UsageError(`--family must be one of jessica|sonetto|regulus|regulus-t, got '${o.family}'`);
        const x = family(o.family);
        const n = parseInt10('--n', o.n, 0, 28);
        if (n % x.k !== 0) throw new UsageError(`--n must be a multiple of ${x.k}, got ${n}`);
        const h = parseInt10('--h', o.h, 0, x.H - 1);
        const out: Record<string, unknown> = { family: o.family, n, h };
        const t0 = Date.now();
        if (n <= 14) {
          const circ = buildTame(x, n, h);
          out.buildMs = Date.now() - t0;
          Object.assign(out, { gates: circ.AT.rows, size: size(circ), degree: degree(circ), maxLeftDegree: Math.max(...leftDegrees(circ)), maxRightDegree: Math.max(...rightDegrees(circ)) });
          if (o.verify) {
            const t1 = Date.now();
            const r = computesDisjointness(circ, n);
            out.verify = { method: 'exact', ok: r.ok, products: r.work, ms: Date.now() - t1 };
          }
        } else {
          const s = tameSize(x, n, h);
          const m = n / x.k;
          const dl = maxLeftDegree(o.family, m, h);
          const dr = maxLeftDegree(transposeName(o.family), m, x.H - 1 - h);
          Object.assign(out, { gates: s.gates, size: s.nnzA + s.nnzB, degree: Math.max(dl, dr), maxLeftDegree: dl, maxRightDegree: dr, buildMs: Date.now() - t0 });
          if (o.verify) {
            const t1 = Date.now();
            const r = randomCheckTame(x, n, h, createRng(o.seed), 2);
            out.verify = { method: 'randomised modulo 2^31-1', ok: r.ok, trials: r.trials, falsePassBound: r.falsePassBound, ms: Date.now() - t1 };
          }
        }
        if (o.json) process.stdout.write(JSON.stringify(out) + '\n');
        else process.stdout.write(Object.entries(out).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join('\n') + '\n');
        if (o.verify && !(out.verify as { ok: boolean }).ok) process.exitCode = 1;
      } catch (e) { fail(e); }
    });

  c.command('certify-size')
    .description(`solve the GA05 certificates for a self-transpose family and run V_size (claim ${SIZE_DEFAULTS.claim})`)
    .option('--family <name>', 'size family', 'jessica')
    .option('--out <file>', 'write the certificate file (.json, or .json.gz compressed)')
    .option('--json', 'print JSON')
    .action((o: { family: string; out?: string; json?: boolean }) => {
      try {
        if (o.family !== 'jessica' && o.family !== 'sonetto') throw new UsageError(`--family must be a self-transpose family (jessica or sonetto), got '${o.family}'`);
        const t0 = Date.now();
        const fc = familyCertificates(o.family, SIZE_DEFAULTS.epsilon, o.json ? undefined : (r, i, n) => process.stderr.write(`  ${o.family} ${i + 1}/${n} p=${r.p} ℓ≈${r.ell.toFixed(9)} (${r.ms} ms)\n`));
        const file = sizeCertFile(fc, o.family);
        const solveMs = Date.now() - t0;
        const r = checkCertFile(file);
        file.result = { certified: r.certified, size: r.size, solveMs };
        if (o.out) writeCertFile(o.out, file);
        printCheck(r, !!o.json, { solveMs, verifyMs: Date.now() - t0 - solveMs });
      } catch (e) { fail(e); }
    });

  c.command('certify-degree')
    .description(`solve the certificates of Sonetto, Regulus and Regulus^T and run V_degree (claim ${DEGREE_DEFAULTS.claim})`)
    .option('--out <file>', 'write the certificate file (.json, or .json.gz compressed)')
    .option('--json', 'print JSON')
    .action((o: { out?: string; json?: boolean }) => {
      try {
        const t0 = Date.now();
        const fams: Record<string, ReturnType<typeof familyCertificates>> = {};
        for (const name of ['sonetto', 'regulus', 'regulus-t']) {
          fams[name] = familyCertificates(name, DEGREE_DEFAULTS.epsilon, o.json ? undefined : (r, i, n) => process.stderr.write(`  ${name} ${i + 1}/${n} p=${r.p} ℓ≈${r.ell.toFixed(9)} (${r.ms} ms)\n`));
        }
        const file = degreeCertFile(fams);
        const solveMs = Date.now() - t0;
        const r = checkCertFile(file);
        file.result = { certified: r.certified, degree: r.degree, solveMs };
        if (o.out) writeCertFile(o.out, file);
        printCheck(r, !!o.json, { solveMs, verifyMs: Date.now() - t0 - solveMs });
      } catch (e) { fail(e); }
    });

  c.command('check')
    .description('re-verify a certificate file without solving anything')
    .argument('<cert>', 'certificate file written by certify-size or certify-degree')
    .option('--json', 'print JSON')
    .action((path: string, o: { json?: boolean }) => {
      try {
        let file;
        try { file = readCertFile(path); } catch (e) { throw new UsageError(`<cert>: ${(e as Error).message}`); }
        const t0 = Date.now();
        const r = checkCertFile(file);
        printCheck(r, !!o.json, { checkMs: Date.now() - t0 });
      } catch (e) { fail(e); }
    });
}
