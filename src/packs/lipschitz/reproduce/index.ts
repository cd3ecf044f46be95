// `evolab lipschitz reproduce`: reruns the thesis checks and writes SVG plots and results.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { autoMpg } from './automp.js';
import { modeModified, modeToy } from './mode-toy.js';
import { circlesFit } from './circles.js';
import { flower } from './flower.js';
import { moonsStudy } from './moons.js';
import { neemoCheck } from './neemo-check.js';
import { monotoneToy, outlierToy } from './toys.js';

export interface ReproduceOptions {
  quick: boolean;
  outDir: string;
  log: (line: string) => void;
}

export async function runReproduction(o: ReproduceOptions): Promise<Record<string, unknown>> {
  mkdirSync(o.outDir, { recursive: true });
  const svg = (name: string, text: string): void => writeFileSync(join(o.outDir, name), text);
  const q = o.quick;
  const timed = async <T>(name: string, f: () => T | Promise<T>): Promise<T & { seconds: number }> => {
    const t0 = Date.now();
    const r = await f();
    const seconds = (Date.now() - t0) / 1000;
    o.log(`${name}: ${JSON.stringify(r)} (${seconds.toFixed(1)} s)`);
    return Object.assign(r as object, { seconds }) as T & { seconds: number };
  };
  const results: Record<string, unknown> = { quick: q };
  results.outlier = await timed('outlier toy (Eq. 2.10)', () => outlierToy(q ? 2 : 10, q ? 1000 : 4000, svg));
  results.monotone = await timed('monotone toy (Eq. 2.11)', () => monotoneToy(q ? 1 : 4, q ? 2 : 8, q ? 1000 : 4000, svg));
  results.flower = await timed('flower boundary (Eq. 2.12)', () => flower(q ? 100 : 1500));
  results.moons = await timed('two moons, objectives (Fig. 2.7)', () => ({ rows: moonsStudy(q ? 200 : 1000) }));
  results.autoMpg = await timed('AutoMPG', () => autoMpg(q ? 2 : 5, q ? 100 : 300));
  results.neemo = await timed('NEEMo vs exact EMD', async () => ({ cases: await neemoCheck(q ? 300 : 600, svg) }));
  results.circles = await timed('NEEMo circle fit (Fig. 4.1)', () => circlesFit(q ? 60 : 300, svg));
  results.mode = await timed('MoDe simple model', () => ({ rows: modeToy(q ? 6000 : 20000, q ? 10 : 40, q ? [300] : [300, 3000], svg) }));
  results.modeModified = await timed('MoDe modified model', () => ({ rows: modeModified(q ? 6000 : 20000, q ? 10 : 40, 300, svg) }));
  writeFileSync(join(o.outDir, q ? 'results-quick.json' : 'results.json'), JSON.stringify(results, null, 2) + '\n');
  return results;
}
