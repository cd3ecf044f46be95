// Turning command-line options and config files into a validated run configuration and mutator.
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parse as parseYaml } from 'yaml';
import { ConfigError, defaultConfig, mergeConfig, type RunConfig } from '../engine/config.js';
import type { Mutator } from '../engine/mutator.js';
import { createMutator as createEngineMutator } from '../engine/mutators/create.js';
import { LlmConfigError, llmConfigFromFlags, parseLlmConfig } from '../engine/llm/index.js';
import type { Problem } from '../engine/problem.js';
import { loadProblemFolder, looksLikeFolder, ProblemFolderError, type LoadedFolder } from '../engine/folder/load.js';
import type { RunMeta } from '../engine/store/store.js';
import { allProblems, findProblem } from '../packs/registry.js';
import { UsageError } from './errors.js';

/** A built-in problem by id or alias, or a problem folder by path; usage errors name what is wrong. */
export function problemOrExit(id: string): Problem {
  if (looksLikeFolder(id)) return loadFolderOrExit(id).problem;
  const p = findProblem(id);
  if (!p) {
    const ids = allProblems().map((x) => x.id).join(', ');
    throw new UsageError(`unknown problem "${id}" (known: ${ids}; see \`evolab problems\`; or give a problem folder's path)`);
  }
  return p;
}

export function loadFolderOrExit(path: string): LoadedFolder {
  try {
    return loadProblemFolder(path);
  } catch (e) {
    if (e instanceof ProblemFolderError) throw new UsageError(e.message);
    throw e;
  }
}

/** The problem a stored run was made for: built in, or loaded again from its folder. */
export function problemOfRun(meta: RunMeta): Problem {
  if (!meta.origin) return problemOrExit(meta.problemId);
  if (!existsSync(meta.origin.path)) throw new UsageError(`the run's problem folder ${meta.origin.path} no longer exists`);
  const problem = loadFolderOrExit(meta.origin.path).problem;
  if (problem.origin!.hash !== meta.origin.hash) {
    process.stderr.write(`evolab: warning: the problem folder ${meta.origin.path} has changed since the run started\n`);
  }
  return problem;
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
  llmBaseUrl?: string;
  llmModel?: string;
  llmApiKeyEnv?: string;
  maxLlmCalls?: string;
  maxCostUsd?: string;
  llmShare?: string;
}

const LLM_FLAGS = ['llmBaseUrl', 'llmModel', 'llmApiKeyEnv', 'maxLlmCalls', 'maxCostUsd', 'llmShare'] as const;

/** Merges the LLM flags over the config's `llm` section and validates it when an LLM mutator is used. */
export function withLlmFlags(config: RunConfig, flags: RunFlags): RunConfig {
  try {
    const section = (config.extra.llm ?? {}) as Record<string, unknown>;
    const given = LLM_FLAGS.some((k) => flags[k] !== undefined);
    const llm = given ? llmConfigFromFlags(flags, section) : section;
    if (config.mutator === 'llm' || config.mutator === 'mixed') parseLlmConfig(llm);
    return given || config.extra.llm !== undefined ? { ...config, extra: { ...config.extra, llm } } : config;
  } catch (e) {
    if (e instanceof LlmConfigError) throw new UsageError(e.message);
    throw e;
  }
}

/** Defaults, then a problem folder's own settings, then --config, then flags. */
export function buildConfig(flags: RunFlags, folderSettings?: Record<string, unknown>): RunConfig {
  try {
    let cfg = defaultConfig(availableParallelism());
    if (folderSettings) cfg = mergeConfig(cfg, folderSettings);
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
    return withLlmFlags(mergeConfig(cfg, {}), flags);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
}

export async function createMutator(config: RunConfig): Promise<Mutator> {
  try {
    return await createEngineMutator(config);
  } catch (e) {
    if (e instanceof LlmConfigError) throw new UsageError(e.message);
    if (e instanceof ConfigError) throw new UsageError(`--${e.message}`);
    throw e;
  }
}
