import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, shuffle, stream } from '../../src/core/rng.js';

test('same seed, same sequence; a stored state resumes exactly', () => {
  const a = createRng('seed');
  const b = createRng('seed');
  const xs = Array.from({ length: 10 }, () => a.u32());
  assert.deepEqual(xs, Array.from({ length: 10 }, () => b.u32()));
  const saved = a.state();
  const next = [a.float(), a.normal(), a.int(7)];
  const resumed = createRng(saved);
  assert.deepEqual([resumed.float(), resumed.normal(), resumed.int(7)], next);
  assert.notDeepEqual(createRng('other').u32(), createRng('seed').u32());
});

test('streams are reproducible by (seed, tag, index) and differ across indices', () => {
  assert.equal(stream(1, 'w', 5).u32(), stream(1, 'w', 5).u32());
  assert.notEqual(stream(1, 'w', 5).u32(), stream(1, 'w', 6).u32());
  assert.notEqual(stream(1, 'w', 5).u32(), stream(1, 'v', 5).u32());
});

test('uniform and normal moments match within four standard errors', () => {
  const r = createRng(99);
  const n = 200_000;
  let s = 0, s2 = 0, u = 0;
  for (let i = 0; i < n; i++) {
    const z = r.normal();
    s += z; s2 += z * z; u += r.float();
  }
  assert.ok(Math.abs(s / n) < 4 / Math.sqrt(n));
  assert.ok(Math.abs(s2 / n - 1) < 4 * Math.sqrt(2 / n));
  assert.ok(Math.abs(u / n - 0.5) < 4 * Math.sqrt(1 / 12 / n));
});

test('int covers its range uniformly; bad arguments and states are rejected', () => {
  const r = createRng(5);
  const counts = new Array(6).fill(0);
  for (let i = 0; i < 60_000; i++) counts[r.int(6)]++;
  for (const c of counts) assert.ok(Math.abs(c - 10_000) < 4 * Math.sqrt(60_000 * (1 / 6) * (5 / 6)));
  assert.throws(() => r.int(0), /positive integer/);
  assert.throws(() => createRng([0, 0, 0, 0]), /all zero/);
  assert.throws(() => createRng([1, 2, 3] as unknown as [number, number, number, number]), /four unsigned/);
  const a = shuffle(createRng(1), [1, 2, 3, 4, 5]);
  assert.deepEqual([...a].sort(), [1, 2, 3, 4, 5]);
});
