// Two-moons objective study helpers: the dynamic-hinge margins of Eq. 2.16.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dynamicMargins, twoMoons } from '../../../src/packs/lipschitz/reproduce/moons.js';

test('dynamic margins are half the distance to the nearest point of the other class', () => {
  const d = { x: Float64Array.from([0, 0, 3, 4, 0, 1, 6, 8]), y: [1, -1, 1, -1], n: 4 };
  // (0,0)→(3,4): 5; (3,4)→(0,1): √18; (0,1)→(3,4): √18; (6,8)→(0,1): √85 (closer than (0,0) at 10).
  const want = [2.5, Math.sqrt(18) / 2, Math.sqrt(18) / 2, Math.sqrt(85) / 2];
  dynamicMargins(d).forEach((m, i) => assert.ok(Math.abs(m - want[i]) < 1e-12, `point ${i}: ${m} vs ${want[i]}`));
});

test('two moons are balanced and reproducible', () => {
  const a = twoMoons(100, 0.1, 's'), b = twoMoons(100, 0.1, 's');
  assert.deepEqual(Array.from(a.x), Array.from(b.x));
  assert.equal(a.y.filter((v) => v === 1).length, 50);
});
