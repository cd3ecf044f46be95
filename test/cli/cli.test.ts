import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evolab } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'evolab-cli-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('problems --json lists every problem with its direction', () => {
  const r = evolab(['problems', '--json']);
  assert.equal(r.code, 0);
  const list = JSON.parse(r.stdout) as { id: string; aliases: string[]; direction: string }[];
  const cp = list.find((p) => p.id === 'circle_packing_square_26')!;
  assert.deepEqual(cp.aliases, ['circle-packing-26']);
  assert.equal(cp.direction, 'max');
});

test('usage errors exit 2 with a message naming the input', () => {
  const unknown = evolab(['run', 'no-such-problem']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown problem "no-such-problem"/);
  const badIter = evolab(['run', 'rosenbrock-8', '--iterations', 'ten', '--out', join(dir, 'x')]);
  assert.equal(badIter.code, 2);
  assert.match(badIter.stderr, /--iterations: expected an integer/);
  const badOpt = evolab(['run', 'rosenbrock-8', '--frobnicate']);
  assert.equal(badOpt.code, 2);
  const missing = evolab(['eval', 'rosenbrock-8', join(dir, 'missing.js')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read program file/);
  const notRun = evolab(['resume', dir]);
  assert.equal(notRun.code, 2);
  assert.match(notRun.stderr, /not a run directory/);
});

test('config files: unknown keys and wrong types are errors naming the key', () => {
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'iterations: 5\ndatabase:\n  islandz: 3\n');
  const r = evolab(['run', 'rosenbrock-8', '--config', bad, '--out', join(dir, 'y')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /database\.islandz: unknown key/);
  const wrong = join(dir, 'wrong.json');
  writeFileSync(wrong, JSON.stringify({ offline: { crossoverRate: 'high' } }));
  const w = evolab(['run', 'rosenbrock-8', '--config', wrong, '--out', join(dir, 'z')]);
  assert.equal(w.code, 2);
  assert.match(w.stderr, /offline\.crossoverRate: expected a number in \[0, 1\]/);
});

test('run --json prints the summary; best and eval agree on the score', () => {
  const out = join(dir, 'run');
  const r = evolab(['run', 'rosenbrock-8', '--iterations', '6', '--workers', '2', '--seed', '1', '--out', out, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const s = JSON.parse(r.stdout) as { runDir: string; best: { score: number; hash: string; reverified: boolean }; evaluations: number; valid: number; cacheHits: number };
  assert.equal(s.runDir, out);
  assert.equal(s.best.reverified, true);
  assert.ok(s.evaluations >= 1 && s.valid >= 1 && s.cacheHits >= 0);
  const best = JSON.parse(evolab(['best', out, '--json']).stdout) as { score: number; hash: string; source: string };
  assert.equal(best.score, s.best.score);
  assert.equal(best.hash, s.best.hash);
  const file = join(dir, 'best.js');
  writeFileSync(file, best.source);
  const ev = JSON.parse(evolab(['eval', 'rosenbrock-8', file, '--json']).stdout) as { valid: boolean; score: number };
  assert.equal(ev.valid, true);
  assert.equal(ev.score, s.best.score);
  const again = evolab(['run', 'rosenbrock-8', '--out', out]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /already holds a run/);
});

test('doctor --json reports every sandbox layer, all active on this machine', () => {
  const d = JSON.parse(evolab(['doctor', '--json']).stdout) as { jailed: boolean; layers: { name: string; ok: boolean; detail: string }[] };
  const names = d.layers.map((l) => l.name);
  for (const n of ['jail', 'user', 'namespaces', 'filesystem', 'privileges', 'rlimits', 'lifetime', 'environment', 'javascript', 'python']) assert.ok(names.includes(n), `layer ${n}`);
  assert.equal(d.jailed, true, JSON.stringify(d.layers));
  for (const l of d.layers) assert.equal(l.ok, true, `${l.name}: ${l.detail}`);
});

test('without the jail, candidates are refused unless the loud opt-out is given', () => {
  const env = { ...process.env, PATH: '/nonexistent' };
  const r = evolab(['eval', 'rosenbrock-8', join(dir, 'best.js'), '--json'], env);
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /OS jail is unavailable.*--unsafe-no-jail/s);
  const d = JSON.parse(evolab(['doctor', '--json'], env).stdout) as { jailed: boolean };
  assert.equal(d.jailed, false);
  const ok = evolab(['eval', 'rosenbrock-8', join(dir, 'best.js'), '--json', '--unsafe-no-jail'], env);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal((JSON.parse(ok.stdout) as { valid: boolean }).valid, true);
  assert.match(ok.stderr, /WITHOUT the OS jail/);
});
