// `evolab nnqft correlator|rp|reproduce`: random-network field theories from the command line.
import { Command } from 'commander';
import { defaultArch, validateArch, type ArchKind, type ArchSpec } from '../../packs/nnqft/arch.js';
import { correlator } from '../../packs/nnqft/correlator.js';
import { parsePoints, type Points } from '../../packs/nnqft/points.js';
import { namedKernel, rpGrid, rpTest, RP_KERNELS, type RpKernel, type RpResult } from '../../packs/nnqft/rp.js';
import { runReproduction } from '../../packs/nnqft/reproduce/run.js';

class UsageError extends Error {}

function num(v: string | undefined, flag: string, form: 'int' | 'positive' | 'nonneg' | 'any', fallback?: number): number {
  if (v === undefined) {
    if (fallback === undefined) throw new UsageError(`${flag} is required`);
    return fallback;
  }
  const x = Number(v);
  const ok = v.trim() !== '' && Number.isFinite(x) &&
    (form === 'int' ? Number.isInteger(x) && x >= 1 : form === 'positive' ? x > 0 : form === 'nonneg' ? x >= 0 : true);
  const expected = { int: 'a positive integer', positive: 'a positive number', nonneg: 'a non-negative number', any: 'a number' }[form];
  if (!ok) throw new UsageError(`${flag} must be ${expected}, got '${v}'`);
  return x;
}

function fail(err: unknown, json: boolean): void {
  const usage = err instanceof UsageError || err instanceof RangeError || err instanceof TypeError;
  const msg = err instanceof Error ? err.message : String(err);
  if (json) process.stdout.write(JSON.stringify({ error: msg }) + '\n');
  process.stderr.write(`evolab nnqft: ${msg}\n`);
  process.exitCode = usage ? 2 : 1;
}

const CLI_ARCHS = ['cos', 'gauss', 'erf', 'relu', 'gauss-sl', 'free', 'cauchy', 'user'];

function archFromOptions(o: Record<string, string | undefined>): ArchSpec {
  const kind = o.arch;
  if (!kind || !CLI_ARCHS.includes(kind)) throw new UsageError(`--arch must be one of ${CLI_ARCHS.join('|')}, got '${kind ?? ''}'`);
  const d = num(o.d, '--d', 'int', 1), N = num(o.N, '--N', 'int');
  if (kind === 'user') {
    if (!o.spec) throw new UsageError(`--arch user needs --spec '{"b":{"family":"normal","scale":1},"F":{"mass":0,"power":0},"activation":"identity"}'`);
    let extra: Record<string, unknown>;
    try { extra = JSON.parse(o.spec); } catch { throw new UsageError('--spec must be JSON like {"b":{"family":"cauchy","scale":1},"F":{"mass":1,"power":0},"activation":"identity"}'); }
    return validateArch({ kind: 'user', d, N, sigmaA: num(o.sigmaA, '--sigma-a', 'positive', 1), ...extra } as ArchSpec);
  }
  return validateArch(defaultArch(kind as ArchKind, d, N, {
    sigmaA: num(o.sigmaA, '--sigma-a', 'positive', 1),
    sigmaB: num(o.sigmaB, '--sigma-b', kind === 'erf' || kind === 'relu' || kind === 'gauss-sl' ? 'nonneg' : 'positive', 1),
    sigmaC: num(o.sigmaC, '--sigma-c', 'nonneg', 0),
    mass: num(o.mass, '--mass', 'nonneg', 1),
    cutoff: num(o.cutoff, '--cutoff', 'positive', 10),
  }));
}

const fmt = (x: number | undefined): string => (x === undefined ? '—' : Number.isFinite(x) ? x.toPrecision(6) : String(x));

function rpRow(r: RpResult): string {
  return `${r.kernel.padEnd(28)} ${String(r.points).padStart(4)}  λ_min ${fmt(r.minEigenvalue).padStart(12)}  λ_max ${fmt(r.maxEigenvalue).padStart(10)}  λ_min/λ_max ${fmt(r.relative).padStart(12)}  ${r.positive ? 'RP holds' : 'RP FAILS'}`;
}

export function register(program: Command): void {
  const nn = program.command('nnqft').description('field theories built from random neural networks');

  nn.command('correlator')
    .description('Monte Carlo n-point function (estimate ± stderr) with the exact value where known')
    .option('--arch <kind>', `architecture: ${CLI_ARCHS.join('|')}`)
    .option('--d <D>', 'input dimension', '1')
    .option('--N <N>', 'width')
    .option('--order <n>', '2, 4 or 6')
    .option('--connected', 'connected part instead of the full correlator')
    .option('--points <list>', 'n points "x1;x2;…", coordinates within a point separated by ","')
    .option('--networks <K>', 'number of networks')
    .option('--sigma-a <s>', 'σ_a (σ_W for erf/relu/gauss-sl)', '1')
    .option('--sigma-b <s>', 'σ_b', '1')
    .option('--sigma-c <s>', 'σ_c of the duality Gauss-net', '0')
    .option('--mass <m>', 'mass (free, cauchy)', '1')
    .option('--cutoff <L>', 'cutoff Λ (free)', '10')
    .option('--spec <json>', 'user architecture: {"b":{family,scale[,nu]},"F":{mass,power},"activation"}')
    .option('--chunks <k>', 'independent chunks for the error bar', '20')
    .option('--workers <w>', 'worker threads (default: 2 for large runs on a multi-core machine, else 1)')
    .option('--seed <S>', 'random seed', '1')
    .option('--json', 'one JSON object on stdout')
    .action(async (o: Record<string, string | undefined> & { connected?: boolean; json?: boolean }) => {
      try {
        const spec = archFromOptions(o);
        const order = num(o.order, '--order', 'int');
        if (![2, 4, 6].includes(order)) throw new UsageError(`--order must be 2, 4 or 6, got '${o.order}'`);
        let points: Points;
        try { points = parsePoints(o.points ?? ''); } catch (e) { throw new UsageError((e as Error).message); }
        if (points[0].length !== spec.d) throw new UsageError(`--points: each point needs ${spec.d} coordinate(s) for --d ${spec.d}, got ${points[0].length}`);
        if (points.length !== order) throw new UsageError(`--points: --order ${order} needs ${order} points, got ${points.length}`);
        const networks = num(o.networks, '--networks', 'int');
        const r = await correlator(spec, points, {
          order: order as 2 | 4 | 6, connected: !!o.connected, networks,
          chunks: num(o.chunks, '--chunks', 'int'), workers: o.workers === undefined ? undefined : num(o.workers, '--workers', 'int'),
          seed: num(o.seed, '--seed', 'any'),
        });
        if (o.json) { process.stdout.write(JSON.stringify(r) + '\n'); return; }
        const name = `${r.connected ? 'connected ' : ''}G${r.order}`;
        process.stdout.write(`${spec.kind} d=${spec.d} N=${spec.N}  ${name} from ${networks} networks (${r.chunks} chunks, seed ${r.seed})\n`);
        process.stdout.write(`estimate ${fmt(r.estimate)}\nstderr   ${fmt(r.stderr)}\nexact    ${fmt(r.exact)}\nz        ${r.z === undefined ? '—' : r.z.toFixed(2)}\n`);
        if (r.gp !== undefined) process.stdout.write(`GP (N=∞) full G${r.order}: ${fmt(r.gp)}\n`);
      } catch (e) { fail(e, !!o.json); }
    });

  nn.command('rp')
    .description('reflection positivity: smallest eigenvalue of G(θxᵢ, xⱼ) over points with τ > 0')
    .option('--kernel <k>', `${RP_KERNELS.join('|')}|all`, 'all')
    .option('--d <D>', '1 or 2', '1')
    .option('--mass <m>', 'mass (cauchy, free)', '1')
    .option('--cutoff <L>', 'cutoff Λ (free)', '10')
    .option('--points <list>', 'points "τ1,s1;τ2,s2;…" with τ > 0 (default: a grid)')
    .option('--ntau <n>', 'grid: number of τ values', '')
    .option('--tau-max <t>', 'grid: largest τ', '1')
    .option('--json', 'one JSON object on stdout')
    .action((o: Record<string, string | undefined> & { json?: boolean }) => {
      try {
        const d = num(o.d, '--d', 'int');
        if (d !== 1 && d !== 2) throw new UsageError(`--d must be 1 or 2, got '${o.d}'`);
        const kernels: RpKernel[] = o.kernel === 'all' ? (d === 1 ? [...RP_KERNELS] : RP_KERNELS.filter((k) => k !== 'cauchy')) : [o.kernel as RpKernel];
        if (o.kernel !== 'all' && !RP_KERNELS.includes(o.kernel as RpKernel)) throw new UsageError(`--kernel must be one of ${RP_KERNELS.join('|')}|all, got '${o.kernel}'`);
        let pts: Points;
        if (o.points) {
          try { pts = parsePoints(o.points); } catch (e) { throw new UsageError((e as Error).message); }
          if (pts[0].length !== d) throw new UsageError(`--points: each point needs ${d} coordinate(s)`);
        } else {
          const ntau = o.ntau ? num(o.ntau, '--ntau', 'int') : d === 1 ? 20 : 10;
          pts = d === 1 ? rpGrid(1, ntau, num(o.tauMax, '--tau-max', 'positive')) : rpGrid(2, ntau, num(o.tauMax, '--tau-max', 'positive'), 4, 0.5);
        }
        const mass = num(o.mass, '--mass', 'positive'), cutoff = num(o.cutoff, '--cutoff', 'positive');
        const rows = kernels.map((k) => {
          const label = k === 'free' ? `free scalar Λ=${cutoff}` : k === 'free-continuum' ? 'free scalar Λ=∞' : k === 'cauchy' ? `cauchy m=${mass}` : 'gaussian (Cos/Gauss-net GP)';
          return rpTest(label, namedKernel(k, d, { mass, cutoff }), pts);
        });
        if (o.json) { process.stdout.write(JSON.stringify({ d, points: pts, results: rows }) + '\n'); return; }
        process.stdout.write(`reflection positivity, d=${d}, ${pts.length} points with τ>0\n`);
        for (const r of rows) process.stdout.write(rpRow(r) + '\n');
      } catch (e) { fail(e, !!o.json); }
    });

  nn.command('reproduce')
    .description('regenerate reports/nnqft.md and its plots')
    .option('--quick', 'fewer networks and widths (about a minute)')
    .option('--out <dir>', 'report folder', 'reports')
    .option('--workers <w>', 'worker threads', '2')
    .option('--json', 'print the summary as JSON')
    .action(async (o: { quick?: boolean; out: string; workers: string; json?: boolean }) => {
      try {
        const summary = await runReproduction({ quick: !!o.quick, outDir: o.out, workers: num(o.workers, '--workers', 'int'), log: o.json ? () => {} : (s) => process.stderr.write(s + '\n') });
        process.stdout.write(o.json ? JSON.stringify(summary) + '\n' : `wrote ${summary.report}\n`);
      } catch (e) { fail(e, !!o.json); }
    });
}
