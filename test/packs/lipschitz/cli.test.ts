// `evolab lipschitz …` and `evolab neemo` end to end, in a child process (exit codes included).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../../../src/core/rng.js';

const commandModule = new URL('../../../src/cli/commands/lipschitz.js', import.meta.url).href;

function evolab(args: string[]): { code: number; out: string; err: string } {
  const code = `import { Command } from 'commander'; import { register } from ${JSON.stringify(commandModule)};
const p = new Command('evolab'); register(p); await p.parseAsync(process.argv.slice(1), { from: 'user' });`;
  const r = spawnSync(process.execPath, [...process.execArgv, '--input-type=module', '-e', code, '--', ...args], { encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

test('train → certify → predict on a CSV, and neemo on two point files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'evolab-lip-'));
  try {
    const r = createRng(3);
    const lines = ['a,b,c,label'];
    for (let i = 0; i < 200; i++) {
      const a = r.normal(), b = r.normal(), c = r.normal();
      lines.push(`${a},${b},${c},${a - 0.5 * b + 0.3 * r.normal() > 0 ? 1 : 0}`);
    }
    writeFileSync(join(dir, 'd.csv'), lines.join('\n') + '\n');
    const model = join(dir, 'm.json');
    const t = evolab(['lipschitz', 'train', '--data', join(dir, 'd.csv'), '--target', 'label', '--monotone=a,-b', '--lipschitz', '1', '--epochs', '20', '--hidden', '8,8', '--out', model, '--json']);
    assert.equal(t.code, 0, t.err);
    const tj = JSON.parse(t.out);
    assert.equal(tj.task, 'classification');
    assert.deepEqual(tj.monotone, ['a', '-b']);
    assert.ok(tj.trainAccuracy > 0.8, `train accuracy ${tj.trainAccuracy}`);
    const c = evolab(['lipschitz', 'certify', model, '--json']);
    assert.equal(c.code, 0, c.err);
    const cj = JSON.parse(c.out);
    assert.equal(cj.norm, 'one');
    assert.ok(cj.lipschitzBound <= 2 && cj.monotoneCertified === true);
    assert.deepEqual(cj.monotone.inputs, ['a', '-b']);
    assert.ok(cj.monotone.checked > 0);
    assert.equal(cj.monotone.violations, 0);
    const p = evolab(['lipschitz', 'predict', model, '--data', join(dir, 'd.csv'), '--json']);
    assert.equal(p.code, 0, p.err);
    const preds = JSON.parse(p.out).predictions;
    assert.equal(preds.length, 200);
    assert.ok(preds.every((v: number) => v >= 0 && v <= 1));
    writeFileSync(join(dir, 'a.csv'), 'x\n' + Array.from({ length: 50 }, () => r.normal()).join('\n') + '\n');
    writeFileSync(join(dir, 'b.csv'), 'x\n' + Array.from({ length: 50 }, () => 2 + r.normal()).join('\n') + '\n');
    const n = evolab(['neemo', '--a', join(dir, 'a.csv'), '--b', join(dir, 'b.csv'), '--steps', '200', '--json']);
    assert.equal(n.code, 0, n.err);
    const nj = JSON.parse(n.out);
    assert.ok(nj.estimate <= nj.exact + 1e-12 && nj.estimate >= 0.97 * nj.exact, JSON.stringify(nj));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('usage errors name the option and exit with code 2', () => {
  const a = evolab(['lipschitz', 'train', '--data', 'nope.csv', '--target', 'y', '--lipschitz', '-1']);
  assert.equal(a.code, 2);
  assert.match(a.err, /--lipschitz must be a positive number/);
  const b = evolab(['lipschitz', 'train', '--target', 'y', '--lipschitz', '1']);
  assert.equal(b.code, 2);
  assert.match(b.err, /--data/);
  const c = evolab(['lipschitz', 'certify', 'missing-model.json']);
  assert.equal(c.code, 2);
  assert.match(c.err, /model: cannot read/);
});
