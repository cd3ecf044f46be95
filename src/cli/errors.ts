// Exit codes and error reporting shared by every subcommand.
import { ConfigError } from '../engine/config.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A mistake in how the command was called (bad option, unknown problem, unreadable file). */
export class UsageError extends Error {}

/** Prints a one-line error and sets the exit code: 2 for usage errors, 1 otherwise. */
export function report(e: unknown): void {
  const usage = e instanceof UsageError || e instanceof ConfigError;
  process.stderr.write(`evolab: ${(e as Error)?.message ?? String(e)}\n`);
  process.exitCode = usage ? EXIT_USAGE : EXIT_FAILURE;
}

/** Wraps an async action so that thrown errors become a message and an exit code. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void> | void): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      report(e);
    }
  };
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2) + '\n');
}
