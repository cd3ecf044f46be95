// The run configuration: typed data with defaults, validated once at the edge.
import { DEFAULT_DATABASE, type DatabaseConfig } from './database.js';
import { DEFAULT_OFFLINE, type OfflineConfig } from './mutators/offline.js';
import type { SandboxLimits } from './sandbox/sandbox.js';

export interface RunConfig {
  /** Candidates to generate after the initial program (total for the run). */
  iterations: number;
  /** Wall-clock budget in seconds for one invocation (null = none). */
  timeSeconds: number | null;
  workers: number;
  seed: string;
  /** Stop after this many candidates without a new best (0 = never). */
  plateau: number;
  mutator: string;
  replayFile: string | null;
  database: DatabaseConfig;
  offline: OfflineConfig;
  /** Overrides of the problems' own limits; unset keys keep each problem's (or the engine's) default. */
  limits: Partial<SandboxLimits>;
  /** Settings of other mutators (e.g. `llm`), validated by their own modules. */
  extra: Record<string, unknown>;
}

export function defaultConfig(workers: number): RunConfig {
  return {
    iterations: 200,
    timeSeconds: null,
    workers,
    seed: '0',
    plateau: 0,
    mutator: 'offline',
    replayFile: null,
    database: { ...DEFAULT_DATABASE },
    offline: { ...DEFAULT_OFFLINE },
    limits: {},
    extra: {},
  };
}

export class ConfigError extends Error {}

type Check = (v: unknown, key: string) => unknown;

const int = (min: number, max = Number.MAX_SAFE_INTEGER): Check => (v, key) => {
  const n = typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${key}: expected an integer in [${min}, ${max === Number.MAX_SAFE_INTEGER ? '∞' : max}], got ${JSON.stringify(v)}`);
  }
  return n;
};
const num = (min: number, max = Infinity): Check => (v, key) => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < min || n > max) {
    throw new ConfigError(`${key}: expected a number in [${min}, ${max}], got ${JSON.stringify(v)}`);
  }
  return n;
};
const str: Check = (v, key) => {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string' || v === '') throw new ConfigError(`${key}: expected a non-empty string, got ${JSON.stringify(v)}`);
  return v;
};
const nullable = (c: Check): Check => (v, key) => (v === null ? null : c(v, key));

const TOP: Record<string, Check> = {
  iterations: int(0),
  timeSeconds: nullable(num(0)),
  workers: int(1, 256),
  seed: str,
  plateau: int(0),
  mutator: (v, key) => {
    const s = str(v, key) as string;
    if (!['offline', 'replay', 'llm', 'mixed'].includes(s)) throw new ConfigError(`${key}: expected offline, replay, llm or mixed, got ${JSON.stringify(v)}`);
    return s;
  },
  replayFile: nullable(str),
};
const DATABASE: Record<keyof DatabaseConfig, Check> = {
  islands: int(1, 64),
  migrationInterval: int(0),
  migrationCount: int(0, 100),
  archiveSize: int(1),
  exploitation: num(0),
  exploration: num(0),
  random: num(0),
  lengthBins: int(1, 100),
  topInspirations: int(0, 20),
  diverseInspirations: int(0, 20),
};
const OFFLINE: Record<keyof OfflineConfig, Check> = {
  sigma: num(1e-12, 100),
  minSigma: num(0, 100),
  maxSigma: num(1e-12, 1000),
  crossoverRate: num(0, 1),
  meanChanges: num(0.1, 1000),
};
const LIMITS: Record<keyof SandboxLimits, Check> = {
  timeoutMs: int(1, 2_147_483_647), // the largest delay a Node timer honours
  memoryMb: int(16, 1 << 20),
  maxOutputBytes: int(1024),
};

function section<T extends object>(into: T, from: unknown, checks: Record<string, Check>, prefix: string): void {
  if (typeof from !== 'object' || from === null || Array.isArray(from)) throw new ConfigError(`${prefix}: expected an object`);
  for (const [k, v] of Object.entries(from)) {
    const check = Object.hasOwn(checks, k) ? checks[k] : undefined;
    if (!check) throw new ConfigError(`${prefix}.${k}: unknown key (known: ${Object.keys(checks).join(', ')})`);
    (into as Record<string, unknown>)[k] = check(v, `${prefix}.${k}`);
  }
}

/**
 * Merges a partial configuration (from a file or flags) into `base`, rejecting unknown keys and
 * wrong types with a message naming the key. Keys listed in `extraSections` are kept as data for
 * other modules to validate.
 */
export function mergeConfig(base: RunConfig, partial: Record<string, unknown>, extraSections: string[] = ['llm']): RunConfig {
  const out: RunConfig = structuredClone(base);
  for (const [k, v] of Object.entries(partial)) {
    if (v === undefined) continue;
    if (k === 'database') section(out.database, v, DATABASE, 'database');
    else if (k === 'offline') section(out.offline, v, OFFLINE, 'offline');
    else if (k === 'limits') section(out.limits, v, LIMITS, 'limits');
    else if (extraSections.includes(k)) out.extra[k] = v;
    else if (Object.hasOwn(TOP, k)) (out as unknown as Record<string, unknown>)[k] = TOP[k](v, k);
    else throw new ConfigError(`${k}: unknown key (known: ${[...Object.keys(TOP), 'database', 'offline', 'limits', ...extraSections].join(', ')})`);
  }
  if (out.database.exploitation + out.database.exploration + out.database.random <= 0) {
    throw new ConfigError('database: exploitation + exploration + random must be positive');
  }
  if (out.offline.minSigma > out.offline.maxSigma) throw new ConfigError('offline.minSigma must not exceed offline.maxSigma');
  if (out.mutator === 'replay' && !out.replayFile) throw new ConfigError('replayFile: required with mutator replay (--replay FILE)');
  return out;
}

/**
 * Re-validates a configuration stored with a run (possibly by an older build) over today's
 * defaults, so a missing key gets its default and a bad value is reported instead of used.
 */
export function storedConfig(stored: Record<string, unknown>, workers: number): RunConfig {
  const { extra, ...rest } = stored as Record<string, unknown> & { extra?: Record<string, unknown> };
  return mergeConfig(defaultConfig(workers), { ...rest, ...(extra ?? {}) });
}
