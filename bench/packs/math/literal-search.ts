// Smoke check that each math problem's initial program can be improved by perturbing the numeric
// literals of its EVOLVE-BLOCK (no language model): a (1+1) search that changes one or two
// parameters by ×(1 + 0.2·N(0,1)) (or +0.1·N(0,1) when zero) and keeps strict improvements.
// Run: npx tsx bench/packs/math/literal-search.ts [steps=20] [seed=7]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { problems } from '../../../src/packs/math/problems/index.js';
import { parseProgram, renderProgram } from '../../../src/engine/blocks.js';
import { findParameters, substitute } from '../../../src/engine/mutators/parameters.js';
import { createRng } from '../../../src/core/rng.js';

const steps = Number(process.argv[2] ?? 20);
const rng = createRng(Number(process.argv[3] ?? 7));
const dir = mkdtempSync(join(tmpdir(), 'evolab-literals-'));
let counter = 0;

async function runSource(source: string): Promise<unknown> {
  const file = join(dir, `p${counter++}.mjs`);
  writeFileSync(file, source);
  const mod = await import(pathToFileURL(file).href);
  return mod.run(null);
}

console.log(`| problem | direction | initial | after ${steps} literal steps | rejected children |`);
console.log('|---|---|---|---|---|');
for (const p of problems) {
  if (p.id.startsWith('matmul_') || p.id.includes('laguerre') || p.id.startsWith('circle_')) continue;
  const dir1 = p.metrics[0].direction === 'max' ? 1 : -1;
  const score = async (src: string): Promise<number> => {
    try {
      const v = p.verify(await runSource(src), null);
      return v.valid ? v.metrics[p.primaryMetric] : NaN;
    } catch {
      return NaN;
    }
  };
  let src = p.initialProgram;
  const start = await score(src);
  let best = start;
  let rejected = 0;
  for (let t = 0; t < steps; t++) {
    const prog = parseProgram(src);
    const params = findParameters(prog.blocks[0]);
    const changes = Array.from({ length: 1 + rng.int(2) }, () => {
      const param = params[rng.int(params.length)];
      return { param, value: param.value === 0 ? 0.1 * rng.normal() : param.value * (1 + 0.2 * rng.normal()) };
    });
    prog.blocks[0] = substitute(prog.blocks[0], changes);
    const cand = renderProgram(prog);
    const s = await score(cand);
    if (Number.isNaN(s)) rejected++;
    else if (dir1 * (s - best) > 0) {
      best = s;
      src = cand;
    }
  }
  console.log(`| ${p.id} | ${p.metrics[0].direction} | ${start.toPrecision(8)} | ${best.toPrecision(8)} | ${rejected} |`);
}
rmSync(dir, { recursive: true, force: true });
