// `evolab nnqft …` through commander: JSON output, exact values, and exit code 2 on bad options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { register } from '../../../src/cli/commands/nnqft.js';

async function run(args: string[]): Promise<{ out: string; err: string; code: number }> {
  const program = new Command('evolab').exitOverride();
  register(program);
  let out = '', err = '';
  const ow = process.stdout.write.bind(process.stdout), ew = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => { out += s; return true; }) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => { err += s; return true; }) as typeof process.stderr.write;
  const before = process.exitCode;
  try { await program.parseAsync(args, { from: 'user' }); } finally {
    process.stdout.write = ow; process.stderr.write = ew;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = before;
  return { out, err, code };
}

test('correlator --json prints estimate, stderr, exact and z', async () => {
  const r = await run(['nnqft', 'correlator', '--arch', 'cauchy', '--d', '1', '--N', '2', '--order', '4', '--connected',
    '--points', '-0.7;-0.1;0.4;1.0', '--networks', '100000', '--seed', '9', '--json']);
  assert.equal(r.code, 0, r.err);
  const o = JSON.parse(r.out);
  for (const k of ['estimate', 'stderr', 'exact', 'z']) assert.equal(typeof o[k], 'number', k);
  assert.ok(Math.abs(o.z) < 4, `z = ${o.z}`);
});

test('bad options exit with code 2 and name the option', async () => {
  const r1 = await run(['nnqft', 'correlator', '--arch', 'cos', '--N', '2', '--order', '5', '--points', '0;1;2;3;4', '--networks', '100']);
  assert.equal(r1.code, 2); assert.match(r1.err, /--order/);
  const r2 = await run(['nnqft', 'correlator', '--arch', 'cos', '--d', '2', '--N', '2', '--order', '2', '--points', '0;1', '--networks', '100']);
  assert.equal(r2.code, 2); assert.match(r2.err, /--points/);
  const r3 = await run(['nnqft', 'rp', '--kernel', 'lorentz']);
  assert.equal(r3.code, 2); assert.match(r3.err, /--kernel/);
});

test('rp prints the table: Gaussian fails, Cauchy and the continuum free scalar hold', async () => {
  const r = await run(['nnqft', 'rp', '--d', '1', '--json']);
  assert.equal(r.code, 0, r.err);
  const rows = JSON.parse(r.out).results as { kernel: string; positive: boolean }[];
  assert.deepEqual(rows.map((x) => x.positive), [false, true, false, true]);
});
