// `evolab superposition uand|circuit|reproduce`: U-AND error measurement, deep-circuit emulation, reproduction report.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { measureParallel } from '../../packs/superposition/parallel.js';
import { summarizeResult } from '../../packs/superposition/measure.js';
import { defaultDensityConstant } from '../../packs/superposition/uand-sparse.js';
import { readoffScale } from '../../packs/superposition/uand-random.js';
import { CONSTRUCTIONS, type ConstructionName, type ModelSpec } from '../../packs/superposition/spec.js';
import { CircuitError, maxSparsity, simulate, validateCircuit } from '../../packs/superposition/circuit.js';
import { buildDeepEmulator, runDeep, type DepthMode } from '../../packs/superposition/deep.js';
import { objStream, sampleSparse } from '../../packs/superposition/sampling.js';

class UsageError extends Error {}

function intOpt(name: string, v: unknown, min: number, fallback?: number): number {
  if (v === undefined && fallback !== undefined) return fallback;
  const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`option --${name} expects an integer >= ${min}, got ${JSON.stringify(v ?? null)}`);
  return n;
}

function numOpt(name: string, v: unknown, fallback?: number): number | undefined {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (typeof v !== 'string' || v.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`option --${name} expects a positive number, got ${JSON.stringify(v)}`);
  return n;
}

async function guarded(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`evolab superposition: ${msg}\n`);
    process.exitCode = e instanceof UsageError ? 2 : 1;
  }
}

const r4 = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : x);

export function register(program: Command): void {
  const sp = program.command('superposition').description('ReLU networks computing boolean circuits in superposition (Hänni et al.)');

  sp.command('uand')
    .description('measure the ε-linear error of a U-AND construction per case (00, 01, 11)')
    .requiredOption('--m <M>', 'number of features')
    .requiredOption('--d <D>', 'number of neurons (and input dimension for superposed inputs)')
    .requiredOption('--s <S>', 'active features per input (exact)')
    .requiredOption('--construction <name>', `one of ${CONSTRUCTIONS.join(', ')}`)
    .option('--inputs <K>', 'sampled inputs', '200')
    .option('--seed <X>', 'construction seed', '1')
    .option('--input-seed <X>', 'seed of the sampled inputs', '12345')
    .option('--c <c>', 'density constant p = c/√d (sparse/superposed)')
    .option('--pairs00 <N>', 'random (inactive, inactive) pairs per input', '200')
    .option('--pairs01 <N>', "(active, inactive) pairs per input, or 'all'", 'all')
    .option('--workers <W>', 'worker threads', '2')
    .option('--json', 'print one JSON object')
    .action((o) => guarded(async () => {
      const construction = o.construction as ConstructionName;
      if (!(CONSTRUCTIONS as readonly string[]).includes(construction)) throw new UsageError(`option --construction expects one of ${CONSTRUCTIONS.join('|')}, got ${JSON.stringify(o.construction)}`);
      const m = intOpt('m', o.m, 4), d = intOpt('d', o.d, 1), s = intOpt('s', o.s, 2);
      if (s > m - 2) throw new UsageError(`option --s must be at most m − 2 = ${m - 2}, got ${s}`);
      const inputs = intOpt('inputs', o.inputs, 1);
      const pairs01 = o.pairs01 === 'all' ? 'all' as const : intOpt('pairs01', o.pairs01, 0);
      const spec = { construction, m, d, s, seed: o.seed as string, c: numOpt('c', o.c) } as ModelSpec;
      const t0 = Date.now();
      const res = summarizeResult(await measureParallel({ spec, opts: { s, inputs, inputSeed: o.inputSeed as string, pairs00: intOpt('pairs00', o.pairs00, 0), pairs01, risk00: 50 } }, intOpt('workers', o.workers, 1)));
      const params: Record<string, unknown> = { m, d, s, inputs, seed: String(o.seed), inputSeed: String(o.inputSeed) };
      if (construction === 'sparse' || construction === 'superposed') {
        const c = (spec as { c?: number }).c ?? defaultDensityConstant(m);
        Object.assign(params, { c, p: Math.min(1, c / Math.sqrt(d)), bias: -1, neurons: d, d0: construction === 'superposed' ? d : m });
      } else {
        Object.assign(params, { eta: readoffScale(d, s), delta: 1, neurons: d, d0: construction === 'random-superposed' ? d : m });
      }
      const pick = (k: '00' | '01' | '11' | '00risk') => {
        const c = res.cases[k];
        return { n: c.n, max: r4(c.max), mean: r4(c.mean), std: r4(c.std), q99: r4(c.q99), q99CI: c.q99CI.map(r4), q999: r4(c.q999), signErrorRate: c.signErrorRate, negatives: c.negatives };
      };
      const out = { construction, params, cases: { '00': pick('00'), '01': pick('01'), '11': pick('11') }, atRisk00: pick('00risk'), emptyReads: res.emptyReads, seconds: (Date.now() - t0) / 1000 };
      if (o.json) { process.stdout.write(JSON.stringify(out) + '\n'); return; }
      process.stdout.write(`U-AND ${construction}: m=${m} d=${d} s=${s}, ${inputs} inputs, ${out.seconds.toFixed(1)} s\n`);
      process.stdout.write('case      n          max     mean     std      q99      signErr\n');
      for (const [k, c] of Object.entries({ ...out.cases, '00risk': out.atRisk00 })) {
        process.stdout.write(`${k.padEnd(8)} ${String(c.n).padEnd(10)} ${c.max.toFixed(4).padStart(7)} ${c.mean.toFixed(4).padStart(8)} ${c.std.toFixed(4).padStart(7)} ${c.q99.toFixed(4).padStart(8)} ${c.signErrorRate.toExponential(2).padStart(10)}\n`);
      }
      if (out.emptyReads) process.stdout.write(`empty read-off supports: ${out.emptyReads}\n`);
    }));

  sp.command('circuit <circuit>')
    .description('emulate a circuit (JSON file) with alternating AND and error-correction layers; per-layer errors')
    .requiredOption('--d <D>', 'width of each layer')
    .option('--depth-mode <mode>', 'ec (with error correction) or plain (ablation)', 'ec')
    .option('--s <S>', 'active inputs per sampled input', '3')
    .option('--inputs <K>', 'sampled s-sparse inputs', '20')
    .option('--seed <X>', 'construction seed', '1')
    .option('--json', 'print one JSON object')
    .action((file: string, o) => guarded(async () => {
      const d = intOpt('d', o.d, 1), s = intOpt('s', o.s, 1), inputs = intOpt('inputs', o.inputs, 1);
      if (o.depthMode !== 'ec' && o.depthMode !== 'plain') throw new UsageError(`option --depth-mode expects ec|plain, got ${JSON.stringify(o.depthMode)}`);
      let json: unknown;
      try { json = JSON.parse(readFileSync(file, 'utf8')); } catch (e) { throw new Error(`cannot read circuit file ${file}: ${(e as Error).message}`); }
      let circuit;
      try { circuit = validateCircuit(json); } catch (e) { if (e instanceof CircuitError) throw new Error(`${file}: ${e.message}`); throw e; }
      if (s > circuit.inputs) throw new UsageError(`option --s must be at most the number of inputs (${circuit.inputs}), got ${s}`);
      const E = buildDeepEmulator(circuit, { d, s, seed: o.seed as string, mode: o.depthMode as DepthMode });
      const L = circuit.layers.length + 1;
      const agg = Array.from({ length: L }, (_, l) => ({ layer: l, maxErr: 0, meanAbsErr: 0, signErrors: 0, andMaxErr: l ? 0 : NaN, collisions: 0 }));
      let used = 0, skipped = 0;
      for (let t = 0; t < inputs; t++) {
        const bits = new Uint8Array(circuit.inputs);
        for (const k of sampleSparse(objStream(o.seed as string, 'circuit-input', t), circuit.inputs, s)) bits[k] = 1;
        if (maxSparsity(simulate(circuit, bits)) > s) { skipped++; continue; }
        used++;
        runDeep(E, bits).forEach((e, l) => {
          const a = agg[l];
          a.maxErr = Math.max(a.maxErr, e.maxErr); a.meanAbsErr += e.meanAbsErr; a.signErrors += e.signErrors; a.collisions += e.collisions;
          if (l) a.andMaxErr = Math.max(a.andMaxErr, Number.isNaN(e.andMaxErr) ? 0 : e.andMaxErr);
        });
      }
      for (const a of agg) a.meanAbsErr = used ? a.meanAbsErr / used : NaN;
      const out = { d, s, mode: o.depthMode, inputs: used, skippedNotSparse: skipped, hiddenWidthPerLayer: E.hiddenWidth, layers: agg.map((a) => ({ ...a, maxErr: r4(a.maxErr), meanAbsErr: r4(a.meanAbsErr), andMaxErr: r4(a.andMaxErr) })) };
      if (o.json) { process.stdout.write(JSON.stringify(out) + '\n'); return; }
      process.stdout.write(`circuit ${file}: depth ${L - 1}, d=${d}, mode=${o.depthMode}, ${used} inputs (${skipped} skipped: not ${s}-sparse)\nlayer  maxErr  meanAbsErr  signErrors  andMaxErr\n`);
      for (const a of out.layers) process.stdout.write(`${String(a.layer).padEnd(6)} ${a.maxErr.toFixed(4)}  ${a.meanAbsErr.toFixed(5)}     ${String(a.signErrors).padEnd(10)}  ${Number.isNaN(a.andMaxErr) ? '-' : a.andMaxErr.toFixed(4)}\n`);
    }));

  sp.command('reproduce [experiments]')
    .description('run experiments E1–E20 (comma-separated list; default all) and regenerate reports/superposition.md')
    .option('--quick', 'smaller sizes (minutes in total)')
    .option('--out <dir>', 'report directory', 'reports')
    .action((list: string | undefined, o) => guarded(async () => {
      const { EXPERIMENT_IDS, runReproduction } = await import('../../packs/superposition/reproduce/index.js');
      const ids = list ? list.split(',').map((x) => x.trim().toUpperCase()).filter(Boolean) : [...EXPERIMENT_IDS];
      for (const id of ids) if (!EXPERIMENT_IDS.includes(id)) throw new UsageError(`experiment list expects ids among ${EXPERIMENT_IDS.join(',')}, got ${JSON.stringify(id)}`);
      await runReproduction(ids, { quick: Boolean(o.quick), outDir: o.out as string, log: (s: string) => process.stderr.write(s + '\n') });
    }));
}
