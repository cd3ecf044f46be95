// Runs the reproduction experiments E1–E20 and (re)writes reports/superposition.md from all stored results.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Experiment, ExperimentResult, RunContext } from './types.js';
import { e1, e2, e7 } from './exp-c1.js';
import { e3, e4, e5, e6 } from './exp-c2c3.js';
import { e9, e10, e11 } from './exp-ec.js';
import { e8, e12, e13 } from './exp-deep.js';
import { e14, e15, e16, e17, e18, e19, e20 } from './exp-misc.js';
import { writeReport } from './report.js';

export const EXPERIMENTS: Record<string, Experiment> = { E1: e1, E2: e2, E3: e3, E4: e4, E5: e5, E6: e6, E7: e7, E8: e8, E9: e9, E10: e10, E11: e11, E12: e12, E13: e13, E14: e14, E15: e15, E16: e16, E17: e17, E18: e18, E19: e19, E20: e20 };
export const EXPERIMENT_IDS = Object.keys(EXPERIMENTS);

export interface ReproduceOptions { quick: boolean; outDir: string; log: (s: string) => void; workers?: number }

export async function runReproduction(ids: string[], opts: ReproduceOptions): Promise<ExperimentResult[]> {
  const dir = join(opts.outDir, 'superposition');
  const resDir = join(dir, 'results');
  mkdirSync(resDir, { recursive: true });
  const ctx: RunContext = { quick: opts.quick, log: opts.log, workers: opts.workers ?? 2 };
  const done: ExperimentResult[] = [];
  for (const id of ids) {
    const exp = EXPERIMENTS[id];
    if (!exp) throw new RangeError(`unknown experiment ${id}; expected one of ${EXPERIMENT_IDS.join(', ')}`);
    opts.log(`${id}: running${opts.quick ? ' (quick)' : ''}`);
    const t0 = Date.now();
    const r = await exp(ctx);
    const res: ExperimentResult = { id, ...r, quick: opts.quick, seconds: (Date.now() - t0) / 1000, date: new Date().toISOString().slice(0, 10) };
    for (const [name, svg] of Object.entries(res.plots)) writeFileSync(join(dir, name), svg);
    writeFileSync(join(resDir, `${id}.json`), JSON.stringify({ ...res, plots: Object.keys(res.plots) }, null, 1));
    opts.log(`${id}: ${res.verdict} (${res.seconds.toFixed(1)} s)`);
    done.push(res);
  }
  const all: ExperimentResult[] = [];
  for (const id of EXPERIMENT_IDS) {
    const f = join(resDir, `${id}.json`);
    if (existsSync(f)) all.push(JSON.parse(readFileSync(f, 'utf8')) as ExperimentResult);
  }
  writeFileSync(join(opts.outDir, 'superposition.md'), writeReport(all, EXPERIMENT_IDS));
  return done;
}
