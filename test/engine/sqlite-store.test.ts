import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { integrityCheck, openSqliteStore } from '../../src/engine/store/sqlite-store.js';
import { candidate } from './fixtures.js';

test('candidates, outputs with non-finite numbers, checkpoints and metadata round-trip', () => {
  const dir = mkdtempSync(join(tmpdir(), 'evolab-store-'));
  try {
    const file = join(dir, 'run.db');
    const store = openSqliteStore(file);
    store.create({ problemId: 'p', seed: '7', config: { iterations: 3 }, createdAt: 'now', schema: 1 });
    assert.throws(() => store.create({ problemId: 'q', seed: '1', config: {}, createdAt: 'now', schema: 1 }), /already holds a run/);
    const a = candidate(0, 1.5, { output: { r: [1, NaN, -Infinity], s: 'x' }, mutatorData: { sigma: 0.1 } });
    const b = candidate(1, NaN, { status: 'crashed', reason: 'boom', source: 'y'.repeat(10), hash: 'hy' });
    const c = candidate(2, 2, { source: 'x'.repeat(100), hash: 'h0' }); // same source as a: stored once
    store.put({ ...a, hash: 'h0' }, { rng: [1, 2, 3, 4] });
    store.put(b, { rng: [5, 6, 7, 8] });
    store.put(c, { rng: [9, 10, 11, 12] });
    store.close();

    const again = openSqliteStore(file);
    assert.equal(again.meta()?.seed, '7');
    const all = again.all();
    assert.deepEqual(all.map((r) => r.seq), [0, 1, 2]);
    const out = all[0].output as { r: number[]; s: string };
    assert.equal(out.r[0], 1);
    assert.ok(Number.isNaN(out.r[1]));
    assert.equal(out.r[2], -Infinity);
    assert.deepEqual(all[0].mutatorData, { sigma: 0.1 });
    assert.ok(Number.isNaN(all[1].fitness));
    assert.equal(all[1].reason, 'boom');
    assert.equal(all[2].source, 'x'.repeat(100));
    assert.deepEqual(again.lastCheckpoint(), { seq: 2, checkpoint: { rng: [9, 10, 11, 12] } });
    again.updateConfig({ iterations: 10 });
    assert.deepEqual(again.meta()?.config, { iterations: 10 });
    assert.throws(() => again.put(c, { rng: [1, 1, 1, 1] }), /UNIQUE|PRIMARY/);
    again.close();
    assert.equal(integrityCheck(file), 'ok');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
