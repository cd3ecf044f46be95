import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConstruction } from '../../../src/cli/commands/math.js';
import { dataDir } from './published-data.js';

// Runs the command in a child process (it exits with code 2 on usage errors).
const moduleUrl = new URL('../../../src/cli/commands/math.js', import.meta.url).href;
function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const code =
    `import { Command } from 'commander'; import { register } from ${JSON.stringify(moduleUrl)};` +
    `const p = new Command('evolab'); register(p); await p.parseAsync(${JSON.stringify(args)}, { from: 'user' });`;
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--test'));
  const r = spawnSync(process.execPath, [...execArgv, '--input-type=module', '-e', code], {
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('../../../', import.meta.url)),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('readConstruction accepts a whole data file or the bare construction', () => {
  const dir = mkdtempSync(join(tmpdir(), 'evolab-math-'));
  const file = join(dir, 'c.json');
  writeFileSync(file, JSON.stringify({ heights: [1, 0, 1] }));
  assert.deepEqual(readConstruction(file), { heights: [1, 0, 1] });
  const whole = readConstruction(join(dataDir(), 'heilbronn_convex_13.json')) as { points: unknown[] };
  assert.equal(whole.points.length, 13);
});

test('verify --json prints {problem, valid, value}; bad input exits 2 naming the problem list or file', () => {
  const ok = cli(['verify', 'min_max_distance_ratio_16_2d', join(dataDir(), 'min_max_distance_ratio_16_2d.json'), '--json']);
  assert.equal(ok.status, 0, ok.stderr);
  assert.deepEqual(JSON.parse(ok.stdout), { problem: 'min_max_distance_ratio_16_2d', valid: true, value: 12.88926611203463 });

  const dir = mkdtempSync(join(tmpdir(), 'evolab-math-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ heights: [1, -1] }));
  const rejected = cli(['verify', 'first_autocorrelation', bad, '--json']);
  assert.equal(rejected.status, 0);
  const out = JSON.parse(rejected.stdout);
  assert.equal(out.valid, false);
  assert.equal(out.value, null);
  assert.match(out.reason, /heights\[1\]/);

  const unknown = cli(['verify', 'no_such_problem', bad]);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown id 'no_such_problem'.*heilbronn_triangle_11/);

  const missing = cli(['verify', 'first_autocorrelation', join(dir, 'missing.json')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /missing\.json' cannot be read/);

  const notJson = join(dir, 'x.json');
  writeFileSync(notJson, '{oops');
  const broken = cli(['verify', 'first_autocorrelation', notJson]);
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /x\.json' is not valid JSON/);
});
