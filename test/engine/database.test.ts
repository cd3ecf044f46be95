import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../src/core/rng.js';
import { addCandidate, cellKey, createDatabase, DEFAULT_DATABASE, inspirations, migrate, selectParent } from '../../src/engine/database.js';
import { candidate } from './fixtures.js';

const descriptors = [{ name: 'd', min: 0, max: 1, bins: 4 }];

test('each cell holds the best program that landed in it; invalid programs never enter', () => {
  const db = createDatabase({ ...DEFAULT_DATABASE, islands: 1, migrationInterval: 0 }, descriptors, 100);
  addCandidate(db, candidate(0, 1, { features: { d: 0.1 } }));
  addCandidate(db, candidate(1, 2, { features: { d: 0.2 } })); // same cell, better
  addCandidate(db, candidate(2, 1.5, { features: { d: 0.15 } })); // same cell, worse
  addCandidate(db, candidate(3, 0.5, { features: { d: 0.9 } })); // other cell
  addCandidate(db, candidate(4, 99, { features: { d: 0.9 }, status: 'invalid' }));
  const cells = db.islands[0].cells;
  assert.equal(cells.size, 2);
  assert.equal(cells.get(cellKey(db, candidate(9, 0, { features: { d: 0.1 } }))), 1);
  assert.equal(cells.get(cellKey(db, candidate(9, 0, { features: { d: 0.95 } }))), 3);
  assert.equal(db.bestSeq, 1);
  assert.ok(!db.programs.has(4));
  assert.deepEqual(db.archive, [1, 2, 0, 3]);
});

test('code length is an axis of the grid', () => {
  const db = createDatabase({ ...DEFAULT_DATABASE, islands: 1 }, descriptors, 100);
  const short = candidate(1, 1, { features: { d: 0.1 }, source: 'x'.repeat(60) });
  const long = candidate(2, 1, { features: { d: 0.1 }, source: 'x'.repeat(190) });
  assert.notEqual(cellKey(db, short), cellKey(db, long));
});

test('the initial program seeds every island; children stay on their island', () => {
  const db = createDatabase({ ...DEFAULT_DATABASE, islands: 3, migrationInterval: 0 }, descriptors, 100);
  addCandidate(db, candidate(0, 1, { features: { d: 0.1 } }));
  addCandidate(db, candidate(1, 5, { features: { d: 0.6 }, island: 2 }));
  assert.deepEqual(db.islands.map((i) => i.cells.size), [1, 1, 2]);
});

test('ring migration copies each island best to the next island', () => {
  const db = createDatabase({ ...DEFAULT_DATABASE, islands: 3, migrationInterval: 0, migrationCount: 1 }, descriptors, 100);
  addCandidate(db, candidate(0, 1, { features: { d: 0.1 } }));
  addCandidate(db, candidate(1, 5, { features: { d: 0.6 }, island: 0 }));
  addCandidate(db, candidate(2, 7, { features: { d: 0.9 }, island: 1 }));
  migrate(db);
  assert.ok(db.islands[1].members.has(1), 'island 0 best reached island 1');
  assert.ok(db.islands[2].members.has(2), 'island 1 best reached island 2');
  assert.ok(!db.islands[0].members.has(2), 'migration goes one way round the ring');
  assert.equal(db.migrations, 1);
});

test('migration happens every K candidates as they are added', () => {
  const db = createDatabase({ ...DEFAULT_DATABASE, islands: 2, migrationInterval: 5 }, descriptors, 100);
  for (let s = 0; s <= 12; s++) addCandidate(db, candidate(s, s, { features: { d: (s % 4) / 4 }, island: s % 2 }));
  assert.equal(db.migrations, 2); // at seq 5 and 10
});

test('selection mixes exploitation, exploration and random in the configured ratios', () => {
  const db = createDatabase({ ...DEFAULT_DATABASE, islands: 1, exploitation: 0.5, exploration: 0.3, random: 0.2 }, descriptors, 100);
  addCandidate(db, candidate(0, 0, { features: { d: 0.1 } }));
  for (let s = 1; s < 4; s++) addCandidate(db, candidate(s, s, { features: { d: s / 4 + 0.01 } }));
  const rng = createRng(42);
  const n = 20000;
  const kinds = { exploitation: 0, exploration: 0, random: 0 };
  const picks = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const { seq, kind } = selectParent(db, 0, rng);
    kinds[kind]++;
    picks.set(seq, (picks.get(seq) ?? 0) + 1);
  }
  // Binomial standard error at n = 20000 is below 0.0036; allow 4 of them.
  assert.ok(Math.abs(kinds.exploitation / n - 0.5) < 0.015, `exploitation ${kinds.exploitation / n}`);
  assert.ok(Math.abs(kinds.exploration / n - 0.3) < 0.015, `exploration ${kinds.exploration / n}`);
  assert.ok(Math.abs(kinds.random / n - 0.2) < 0.015, `random ${kinds.random / n}`);
  // Exploitation is a tournament of three over 4 cells: the best is picked with P = 1 − (3/4)³ = 37/64 there.
  const expectedBest = 0.5 * (37 / 64) + 0.3 * 0.25 + 0.2 * 0.25;
  assert.ok(Math.abs((picks.get(3) ?? 0) / n - expectedBest) < 0.015, `best picked ${(picks.get(3) ?? 0) / n}, expected ${expectedBest}`);
});

test('inspirations are the island top programs then random others, never the parent', () => {
  const db = createDatabase({ ...DEFAULT_DATABASE, islands: 1, topInspirations: 2, diverseInspirations: 1 }, descriptors, 100);
  for (let s = 0; s < 4; s++) addCandidate(db, candidate(s, s, { features: { d: s / 4 + 0.01 } }));
  const insp = inspirations(db, 0, 3, createRng(1));
  assert.deepEqual(insp.slice(0, 2).map((r) => r.seq), [2, 1]);
  assert.equal(insp.length, 3);
  assert.ok(!insp.some((r) => r.seq === 3));
});
