import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, defaultConfig, mergeConfig, storedConfig } from '../../src/engine/config.js';

test('unknown keys, prototype names and malformed numbers are errors naming the key', () => {
  const base = defaultConfig(2);
  assert.throws(() => mergeConfig(base, { constructor: 5 }), (e: unknown) => e instanceof ConfigError && /constructor: unknown key/.test((e as Error).message));
  assert.throws(() => mergeConfig(base, JSON.parse('{"__proto__": 1}')), ConfigError);
  assert.throws(() => mergeConfig(base, { database: { toString: 'x' } }), /database\.toString: unknown key/);
  assert.throws(() => mergeConfig(base, { iterations: '0x10' }), /iterations: expected an integer/);
  assert.throws(() => mergeConfig(base, { iterations: '1e3' }), /iterations: expected an integer/);
  assert.throws(() => mergeConfig(base, { limits: { timeoutMs: 3e9 } }), /limits\.timeoutMs: expected an integer in \[1, 2147483647\]/);
  assert.throws(() => mergeConfig(base, { mutator: 'replay' }), /replayFile: required/);
  assert.equal(mergeConfig(base, { iterations: ' 12 ' }).iterations, 12);
});

test('a stored configuration is re-validated over the defaults', () => {
  const cfg = mergeConfig(defaultConfig(1), { iterations: 9, offline: { sigma: 0.5 } });
  const stored = JSON.parse(JSON.stringify(cfg)) as Record<string, unknown>;
  delete (stored.offline as Record<string, unknown>).meanChanges; // written by an older build
  const back = storedConfig(stored, 1);
  assert.equal(back.iterations, 9);
  assert.equal(back.offline.sigma, 0.5);
  assert.equal(back.offline.meanChanges, defaultConfig(1).offline.meanChanges);
  assert.throws(() => storedConfig({ ...stored, workers: -1 }, 1), /workers/);
});
