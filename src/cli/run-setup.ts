// Turning command-line options and config files into a validated run configuration and mutator.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parse as parseYaml } from 'yaml';
import { ConfigError, defaultConfig, mergeConfig, type RunConfig } from '../engine/config.js';
import type { Mutator } from '../engine/mutator.js';
import { createOfflineMutator } from '../engine/mutators/offline.js';
import { createReplayMutator, readReplayFile } from '../engine/mutators/replay.js';
import type { Problem } from '../engine/problem.js';
import { allProblems, findProblem } from '../packs/registry.js';
import { UsageError } from './errors.js';

export function problemOrExit(id: string): Problem {
  const p = findProblem(id);
  if (!p) {
    const ids = allProblems().map((x) => x.id).join(', ');
    throw new UsageError(`unknown problem "${id}" (known: ${ids}; see \`evolab problems\`)`);
  }
  return p;
}

export function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--config: cannot read ${file}: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new UsageError(`--config ${file}: not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new UsageError(`--config ${file}: expected a mapping of settings`);
  return data as Record<string, unknown>;
}

/** Flag values (strings from the parser) for the top-level keys; undefined ones are skipped. */
export interface RunFlags {
  iterations?: string;
  time?: string;
  workers?: string;
  seed?: string;
  plateau?: string;
  mutator?: string;
  replay?: string;
  config?: string;
}

export function buildConfig(flags: RunFlags): RunConfig {
  try {
    let cfg = defaultConfig(availableParallelism());
    if (flags.config) cfg = mergeConfig(cfg, readConfigFile(flags.config));
    const byFlag: [string, string, string | undefined][] = [
      ['--iterations', 'iterations', flags.iterations],
      ['--time', 'timeSeconds', flags.time],
      ['--workers', 'workers', flags.workers],
      ['--seed', 'seed', flags.seed],
      ['--plateau', 'plateau', flags.plateau],
      ['--replay', 'replayFile', flags.replay],
      ['--mutator', 'mutator', flags.mutator ?? (flags.replay ? 'replay' : undefined)],
    ];
    for (const [flag, key, value] of byFlag) {
      if (value === undefined) continue;
      try {
        cfg = mergeConfig(cfg, { [key]: value });
      } catch (e) {
        throw new UsageError(`${flag}: ${(e as Error).message.replace(/^[\w.]+: /, '')}`);
      }
    }
    return mergeConfig(cfg, {});
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
}

export async function createMutator(config: RunConfig): Promise<Mutator> {
  switch (config.mutator) {
    case 'offline':
      return createOfflineMutator(config.offline);
    case 'replay':
      return createReplayMutator(readReplayFile(config.replayFile!));
    default:
      throw new UsageError(`--mutator ${config.mutator} is not available in this build`);
  }
}
