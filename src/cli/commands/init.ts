// `evolab init <dir>`: writes a working problem folder (from the shipped examples) to start from.
import { Option, type Command } from 'commander';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { action, printJson, UsageError } from '../errors.js';

/** The shipped examples, beside dist/ in the repository and in the package. */
const EXAMPLES = fileURLToPath(new URL('../../../../examples', import.meta.url));

const TEMPLATES: Record<string, string> = {
  javascript: 'spread-points-js',
  python: 'rastrigin-python',
  openevolve: 'openevolve-minimize',
};

function idFor(dir: string): string {
  return basename(resolve(dir)).toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64) || 'my-problem';
}

export function register(program: Command): void {
  program
    .command('init <dir>')
    .description('write a working problem folder to start from (evolab run <dir> evolves it at once)')
    .addOption(new Option('--language <language>', 'the program language').choices(['javascript', 'python']).default('python'))
    .addOption(new Option('--from <layout>', "write OpenEvolve's layout instead (initial_program.py, evaluator.py, config.yaml)").choices(['openevolve']))
    .option('--json', 'print JSON')
    .action(action((dir: string, opts: { language: string; from?: string; json?: boolean }) => {
      const target = resolve(dir);
      if (existsSync(target) && readdirSync(target).length > 0) throw new UsageError(`${dir}: already exists and is not empty (choose a new folder)`);
      const template = TEMPLATES[opts.from ?? opts.language];
      const source = join(EXAMPLES, template);
      if (!existsSync(source)) throw new Error(`the example ${template} is missing from this installation (${source})`);
      cpSync(source, target, { recursive: true });
      const manifest = join(target, 'evolab.yaml');
      if (existsSync(manifest)) writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^id: .*$/m, `id: ${idFor(dir)}`));
      const files = readdirSync(target).sort();
      if (opts.json) printJson({ dir: target, layout: opts.from ?? 'evolab', language: opts.from ? 'python' : opts.language, files });
      else process.stdout.write(`wrote ${target}: ${files.join(', ')}\nnext: evolab run ${dir}\n`);
    }));
}
