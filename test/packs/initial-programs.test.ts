// Every built-in problem's initial program is a real file, problems/<id>/initial.js or .py beside
// the module that defines the problem, with balanced EVOLVE blocks in its language's comments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markerLanguage, parseProgram } from '../../src/engine/blocks.js';
import { allProblems } from '../../src/packs/registry.js';
import { repoRoot } from '../helpers/paths.js';

test('each built-in problem reads its initial program from problems/<id>/initial.<ext>', () => {
  for (const p of allProblems()) {
    const ext = p.language === 'python' ? 'py' : 'js';
    const file = join(repoRoot(), 'src', 'packs', p.pack, 'problems', p.id, `initial.${ext}`);
    assert.ok(existsSync(file), `${p.id}: ${file} is missing`);
    assert.equal(readFileSync(file, 'utf8'), p.initialProgram, `${p.id}: the problem does not use its file`);
    assert.ok(parseProgram(p.initialProgram).blocks.length > 0, p.id);
    assert.equal(markerLanguage(p.initialProgram), p.language ?? 'javascript', `${p.id}: marker comments`);
  }
});

test('the JavaScript initial programs parse as modules', () => {
  for (const p of allProblems().filter((q) => (q.language ?? 'javascript') === 'javascript')) {
    const file = join(repoRoot(), 'src', 'packs', p.pack, 'problems', p.id, 'initial.js');
    execFileSync(process.execPath, ['--check', '--input-type=module'], { input: readFileSync(file, 'utf8'), stdio: ['pipe', 'ignore', 'pipe'] });
  }
});

test('no initial program is left inside TypeScript template strings', () => {
  const r = spawnSync('git', ['grep', '-n', '-E', 'initialProgram: `|EVOLVE-BLOCK-START', '--', 'src/packs/*.ts', 'src/packs/**/*.ts'], { cwd: repoRoot(), encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n').filter((l) => l !== ''), []);
});
