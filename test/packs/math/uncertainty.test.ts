import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyHermite, verifyLaguerre } from '../../../src/packs/math/verify/uncertainty.js';
import { largestSignChangeRoot } from '../../../src/packs/math/exact/roots.js';
import { toDouble } from '../../../src/packs/math/exact/rational.js';
import { loadPublished } from './published-data.js';

function mul(a: bigint[], b: bigint[]): bigint[] {
  const o = new Array<bigint>(a.length + b.length - 1).fill(0n);
  a.forEach((x, i) => b.forEach((y, j) => (o[i + j] += x * y)));
  return o;
}
const lin = (r: bigint) => [-r, 1n];

test('largest sign change: skips even-multiplicity roots and reports none for x² + 1', () => {
  const p = mul(mul(lin(1n), lin(5n)), lin(5n)); // (x−1)(x−5)²
  const r = largestSignChangeRoot(p)!;
  assert.equal(toDouble(r.lo), 1);
  const q = mul(mul(lin(2n), lin(3n)), [1n, 0n, 1n]); // (x−2)(x−3)(x²+1)
  const s = largestSignChangeRoot(q)!;
  assert.ok(Math.abs(toDouble(s.hi) - 3) < 1e-20 * 3 + 1e-26);
  assert.equal(largestSignChangeRoot([1n, 0n, 1n]), null);
  // 2x − 1 changes sign at the non-integer point 1/2.
  assert.equal(toDouble(largestSignChangeRoot([-1n, 2n])!.lo), 0.5);
});

test('Hermite: the Gonçalves et al. (2017) coefficients give 0.35229556248234006', () => {
  const r = verifyHermite({ coefficients: [-113 / 100, 1 / 25, 1 / 3240] });
  assert.equal(r.valid, true, r.reason);
  assert.ok(Math.abs(r.value! - 0.35229556248234006) <= 1e-12 * 0.3523, String(r.value));
});

test('Hermite: scaling or negating all coefficients leaves the bound unchanged; changing one does not', () => {
  const c = loadPublished('uncertainty_inequality_hermite').construction.coefficients as number[];
  const base = verifyHermite({ coefficients: c }).value!;
  assert.equal(verifyHermite({ coefficients: c.map((x) => -x) }).value, base);
  assert.equal(verifyHermite({ coefficients: c.map((x) => 2 * x) }).value, base);
  const moved = c.slice();
  moved[1] *= 1.01;
  assert.notEqual(verifyHermite({ coefficients: moved }).value, base);
  assert.match(verifyHermite({ coefficients: [0, 0, 0] }).reason!, /identically zero/);
  assert.match(verifyHermite({ coefficients: [1, NaN, 0] }).reason!, /coefficients\[1\]/);
});

test('Laguerre: field checks name the field', () => {
  const c = { dimension: 1 };
  assert.match(verifyLaguerre({ ...c, double_roots: [1, -2] }).reason!, /double_roots\[1\]: must be positive/);
  assert.match(verifyLaguerre({ ...c, num_double_roots: 3, double_roots: [1, 2] }).reason!, /num_double_roots/);
  assert.match(verifyLaguerre({ ...c, double_roots: [2, 2] }).reason!, /double_roots\[1\]: repeats/);
  assert.match(verifyLaguerre({ ...c, dimension: 0 }).reason!, /dimension/);
  assert.match(verifyLaguerre({ ...c, double_roots: [1, Infinity] }).reason!, /double_roots\[1\]/);
});

test('Laguerre: moving one double root changes the bound', () => {
  // Three roots keep this check fast; the full 12-root construction is covered by the published test.
  const a = verifyLaguerre({ dimension: 1, double_roots: [4, 10, 20] });
  const b = verifyLaguerre({ dimension: 1, double_roots: [4, 10, 21] });
  assert.equal(a.valid, true, a.reason);
  assert.equal(b.valid, true, b.reason);
  assert.notEqual(a.value, b.value);
});
