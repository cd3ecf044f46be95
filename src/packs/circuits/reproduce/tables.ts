// Reproduces the numbers of reports/circuits.md: the size-bound table from the α-volume DP, Monte
// Carlo Lyapunov exponents with confidence intervals, and GA05 optima at the reference points.
// Run: npx tsx src/packs/circuits/reproduce/tables.ts [--steps 20000] [--runs 4]
import { sergeevExponent } from '../sergeev.js';
import { FAMILIES } from '../params.js';
import { buildTransitions } from '../transitions.js';
import { lyapunovMC } from '../lyapunov.js';
import { binomialEntropy, primalPoint, solveGa05 } from '../ga05.js';

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const steps = arg('--steps', 20000);
const runs = arg('--runs', 4);
const h = (p: number): number => -p * Math.log2(p) - (1 - p) * Math.log2(1 - p);

console.log('## Size bounds (log2 of the base)\n\n| bound | exponent | source | ms |\n|---|---|---|---|');
console.log(`| sqrt(6) | ${(Math.log2(6) / 2).toFixed(7)} | Yates (trivial) | 0 |`);
const names: Record<number, string> = { 1: 'Jukna–Sergeev 1+√2', 2: 'order 2', 3: 'AGP23 (order 3)', 7: 'order 7', 15: 'Sergeev 2022 (order 15)', 18: 'order 18, no imbalance condition' };
for (const k of [1, 2, 3, 7, 15, 18]) {
  const t0 = Date.now();
  const r = sergeevExponent(k);
  console.log(`| ${names[k]} | ${r.exponent.toFixed(7)} | α-volume DP, k = ${k}, α* = ${r.alpha.toFixed(4)}, c* = ${r.c} | ${Date.now() - t0} |`);
}

console.log(`\n## Monte Carlo λ/7 (${runs} runs × ${steps} steps, 95% t-intervals)\n\n| family | p | λ/7 | ± (95%) | ms |\n|---|---|---|---|---|`);
const mcPoints: [string, number][] = [['jessica', 0.3713], ['sonetto', 0.3195], ['regulus', 0.2775], ['regulus-t', 0.3525]];
for (const [name, p] of mcPoints) {
  const t0 = Date.now();
  const r = lyapunovMC(buildTransitions(FAMILIES[name]), p, { steps, runs, seed: 'report' });
  console.log(`| ${name} | ${p} | ${r.perBit.toFixed(5)} | ${((r.hi - r.lo) / 2).toFixed(5)} | ${Date.now() - t0} |`);
}

console.log('\n## GA05 optima (spectral form; dual value, primal value of the Perron measure)\n\n| family | p | Φ* | ℓ = (Φ*−E₇)/7 | ℓ + h | primal Ψ | marginal error | ms |\n|---|---|---|---|---|---|---|---|');
for (const [name, p] of [['jessica', 0.3713], ['sonetto', 0.3195], ['regulus', 0.2775]] as [string, number][]) {
  const t0 = Date.now();
  const t = buildTransitions(FAMILIES[name]);
  const s = solveGa05(t, p);
  const ell = (s.phi - binomialEntropy(7, p)) / 7;
  const pr = primalPoint(t, p, s.a);
  console.log(`| ${name} | ${p} | ${s.phi.toFixed(7)} | ${ell.toFixed(7)} | ${(ell + h(p)).toFixed(7)} | ${pr.psi.toFixed(7)} | ${pr.marginalError.toExponential(1)} | ${Date.now() - t0} |`);
}
