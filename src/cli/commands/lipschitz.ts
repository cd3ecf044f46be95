// `evolab lipschitz train|certify|predict|reproduce` and `evolab neemo`.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { action, printJson, UsageError } from '../errors.js';
import { certifiedBound, checkMonotone } from '../../packs/lipschitz/certify.js';
import { emd1d, emdLP, pointSet } from '../../packs/lipschitz/emd.js';
import { fitRows } from '../../packs/lipschitz/fit.js';
import type { SavedModel } from '../../packs/lipschitz/model.js';
import { predict, validateModel } from '../../packs/lipschitz/model.js';
import { neemo } from '../../packs/lipschitz/neemo.js';
import type { NormChoice } from '../../packs/lipschitz/network.js';
import { isNormKind } from '../../packs/lipschitz/norms.js';
import { runReproduction } from '../../packs/lipschitz/reproduce/index.js';
import { numericColumns, readCsvFile, selectRows } from '../../packs/lipschitz/table.js';

function num(name: string, v: string | undefined, fallback: number, check: (x: number) => boolean, form: string): number {
  if (v === undefined) return fallback;
  const x = Number(v);
  if (!Number.isFinite(x) || !check(x)) throw new UsageError(`${name} must be ${form}, got "${v}"`);
  return x;
}
const posInt = (x: number): boolean => Number.isInteger(x) && x > 0;

function readTable(path: string) {
  try {
    return readCsvFile(path);
  } catch (e) {
    throw new UsageError(`--data: cannot read "${path}" as CSV with a header row (${(e as Error).message})`);
  }
}

function loadModel(path: string): SavedModel {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`model: cannot read "${path}" as JSON (${(e as Error).message})`);
  }
  try {
    return validateModel(parsed);
  } catch (e) {
    throw new UsageError(`model "${path}": ${(e as Error).message}`);
  }
}

interface TrainOpts {
  data: string; target: string; monotone?: string; lipschitz: string; norm: string; epochs?: string; seed?: string;
  out?: string; json?: boolean; task: string; hidden?: string; groupSize?: string; lr?: string; batchSize?: string; inputs?: string;
}

function train(o: TrainOpts): void {
  const lambda = num('--lipschitz', o.lipschitz, NaN, (x) => x > 0, 'a positive number');
  if (o.norm !== 'none' && !isNormKind(o.norm)) throw new UsageError(`--norm must be one of one, inf, one-inf, two-inf, none; got "${o.norm}"`);
  const epochs = num('--epochs', o.epochs, 200, posInt, 'a positive integer');
  const seed = num('--seed', o.seed, 1, Number.isInteger, 'an integer');
  const groupSize = num('--group-size', o.groupSize, 2, posInt, 'a positive integer');
  const lr = num('--lr', o.lr, 3e-3, (x) => x > 0, 'a positive number');
  const batchSize = num('--batch-size', o.batchSize, 32, posInt, 'a positive integer');
  const hidden = (o.hidden ?? '32,32').split(',').map((s) => Number(s));
  if (hidden.some((h) => !posInt(h) || h % groupSize !== 0)) throw new UsageError(`--hidden must be comma-separated widths divisible by the group size ${groupSize}, got "${o.hidden}"`);
  const table = readTable(o.data);
  if (!table.columns.includes(o.target)) throw new UsageError(`--target: column "${o.target}" not in ${o.data} (columns: ${table.columns.join(', ')})`);
  const inputs = o.inputs ? o.inputs.split(',').map((s) => s.trim()) : numericColumns(table).filter((c) => c !== o.target);
  for (const c of inputs) if (!table.columns.includes(c) || c === o.target) throw new UsageError(`--inputs: "${c}" is not a feature column of ${o.data}`);
  if (inputs.length === 0) throw new UsageError(`${o.data} has no numeric feature columns besides the target`);
  const monotone = new Array(inputs.length).fill(0);
  for (const spec of (o.monotone ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const name = spec.replace(/^[-+]/, '');
    const j = inputs.indexOf(name);
    if (j < 0) throw new UsageError(`--monotone: "${name}" is not an input column (inputs: ${inputs.join(', ')}); write -COL for decreasing`);
    monotone[j] = spec.startsWith('-') ? -1 : 1;
  }
  const { rows, dropped } = selectRows(table, [o.target, ...inputs]);
  const y = rows.map((r) => r[0]), x = rows.map((r) => r.slice(1));
  let task = o.task;
  if (task === 'auto') task = y.every((v) => v === 0 || v === 1) ? 'classification' : 'regression';
  if (task !== 'regression' && task !== 'classification') throw new UsageError(`--task must be auto, regression or classification; got "${o.task}"`);
  if (rows.length < 2) throw new UsageError(`${o.data}: fewer than two complete rows`);
  const fit = fitRows(x, y, inputs, { task, lambda, norm: o.norm as NormChoice, monotone, epochs, seed, hidden, groupSize, lr, batchSize });
  const pred = predict(fit.model, x);
  const metric = task === 'regression'
    ? { trainMse: pred.reduce((s, p, i) => s + (p - y[i]) ** 2, 0) / y.length }
    : { trainAccuracy: pred.reduce((s, p, i) => s + ((p >= 0.5 ? 1 : 0) === y[i] ? 1 : 0), 0) / y.length };
  if (o.out) writeFileSync(o.out, JSON.stringify(fit.model) + '\n');
  const b = certifiedBound(fit.model);
  const summary = {
    out: o.out ?? null, task, inputs, monotone: inputs.filter((_, j) => monotone[j] !== 0).map((c) => (monotone[inputs.indexOf(c)] < 0 ? '-' : '') + c),
    rows: rows.length, droppedRows: dropped, parameters: fit.parameters, epochs, finalLoss: fit.history[fit.history.length - 1],
    ...metric, lipschitzBound: b.bound, norm: o.norm, monotoneCertified: b.monotoneCertified,
  };
  if (o.json) printJson(summary);
  else {
    process.stdout.write(`trained ${task} model on ${rows.length} rows (${dropped} dropped), ${fit.parameters} parameters\n`);
    process.stdout.write(`${Object.entries(metric).map(([k, v]) => `${k} ${v.toFixed(4)}`).join(', ')}; certified Lipschitz bound ${b.bound.toFixed(6)} (${o.norm})\n`);
    if (o.out) process.stdout.write(`model written to ${o.out}\n`);
  }
}

function certify(file: string, o: { json?: boolean; points?: string }): void {
  const m = loadModel(file);
  const points = num('--points', o.points, 500, posInt, 'a positive integer');
  const b = certifiedBound(m);
  const mono = checkMonotone(m, { points });
  const out = {
    lipschitzBound: b.bound, norm: m.norm, p: b.p === Infinity ? 'inf' : b.p, gBound: b.gBound, lambda: m.lambda,
    monotoneCertified: b.monotoneCertified, lipschitzBoundRawUnits: b.boundRawUnits, monotone: mono,
  };
  if (o.json) printJson(out);
  else {
    process.stdout.write(`certified Lipschitz bound ${b.bound} in the ${out.p}-norm of standardised inputs (network part ${b.gBound} ≤ λ = ${m.lambda}: ${b.monotoneCertified})\n`);
    process.stdout.write(`monotone in ${mono.inputs.join(', ') || '(none)'}: ${mono.checked} checks, ${mono.violations} violations\n`);
  }
}

function predictCmd(file: string, o: { data: string; json?: boolean }): void {
  const m = loadModel(file);
  const t = readTable(o.data);
  const missing = m.inputs.filter((c) => !t.columns.includes(c));
  if (missing.length) throw new UsageError(`--data: ${o.data} lacks the model's input columns ${missing.join(', ')}`);
  const idx = m.inputs.map((c) => t.columns.indexOf(c));
  const rows = t.rows.map((r, i) => idx.map((j) => {
    if (!Number.isFinite(r[j])) throw new UsageError(`--data: row ${i + 2}, column "${t.columns[j]}" is not a number`);
    return r[j];
  }));
  const predictions = predict(m, rows);
  if (o.json) printJson({ predictions });
  else process.stdout.write(predictions.map((p) => String(p)).join('\n') + '\n');
}

function readPoints(flag: string, path: string) {
  const t = (() => { try { return readCsvFile(path); } catch (e) { throw new UsageError(`${flag}: cannot read "${path}" as CSV (${(e as Error).message})`); } })();
  const wj = t.columns.indexOf('weight');
  const cols = t.columns.filter((c) => c !== 'weight');
  const { rows } = selectRows(t, t.columns);
  if (rows.length !== t.rows.length) throw new UsageError(`${flag}: every cell of "${path}" must be a number`);
  if (cols.length === 0) throw new UsageError(`${flag}: "${path}" has no coordinate columns`);
  const coords = rows.map((r) => r.filter((_, j) => j !== wj));
  return pointSet(coords, wj >= 0 ? rows.map((r) => r[wj]) : undefined);
}

async function neemoCmd(o: { a: string; b: string; json?: boolean; steps?: string; seed?: string; lr?: string }): Promise<void> {
  const a = readPoints('--a', o.a), b = readPoints('--b', o.b);
  if (a.d !== b.d) throw new UsageError(`--a has ${a.d} coordinates per point but --b has ${b.d}`);
  const steps = num('--steps', o.steps, 500, posInt, 'a positive integer');
  const seed = num('--seed', o.seed, 1, Number.isInteger, 'an integer');
  const lr = num('--lr', o.lr, 0.01, (x) => x > 0, 'a positive number');
  const res = neemo(a, b, { steps, seed, lr });
  let exact: number | null = null, method = 'none';
  if (a.d === 1) { exact = emd1d(a, b); method = '1-D closed form'; }
  else if (a.n * b.n <= 40_000) { exact = await emdLP(a, b); method = 'transport LP (HiGHS)'; }
  const out = {
    estimate: res.estimate, exact, exactMethod: method, relativeGap: exact ? (exact - res.estimate) / exact : null,
    lipschitzBound: res.lipschitzBound, dimension: a.d, pointsA: a.n, pointsB: b.n, steps,
  };
  if (o.json) printJson(out);
  else process.stdout.write(`NEEMo estimate ${res.estimate.toFixed(6)}` + (exact !== null ? `, exact EMD ${exact.toFixed(6)} (${method})` : ' (sets too large for the exact LP)') + '\n');
}

/** Commander errors (unknown option, missing value) become usage errors with exit code 2. */
function usageExits(cmd: Command): Command {
  return cmd.exitOverride((err) => {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') process.exit(0);
    process.exit(2);
  });
}

export function register(program: Command): void {
  const lip = usageExits(program.command('lipschitz').description('monotonic Lipschitz networks: train, certify, predict, reproduce'));
  usageExits(lip.command('train').description('train a monotonic Lipschitz network on a CSV file')
    .requiredOption('--data <file.csv>', 'CSV with a header row')
    .requiredOption('--target <col>', 'target column (0/1 → classification, otherwise regression)')
    .option('--monotone <cols>', 'comma-separated monotone inputs; prefix - for decreasing (use --monotone=-COL)')
    .requiredOption('--lipschitz <L>', 'Lipschitz budget λ (standardised inputs and target)')
    .option('--norm <kind>', 'one | inf | one-inf | two-inf | none', 'one')
    .option('--epochs <E>', 'training epochs (default 200)')
    .option('--seed <S>', 'seed for initialisation and batch order (default 1)')
    .option('--out <model.json>', 'where to write the model')
    .option('--task <task>', 'auto | regression | classification', 'auto')
    .option('--inputs <cols>', 'input columns (default: every numeric column except the target)')
    .option('--hidden <widths>', 'hidden widths, e.g. 32,32 (default)')
    .option('--group-size <k>', 'GroupSort group size (default 2)')
    .option('--lr <rate>', 'Adam learning rate (default 0.003)')
    .option('--batch-size <n>', 'mini-batch size (default 32)')
    .option('--json', 'print one JSON object'))
    .action(action((o: TrainOpts) => train(o)));
  usageExits(lip.command('certify').description('certified Lipschitz bound and monotonicity check of a saved model')
    .argument('<model.json>')
    .option('--points <n>', 'random base points per monotone input (default 500)')
    .option('--json', 'print one JSON object'))
    .action(action((file: string, o: { json?: boolean; points?: string }) => certify(file, o)));
  usageExits(lip.command('predict').description('predictions of a saved model for the rows of a CSV file')
    .argument('<model.json>')
    .requiredOption('--data <file.csv>', 'CSV holding the model\'s input columns')
    .option('--json', 'print one JSON object'))
    .action(action((file: string, o: { data: string; json?: boolean }) => predictCmd(file, o)));
  usageExits(lip.command('reproduce').description('rerun the thesis reproductions and write reports/lipschitz/')
    .option('--quick', 'smaller runs (about a minute)')
    .option('--out-dir <dir>', 'output folder', 'reports/lipschitz')
    .option('--json', 'print one JSON object'))
    .action(action(async (o: { quick?: boolean; outDir: string; json?: boolean }) => {
      const res = await runReproduction({ quick: o.quick === true, outDir: o.outDir, log: o.json ? () => {} : (s) => process.stdout.write(s + '\n') });
      if (o.json) printJson(res);
    }));
  usageExits(program.command('neemo').description('Energy Mover\'s Distance between two point sets by NEEMo, with the exact value when feasible')
    .requiredOption('--a <file.csv>', 'points of the first set (numeric columns; optional "weight" column)')
    .requiredOption('--b <file.csv>', 'points of the second set')
    .option('--steps <n>', 'optimisation steps (default 500)')
    .option('--lr <rate>', 'Adam learning rate (default 0.01)')
    .option('--seed <S>', 'seed (default 1)')
    .option('--json', 'print one JSON object'))
    .action(action((o: { a: string; b: string; json?: boolean; steps?: string; seed?: string; lr?: string }) => neemoCmd(o)));
}
