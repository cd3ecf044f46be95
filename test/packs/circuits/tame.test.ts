// The four published parameter sets: parameter files, transition matrices byte for byte,
// C_X(n, h) computing R_n (n = 7, 14 exactly; randomised modular check), Prop 2.2 and Prop 3.2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../helpers/paths.js';
import { FAMILIES, formatParamSet, minHalfIntegerDistance, parseParamSet, transposeParams } from '../../../src/packs/circuits/params.js';
import { buildTransitions, formatTransitions, leftDegreeByWeights, parseTransitions, transitionsNnz } from '../../../src/packs/circuits/transitions.js';
import { buildTame, randomCheckTame, tameFormMod, tameSize } from '../../../src/packs/circuits/tame.js';
import { computesDisjointness, disjointnessFormMod, leftDegrees, popcount, randomVectorMod, rightDegrees, size, transpose } from '../../../src/packs/circuits/circuit.js';
import { equivalent } from '../../../src/packs/circuits/gates.js';
import { leftDegreeByWeight } from '../../../src/packs/circuits/sergeev.js';
import { latticePoints, parseLattice } from '../../../src/packs/circuits/lattice.js';
import { createRng } from '../../../src/core/rng.js';

const DATA = join(sharedDir(), 'data', 'circuits', 'ye26');
const STEM: Record<string, string> = { jessica: '01_jessica', sonetto: '02_sonetto', regulus: '03_regulus', 'regulus-t': '03_regulus_transposed' };
const read = (dir: string, name: string): string => readFileSync(join(DATA, dir, `${STEM[name]}.txt`), 'utf8');

test('built-in parameter sets equal the published files; transposes pair up', () => {
  for (const name of Object.keys(STEM)) {
    const text = read('02_circuit_parameters', name);
    assert.equal(formatParamSet(FAMILIES[name]), text, name);
    assert.deepEqual({ ...parseParamSet(text, name) }, FAMILIES[name]);
  }
  const same = (a: typeof FAMILIES.jessica, b: typeof FAMILIES.jessica): boolean => formatParamSet(a) === formatParamSet(b);
  assert.ok(same(transposeParams(FAMILIES.jessica), FAMILIES.jessica));
  assert.ok(same(transposeParams(FAMILIES.sonetto), FAMILIES.sonetto));
  assert.ok(same(transposeParams(FAMILIES.regulus), FAMILIES['regulus-t']));
  assert.ok(same(transposeParams(FAMILIES['regulus-t']), FAMILIES.regulus));
});

test('tilts keep the published distances from half-integers', () => {
  const want: Record<string, number> = { jessica: 1.33e-3, sonetto: 1.71e-2, regulus: 4.70e-3, 'regulus-t': 4.70e-3 };
  for (const [name, d] of Object.entries(want)) assert.ok(Math.abs(minHalfIntegerDistance(FAMILIES[name]) - d) < 0.006 * d, name);
});

test('transition matrices equal the published files byte for byte', () => {
  const nnz: Record<string, number> = { jessica: 13452, sonetto: 6726, regulus: 7383, 'regulus-t': 6772 };
  for (const name of Object.keys(STEM)) {
    const t = buildTransitions(FAMILIES[name]);
    assert.equal(transitionsNnz(t), nnz[name]);
    const text = read('04_transition_matrices', name);
    assert.equal(formatTransitions(t), text, name);
    assert.equal(formatTransitions(parseTransitions(text)), text);
  }
});

test('transition row sums are the block left degrees by weight', () => {
  const x = FAMILIES.regulus;
  const t = buildTransitions(x);
  let h = 0;
  x.mult.forEach((m, bi) => {
    const L = leftDegreeByWeight(7, x.blocks[bi]);
    for (let s = 0; s < m; s++, h++) for (let i = 0; i <= 7; i++) assert.equal(leftDegreeByWeights(t, h, [i]), L[i]);
  });
});

test('lattices regenerated from the step tables equal the published lattice files', () => {
  for (const name of Object.keys(STEM)) assert.deepEqual(latticePoints(name), parseLattice(read('06_lattice_points', name)), name);
});

/** The first and last state of every block run (C_X(7, h) depends on h only through its block). */
function runEnds(x: typeof FAMILIES.jessica): number[] {
  const out: number[] = [];
  let h = 0;
  for (const m of x.mult) { if (m > 0) out.push(h, h + m - 1); h += m; }
  return out;
}

test('C_X(7, h) computes R_7 for every family and every block run', () => {
  for (const x of Object.values(FAMILIES)) {
    for (const h of runEnds(x)) assert.ok(computesDisjointness(buildTame(x, 7, h), 7).ok, `${x.name} h=${h}`);
  }
});

test('C_X(14, h) computes R_14 exactly; Prop 3.2 gives its left degrees; size matches the recursion', () => {
  const cases: [string, number][] = [['jessica', 0], ['regulus', 359]];
  for (const [name, h] of cases) {
    const x = FAMILIES[name];
    const c = buildTame(x, 14, h);
    assert.ok(computesDisjointness(c, 14).ok, name);
    const s = tameSize(x, 14, h);
    assert.equal(size(c), s.nnzA + s.nnzB);
    const t = buildTransitions(x);
    const ld = leftDegrees(c);
    for (let xin = 0; xin < 1 << 14; xin += 37) {
      assert.equal(ld[xin], leftDegreeByWeights(t, h, [popcount(xin >> 7), popcount(xin & 127)]), `${name} x=${xin}`);
    }
  }
});

test('Prop 2.2: C_X(n,h)ᵀ ≅ C_{Xᵀ}(n, H−1−h) at n = 7 (every block run) and n = 14', () => {
  for (const name of ['regulus']) {
    const x = FAMILIES[name];
    const xt = transposeParams(x);
    for (const h of runEnds(x)) assert.ok(equivalent(transpose(buildTame(x, 7, h)), buildTame(xt, 7, x.H - 1 - h)), `${name} h=${h}`);
  }
  const x = FAMILIES.regulus;
  const c = buildTame(x, 14, 150);
  assert.ok(equivalent(transpose(c), buildTame(FAMILIES['regulus-t'], 14, 209)));
  assert.equal(equivalent(transpose(c), buildTame(FAMILIES['regulus-t'], 14, 0)), false);
  // Right degrees of X are left degrees of Xᵀ from the reflected state.
  assert.deepEqual(rightDegrees(c), leftDegrees(buildTame(FAMILIES['regulus-t'], 14, 209)));
});

test('randomised modular check agrees with the exact check and rejects a wrong circuit', () => {
  const x = FAMILIES.sonetto;
  assert.ok(randomCheckTame(x, 14, 3, createRng(11), 2).ok);
  // A parameter set whose recursion is applied to the wrong matrix (n mismatch) must fail:
  const rng = createRng(12);
  const u = randomVectorMod(rng, 7), v = randomVectorMod(rng, 7);
  const ok = tameFormMod(x, 7, 0, u, v);
  assert.equal(ok, disjointnessFormMod(u, v, 7));
  const vPert = v.slice();
  vPert[5] = (vPert[5] + 1) % 2147483647;
  // R_7 restricted: changing v[5] changes uᵀR v by Σ_{S ∩ 5 = ∅} u[S], almost surely nonzero.
  assert.notEqual(tameFormMod(x, 7, 0, u, v), disjointnessFormMod(u, vPert, 7));
});
