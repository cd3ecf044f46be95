// The library API as a user meets it: the example in docs/api.md, run as written, importing
// 'evolab' by its package name, and the declaration files the package points at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';

test('the docs/api.md example runs as written and improves its problem', () => {
  const doc = readFileSync(join(repoRoot(), 'docs', 'api.md'), 'utf8');
  const code = /```js\n([\s\S]*?)```/.exec(doc)![1];
  const dir = mkdtempSync(join(tmpdir(), 'evolab-api-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(repoRoot(), join(dir, 'node_modules', 'evolab'));
    writeFileSync(join(dir, 'example.mjs'), code);
    const r = spawnSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8', env: { ...process.env, EVOLAB_EXAMPLE_OUT: join(dir, 'run') }, timeout: 120_000 });
    assert.equal(r.status, 0, r.stderr);
    const best = Number(/best error ([\d.e-]+) after 61 candidates/.exec(r.stdout)?.[1]);
    assert.ok(best < Math.PI - 3, `best error ${best} is not below the initial ${Math.PI - 3}`);
    assert.match(r.stdout, /const GUESS = /);
    assert.match(r.stdout, /initial circle packing: 1\.35/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the package exports its entry point and its types', () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as { exports: Record<string, { types: string; default: string }>; types: string };
  assert.ok(existsSync(join(repoRoot(), pkg.exports['.'].default)));
  const types = readFileSync(join(repoRoot(), pkg.exports['.'].types), 'utf8');
  for (const name of ['evolve', 'loadProblem', 'defineProblem', 'openRun', 'evaluate']) assert.match(types, new RegExp(`export declare function ${name}\\b`));
  assert.match(types, /export type \{[^}]*Problem[^}]*\}/);
});
