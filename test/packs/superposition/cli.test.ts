import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { register } from '../../../src/cli/commands/superposition.js';

async function run(args: string[]): Promise<{ out: string; err: string; code: number }> {
  const p = new Command('evolab');
  p.exitOverride();
  register(p);
  let out = '', err = '';
  const ow = process.stdout.write.bind(process.stdout), ew = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => { out += s; return true; }) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => { err += s; return true; }) as typeof process.stderr.write;
  const before = process.exitCode;
  process.exitCode = 0;
  try { await p.parseAsync(['node', 'evolab', ...args]); } finally { process.stdout.write = ow; process.stderr.write = ew; }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = before;
  return { out, err, code };
}

test('uand --json prints cases 00/01/11 with max, mean, std, q99 and the construction parameters', async () => {
  const r = await run(['superposition', 'uand', '--m', '200', '--d', '400', '--s', '3', '--construction', 'sparse', '--inputs', '5', '--workers', '1', '--json']);
  assert.equal(r.code, 0, r.err);
  const o = JSON.parse(r.out);
  for (const c of ['00', '01', '11']) for (const k of ['max', 'mean', 'std', 'q99']) assert.equal(typeof o.cases[c][k], 'number');
  assert.equal(o.cases['11'].n, 15);
  assert.equal(o.cases['01'].n, 5 * 3 * 197);
  assert.equal(o.params.m, 200);
  assert.ok(o.params.p > 0 && o.params.p < 1);
});

test('bad options exit with code 2 and name the option', async () => {
  const r = await run(['superposition', 'uand', '--m', '200', '--d', 'x', '--s', '3', '--construction', 'sparse']);
  assert.equal(r.code, 2);
  assert.match(r.err, /--d expects an integer/);
  const r2 = await run(['superposition', 'uand', '--m', '200', '--d', '40', '--s', '3', '--construction', 'dense']);
  assert.equal(r2.code, 2);
  assert.match(r2.err, /--construction expects one of sparse\|superposed\|random/);
});

test('circuit reports per-layer errors and rejects an invalid circuit file with the field named', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sp-cli-'));
  try {
    const good = join(dir, 'c.json'), bad = join(dir, 'bad.json');
    writeFileSync(good, JSON.stringify({ inputs: 40, layers: [Array.from({ length: 40 }, (_, j) => ({ op: 'COPY', in: [j] })), Array.from({ length: 40 }, (_, j) => ({ op: 'ANDNOT', in: [j, (j + 1) % 40] }))] }));
    writeFileSync(bad, JSON.stringify({ inputs: 4, layers: [[{ op: 'AND', in: [0, 9] }]] }));
    const r = await run(['superposition', 'circuit', good, '--d', '800', '--s', '2', '--inputs', '3', '--json']);
    assert.equal(r.code, 0, r.err);
    const o = JSON.parse(r.out);
    assert.equal(o.layers.length, 3);
    for (const l of o.layers) assert.equal(typeof l.maxErr, 'number');
    const b = await run(['superposition', 'circuit', bad, '--d', '100']);
    assert.equal(b.code, 1);
    assert.match(b.err, /layers\[0\]\[0\]\.in\[1\]/);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});
