// `evolab verify <problem> <dataFile> [--json]`: score a construction file with the math verifiers.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { findVerifier, verifierIds } from '../../packs/math/verify/index.js';

export interface VerifyOutput {
  problem: string;
  valid: boolean;
  value: number | null;
  reason?: string;
}

/** Reads a construction object, or a whole published data file (its `construction` field). */
export function readConstruction(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  const data: unknown = JSON.parse(text);
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && 'construction' in data) {
    return (data as { construction: unknown }).construction;
  }
  return data;
}

function usage(message: string): never {
  process.stderr.write(message + '\n');
  process.exit(2);
}

export function register(program: Command): void {
  program
    .command('verify')
    .description('score a math construction (JSON: the construction object or a published data file) with its exact verifier')
    .argument('<problem>', 'problem id, e.g. heilbronn_triangle_11 (see the list on a wrong id)')
    .argument('<dataFile>', 'JSON file with the construction')
    .option('--json', 'print one JSON object {problem, valid, value, reason?}')
    .action((problem: string, dataFile: string, opts: { json?: boolean }) => {
      const verifier = findVerifier(problem);
      if (!verifier) usage(`problem: unknown id '${problem}'; expected one of: ${verifierIds().join(', ')}`);
      let construction: unknown;
      try {
        construction = readConstruction(dataFile);
      } catch (e) {
        const what = e instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read';
        usage(`dataFile: '${dataFile}' ${what} (${(e as Error).message})`);
      }
      const r = verifier.verify(construction);
      const out: VerifyOutput = { problem: verifier.id, valid: r.valid, value: r.value };
      if (r.reason !== undefined) out.reason = r.reason;
      if (opts.json) {
        process.stdout.write(JSON.stringify(out) + '\n');
      } else {
        const dir = verifier.direction === 'max' ? 'higher is better' : 'lower is better';
        process.stdout.write(
          r.valid
            ? `${verifier.id}: valid, value ${r.value} (${dir}; ${verifier.toleranceNote})\n`
            : `${verifier.id}: rejected: ${r.reason}\n`,
        );
      }
    });
}
