#!/usr/bin/env node
// The `evolab` command.
import { Command, CommanderError } from 'commander';
import { register as registerCircuits } from './commands/circuits.js';
import { register as registerEngine } from './commands/engine.js';
import { register as registerInit } from './commands/init.js';
import { register as registerLipschitz } from './commands/lipschitz.js';
import { register as registerMath } from './commands/math.js';
import { register as registerNnqft } from './commands/nnqft.js';
import { register as registerSuperposition } from './commands/superposition.js';
import { EXIT_USAGE } from './errors.js';
import { reverifyMain } from './reverify.js';

async function main(): Promise<void> {
  if (process.argv[2] === '__reverify') return reverifyMain();
  const program = new Command('evolab')
    .description('evolutionary discovery for the mathematics of neural networks and circuits')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerEngine(program);
  registerInit(program);
  registerCircuits(program);
  registerLipschitz(program);
  registerMath(program);
  registerNnqft(program);
  registerSuperposition(program);
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : EXIT_USAGE;
      return;
    }
    throw e;
  }
}

main().catch((e) => {
  process.stderr.write(`evolab: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
