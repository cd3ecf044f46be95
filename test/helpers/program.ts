// Runs a problem's program source in this process (tests only; the engine uses the sandbox).
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function runProgramInProcess(source: string, input: unknown = null): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'evolab-prog-'));
  const file = join(dir, 'program.mjs');
  writeFileSync(file, source);
  try {
    const mod = await import(pathToFileURL(file).href);
    if (typeof mod.run !== 'function') throw new Error('program does not export run(input)');
    return await mod.run(input);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
