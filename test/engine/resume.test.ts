// A run killed with SIGKILL mid-flight loses at most the candidate in flight, its store stays
// sound, and resuming it yields exactly the history of an uninterrupted run with the same seed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { integrityCheck } from '../../src/engine/store/sqlite-store.js';
import { CLI, evolab } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'evolab-resume-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function hashes(runDir: string): string[] {
  const db = new Database(join(runDir, 'run.db'), { readonly: true });
  try {
    return (db.prepare('SELECT hash FROM candidates ORDER BY seq').all() as { hash: string }[]).map((r) => r.hash);
  } finally {
    db.close();
  }
}

function count(runDir: string): number {
  if (!existsSync(join(runDir, 'run.db'))) return 0;
  try {
    const db = new Database(join(runDir, 'run.db'), { readonly: true, timeout: 1000 });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM candidates').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

test('kill -9 mid-run, resume, and the history equals an uninterrupted run', async () => {
  const args = (out: string) => ['run', 'rosenbrock-8', '--iterations', '40', '--workers', '1', '--seed', 'resume-test', '--out', out, '--json'];
  const reference = join(dir, 'reference');
  const ref = evolab(args(reference));
  assert.equal(ref.code, 0, ref.stderr);

  const killed = join(dir, 'killed');
  const child = spawn(process.execPath, [CLI, ...args(killed)], { stdio: 'ignore', detached: true });
  const deadline = Date.now() + 60_000;
  while (count(killed) < 12 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  process.kill(-child.pid!, 'SIGKILL');
  await new Promise((r) => child.on('close', r));
  const before = hashes(killed);
  assert.ok(before.length >= 12 && before.length < 41, `killed after ${before.length} candidates`);
  assert.equal(integrityCheck(join(killed, 'run.db')), 'ok');

  const resumed = evolab(['resume', killed, '--json']);
  assert.equal(resumed.code, 0, resumed.stderr);
  const after = hashes(killed);
  assert.deepEqual(after.slice(0, before.length), before, 'no committed program was lost or changed');
  assert.deepEqual(after, hashes(reference), 'resumed history equals the uninterrupted one');
  assert.equal(integrityCheck(join(killed, 'run.db')), 'ok');

  const more = JSON.parse(evolab(['resume', killed, '--iterations', '5', '--json']).stdout) as { candidates: number };
  assert.equal(more.candidates, 46);
});

test('Ctrl-C stops a run gracefully with a consistent, resumable store', async () => {
  const out = join(dir, 'interrupted');
  const child = spawn(process.execPath, [CLI, 'run', 'rosenbrock-8', '--iterations', '500', '--workers', '2', '--out', out, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  const deadline = Date.now() + 60_000;
  while (count(out) < 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  child.kill('SIGINT');
  const code = await new Promise((r) => child.on('close', r));
  assert.equal(code, 0);
  const summary = JSON.parse(stdout) as { stoppedBy: string; candidates: number };
  assert.equal(summary.stoppedBy, 'interrupt');
  assert.ok(summary.candidates < 501);
  assert.equal(count(out), summary.candidates, 'every candidate the summary counts is stored');
  assert.equal(integrityCheck(join(out, 'run.db')), 'ok');
  const resumed = JSON.parse(evolab(['resume', out, '--iterations', '3', '--json']).stdout) as { candidates: number };
  assert.equal(resumed.candidates, summary.candidates + 3);
});
