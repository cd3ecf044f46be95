// The reflection-positivity table of the notes: Gaussian kernel fails, Cauchy passes, the free scalar
// passes as Λ → ∞ and fails with a sharp cutoff at Λ = 10.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minEigenvalue, symmetricEigen } from '../../../src/core/eigen.js';
import { namedKernel, rpGrid, rpMatrix, rpTest } from '../../../src/packs/nnqft/rp.js';

test('Jacobi eigenvalues: known spectrum and reconstruction', () => {
  const A = [[4, 1, 0], [1, 3, 1], [0, 1, 2]];
  const { values, vectors } = symmetricEigen(A);
  // Characteristic polynomial roots of this tridiagonal matrix: 3 and 3 ± √3.
  [3 - Math.sqrt(3), 3, 3 + Math.sqrt(3)].forEach((v, i) => assert.ok(Math.abs(values[i] - v) < 1e-12));
  for (let j = 0; j < 3; j++) for (let i = 0; i < 3; i++) {
    const Av = A[i].reduce((s, a, k) => s + a * vectors[k * 3 + j], 0);
    assert.ok(Math.abs(Av - values[j] * vectors[i * 3 + j]) < 1e-12);
  }
  assert.ok(minEigenvalue([[1, 2], [2, 1]]) + 1 < 1e-14);
});

test('RP matrix needs τ > 0 and is symmetric', () => {
  assert.throws(() => rpMatrix(() => 1, [[0.1], [-0.2]]), /τ/);
  const M = rpMatrix(namedKernel('gaussian', 2), rpGrid(2, 3, 1, 2, 0.5));
  M.forEach((row, i) => row.forEach((v, j) => assert.equal(v, M[j][i])));
});

test('RP table (d = 1: 20 points τ ∈ (0, 1]; d = 2: 10 × 4 grid τ ∈ (0, 1], |s| ≤ 0.5)', () => {
  const d1 = rpGrid(1, 20, 1), d2 = rpGrid(2, 10, 1, 4, 0.5);
  const g1 = rpTest('gaussian', namedKernel('gaussian', 1), d1), g2 = rpTest('gaussian', namedKernel('gaussian', 2), d2);
  assert.ok(!g1.positive && g1.minEigenvalue < -0.1, `gaussian d=1: ${g1.minEigenvalue}`);
  assert.ok(!g2.positive && g2.minEigenvalue < -0.1, `gaussian d=2: ${g2.minEigenvalue}`);
  const c = rpTest('cauchy', namedKernel('cauchy', 1), d1);
  assert.ok(c.positive, `cauchy: ${c.relative}`);
  for (const d of [1, 2] as const) {
    const pts = d === 1 ? d1 : d2;
    const cont = rpTest('free-continuum', namedKernel('free-continuum', d), pts);
    assert.ok(cont.positive, `free Λ=∞ d=${d}: ${cont.relative}`);
    const sharp = rpTest('free', namedKernel('free', d, { cutoff: 10 }), pts);
    assert.ok(!sharp.positive && sharp.relative < -1e-3, `free Λ=10 d=${d}: ${sharp.relative}`);
  }
  // Raising the cutoff shrinks the violation toward the continuum's RP.
  const v10 = rpTest('free', namedKernel('free', 1, { cutoff: 10 }), d1).relative;
  const v40 = rpTest('free', namedKernel('free', 1, { cutoff: 40 }), d1).relative;
  assert.ok(v40 > v10, `violation shrinks: Λ=10 ${v10}, Λ=40 ${v40}`);
});
