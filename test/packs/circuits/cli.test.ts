// `evolab circuits` subcommands in-process: JSON shapes and usage errors (exit code 2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { register } from '../../../src/cli/commands/circuits.js';

async function run(args: string[]): Promise<{ out: string; err: string; code: number | undefined }> {
  const program = new Command('evolab').exitOverride();
  register(program);
  let out = '', err = '';
  const ow = process.stdout.write.bind(process.stdout), ew = process.stderr.write.bind(process.stderr);
  const exit = process.exit;
  let code: number | undefined;
  process.stdout.write = ((s: string) => { out += s; return true; }) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => { err += s; return true; }) as typeof process.stderr.write;
  process.exit = ((c?: number) => { code = c; throw new Error('exit'); }) as typeof process.exit;
  const saved = process.exitCode;
  try {
    await program.parseAsync(['node', 'evolab', 'circuits', ...args]);
  } catch (e) {
    if ((e as Error).message !== 'exit') throw e;
  } finally {
    process.stdout.write = ow; process.stderr.write = ew; process.exit = exit;
    if (code === undefined && process.exitCode) code = Number(process.exitCode);
    process.exitCode = saved;
  }
  return { out, err, code };
}

test('bounds --json prints [{k, exponent}] with the known exponents', async () => {
  const r = await run(['bounds', '--k', '1,3', '--json']);
  const rows = JSON.parse(r.out) as { k: number; exponent: number }[];
  assert.deepEqual(rows.map((x) => x.k), [1, 3]);
  assert.ok(Math.abs(rows[0].exponent - Math.log2(1 + Math.SQRT2)) < 1e-9);
  assert.ok(Math.abs(rows[1].exponent - 1.257659) < 1e-6);
});

test('build --verify --json reports an exact verification', async () => {
  const r = await run(['build', '--family', 'sonetto', '--n', '7', '--verify', '--json']);
  const o = JSON.parse(r.out);
  assert.equal(o.verify.ok, true);
  assert.equal(o.verify.method, 'exact');
  assert.equal(o.gates, 128);
  assert.equal(o.size, 2315);
});

test('usage errors name the option and exit with code 2', async () => {
  let r = await run(['bounds', '--k', 'x']);
  assert.equal(r.code, 2);
  assert.match(r.err, /--k must be/);
  r = await run(['build', '--family', 'nope', '--n', '7']);
  assert.equal(r.code, 2);
  assert.match(r.err, /--family must be one of/);
  r = await run(['build', '--family', 'jessica', '--n', '8']);
  assert.equal(r.code, 2);
  assert.match(r.err, /--n must be a multiple of 7/);
  r = await run(['check', '/nonexistent/cert.json']);
  assert.equal(r.code, 2);
});
