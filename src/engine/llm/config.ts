// Typed configuration of the LLM mutator, validated with errors that name the offending key.
// The API key itself never appears here: only the NAME of the environment variable holding it.

export interface ModelSpec {
  /** Model name as the endpoint knows it, e.g. `gpt-4.1-mini` or `qwen2.5-coder:7b`. */
  name: string;
  /** Relative sampling weight in `weighted` selection (and the tie-break prior in `ucb`). */
  weight: number;
  temperature: number;
  maxTokens: number;
  /** Per-model endpoint override (e.g. one local and one hosted model in the same ensemble). */
  baseUrl: string;
  apiKeyEnv: string | null;
  /** Reasoning models (o-series, gpt-5…): send `max_completion_tokens` and no temperature. */
  reasoning: boolean;
}

export interface Price {
  /** US dollars per million prompt (input) tokens. */
  inputPerMTok: number;
  /** US dollars per million completion (output) tokens. */
  outputPerMTok: number;
}

export type DiffMode = 'diff' | 'full' | 'auto';

export interface MetaPromptConfig {
  enabled: boolean;
  /** Largest number of instruction texts kept; the weakest is dropped beyond it. */
  populationSize: number;
  /** Ask the LLM for a new instruction text every this many proposals. */
  evolveEvery: number;
  /** Models that write instruction texts (defaults to the mutation models). */
  models: ModelSpec[];
}

export interface LlmConfig {
  baseUrl: string;
  apiKeyEnv: string | null;
  models: ModelSpec[];
  selection: 'weighted' | 'ucb';
  /** UCB exploration constant (c in mean + c·sqrt(ln N / n)). */
  ucbExploration: number;
  /** Weight of the normalised mean cost subtracted from a model's UCB score (0 = ignore cost). */
  costAware: number;
  prices: Record<string, Price>;
  timeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  maxLlmCalls: number | null;
  maxCostUsd: number | null;
  diffMode: DiffMode;
  /** In `auto` mode, ask for a full rewrite when the EVOLVE blocks together are at most this long. */
  fullRewriteMaxChars: number;
  maxInspirations: number;
  maxAncestors: number;
  /** Cap on the execution-feedback section (stderr tail, reasons, stage results). */
  feedbackMaxChars: number;
  /** Stop the run after this many consecutive failed requests that were not retryable. */
  maxConsecutiveFailures: number;
  /** Extra problem-specific context appended to the system message. */
  extraInstructions: string;
  metaPrompt: MetaPromptConfig;
  /** With `--mutator mixed`: the share of proposals made by the LLM (the rest are offline). */
  mixedShare: number;
}

export class LlmConfigError extends Error {
  override name = 'LlmConfigError';
}

type Obj = Record<string, unknown>;

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function fail(key: string, expected: string, got: unknown): never {
  const shown = typeof got === 'string' ? JSON.stringify(got.length > 40 ? got.slice(0, 12) + '…' : got) : String(got);
  throw new LlmConfigError(`${key} must be ${expected}, got ${shown}`);
}

function num(o: Obj, key: string, path: string, def: number, min: number, integer = false, max = Infinity): number {
  const v = o[key];
  if (v === undefined) return def;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
    fail(`${path}.${key}`, `${integer ? 'an integer' : 'a number'} in [${min}, ${max}]`, v);
  }
  return v;
}

function optNum(o: Obj, key: string, path: string, integer: boolean): number | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || (integer && !Number.isInteger(v))) {
    fail(`${path}.${key}`, integer ? 'a positive integer' : 'a positive number', v);
  }
  return v;
}

function url(v: unknown, key: string): string {
  if (typeof v !== 'string' || v.length === 0) fail(key, 'an http(s) URL such as http://localhost:11434/v1', v);
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    fail(key, 'an http(s) URL such as http://localhost:11434/v1', v);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') fail(key, 'an http(s) URL', v);
  if (u.username || u.password) fail(key, 'a URL without credentials (put the key in an environment variable)', u.origin);
  return v.replace(/\/+$/, '');
}

function envName(v: unknown, key: string): string | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string' || !ENV_NAME.test(v) || v.length > 100) {
    // Refuse anything that looks like a key pasted in place of a variable name.
    fail(key, 'the NAME of an environment variable holding the key (e.g. OPENAI_API_KEY), not the key itself', '[hidden]');
  }
  if (/^sk[-_]/.test(v) || (v.length >= 32 && /\d/.test(v) && /[a-z]/.test(v))) {
    fail(key, 'the NAME of an environment variable holding the key (e.g. OPENAI_API_KEY), not the key itself', '[hidden]');
  }
  return v;
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkKeys(o: Obj, allowed: string[], path: string): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) throw new LlmConfigError(`${path}.${k} is not a known key (known: ${allowed.join(', ')})`);
  }
}

const MODEL_KEYS = ['name', 'weight', 'temperature', 'maxTokens', 'baseUrl', 'apiKeyEnv', 'reasoning'];

function models(v: unknown, path: string, defaults: { baseUrl: string; apiKeyEnv: string | null; temperature: number; maxTokens: number }): ModelSpec[] {
  // Accept "a,b", ["a", "b"] or [{ name, weight, … }].
  const items: unknown[] = typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : Array.isArray(v) ? v : fail(path, 'a model name, a comma-separated list or an array of {name, weight}', v);
  if (items.length === 0) fail(path, 'a non-empty list of models', '[]');
  const out = items.map((it, i): ModelSpec => {
    const p = `${path}[${i}]`;
    const o: Obj = typeof it === 'string' ? { name: it } : isObj(it) ? it : fail(p, 'a model name or {name, weight}', it);
    checkKeys(o, MODEL_KEYS, p);
    if (typeof o.name !== 'string' || o.name.trim() === '') fail(`${p}.name`, 'a non-empty model name', o.name);
    const weight = num(o, 'weight', p, 1, 0);
    if (o.reasoning !== undefined && typeof o.reasoning !== 'boolean') fail(`${p}.reasoning`, 'true or false', o.reasoning);
    if (weight === 0) fail(`${p}.weight`, 'a positive number', 0);
    return {
      name: o.name.trim(),
      weight,
      temperature: num(o, 'temperature', p, defaults.temperature, 0, false, 2),
      maxTokens: num(o, 'maxTokens', p, defaults.maxTokens, 1, true),
      baseUrl: o.baseUrl === undefined ? defaults.baseUrl : url(o.baseUrl, `${p}.baseUrl`),
      apiKeyEnv: o.apiKeyEnv === undefined ? defaults.apiKeyEnv : envName(o.apiKeyEnv, `${p}.apiKeyEnv`),
      reasoning: o.reasoning === true,
    };
  });
  const seen = new Set<string>();
  for (const [i, m] of out.entries()) {
    if (seen.has(m.name)) throw new LlmConfigError(`${path}[${i}].name '${m.name}' appears twice`);
    seen.add(m.name);
  }
  return out;
}

const TOP_KEYS = [
  'baseUrl', 'apiKeyEnv', 'models', 'temperature', 'maxTokens', 'selection', 'ucbExploration', 'costAware', 'prices',
  'timeoutMs', 'maxRetries', 'retryBaseMs', 'retryMaxMs', 'maxLlmCalls', 'maxCostUsd', 'diffMode', 'fullRewriteMaxChars',
  'maxInspirations', 'maxAncestors', 'feedbackMaxChars', 'maxConsecutiveFailures', 'extraInstructions', 'metaPrompt',
  'mixedShare',
];

/**
 * Validates a raw `llm` config object (from YAML/JSON or CLI flags) into an `LlmConfig`.
 * `path` prefixes key names in error messages (e.g. `llm`).
 */
export function parseLlmConfig(raw: unknown, path = 'llm'): LlmConfig {
  if (!isObj(raw)) fail(path, 'an object', raw);
  checkKeys(raw, TOP_KEYS, path);
  const baseUrl = url(raw.baseUrl, `${path}.baseUrl`);
  const apiKeyEnv = envName(raw.apiKeyEnv, `${path}.apiKeyEnv`);
  if (raw.models === undefined) throw new LlmConfigError(`${path}.models is required (e.g. "qwen2.5-coder:7b" or a list)`);
  const temperature = num(raw, 'temperature', path, 0.7, 0, false, 2);
  const maxTokens = num(raw, 'maxTokens', path, 4096, 1, true);
  const defaults = { baseUrl, apiKeyEnv, temperature, maxTokens };
  const ms = models(raw.models, `${path}.models`, defaults);

  const selection = raw.selection ?? 'weighted';
  if (selection !== 'weighted' && selection !== 'ucb') fail(`${path}.selection`, "'weighted' or 'ucb'", selection);
  const diffMode = raw.diffMode ?? 'auto';
  if (diffMode !== 'diff' && diffMode !== 'full' && diffMode !== 'auto') fail(`${path}.diffMode`, "'diff', 'full' or 'auto'", diffMode);

  const prices: Record<string, Price> = {};
  if (raw.prices !== undefined) {
    if (!isObj(raw.prices)) fail(`${path}.prices`, 'an object mapping model name to {inputPerMTok, outputPerMTok}', raw.prices);
    for (const [name, p] of Object.entries(raw.prices)) {
      const pp = `${path}.prices.${name}`;
      if (!isObj(p)) fail(pp, 'an object {inputPerMTok, outputPerMTok}', p);
      checkKeys(p, ['inputPerMTok', 'outputPerMTok'], pp);
      if (p.inputPerMTok === undefined || p.outputPerMTok === undefined) throw new LlmConfigError(`${pp} needs both inputPerMTok and outputPerMTok (US$ per million tokens)`);
      prices[name] = { inputPerMTok: num(p, 'inputPerMTok', pp, 0, 0), outputPerMTok: num(p, 'outputPerMTok', pp, 0, 0) };
    }
  }

  const mp: Obj = raw.metaPrompt === undefined ? {} : isObj(raw.metaPrompt) ? raw.metaPrompt : fail(`${path}.metaPrompt`, 'an object', raw.metaPrompt);
  checkKeys(mp, ['enabled', 'populationSize', 'evolveEvery', 'models'], `${path}.metaPrompt`);
  if (mp.enabled !== undefined && typeof mp.enabled !== 'boolean') fail(`${path}.metaPrompt.enabled`, 'true or false', mp.enabled);
  const metaPrompt: MetaPromptConfig = {
    enabled: mp.enabled === true,
    populationSize: num(mp, 'populationSize', `${path}.metaPrompt`, 8, 2, true, 100),
    evolveEvery: num(mp, 'evolveEvery', `${path}.metaPrompt`, 10, 1, true),
    models: mp.models === undefined ? ms : models(mp.models, `${path}.metaPrompt.models`, defaults),
  };

  const maxCostUsd = optNum(raw, 'maxCostUsd', path, false);
  if (maxCostUsd !== null) {
    // A cost cap is meaningless for a model with no price: demand an explicit entry (0 for local models).
    for (const m of [...ms, ...metaPrompt.models]) {
      if (!prices[m.name]) throw new LlmConfigError(`${path}.prices has no entry for model '${m.name}' but maxCostUsd is set (use {inputPerMTok: 0, outputPerMTok: 0} for a free local model)`);
    }
  }
  if (raw.extraInstructions !== undefined && typeof raw.extraInstructions !== 'string') fail(`${path}.extraInstructions`, 'a string', raw.extraInstructions);

  const cfg: LlmConfig = {
    baseUrl,
    apiKeyEnv,
    models: ms,
    selection,
    ucbExploration: num(raw, 'ucbExploration', path, Math.SQRT2, 0),
    costAware: num(raw, 'costAware', path, 0.5, 0, false, 10),
    prices,
    timeoutMs: num(raw, 'timeoutMs', path, 120_000, 1, true),
    maxRetries: num(raw, 'maxRetries', path, 4, 0, true, 20),
    retryBaseMs: num(raw, 'retryBaseMs', path, 1000, 0),
    retryMaxMs: num(raw, 'retryMaxMs', path, 60_000, 0),
    maxLlmCalls: optNum(raw, 'maxLlmCalls', path, true),
    maxCostUsd,
    diffMode,
    fullRewriteMaxChars: num(raw, 'fullRewriteMaxChars', path, 600, 0, true),
    maxInspirations: num(raw, 'maxInspirations', path, 3, 0, true, 20),
    maxAncestors: num(raw, 'maxAncestors', path, 4, 0, true, 50),
    feedbackMaxChars: num(raw, 'feedbackMaxChars', path, 3000, 200, true),
    maxConsecutiveFailures: num(raw, 'maxConsecutiveFailures', path, 5, 1, true),
    extraInstructions: (raw.extraInstructions as string | undefined) ?? '',
    metaPrompt,
    mixedShare: num(raw, 'mixedShare', path, 0.5, 0, false, 1),
  };
  if (cfg.retryMaxMs < cfg.retryBaseMs) fail(`${path}.retryMaxMs`, `at least retryBaseMs (${cfg.retryBaseMs})`, cfg.retryMaxMs);
  return cfg;
}

/** Maps the CLI flags of `evolab run --mutator llm` onto a raw config object (merged over the file's `llm` section). */
export function llmConfigFromFlags(
  flags: { llmBaseUrl?: string; llmModel?: string; llmApiKeyEnv?: string; maxLlmCalls?: string | number; maxCostUsd?: string | number; llmShare?: string | number },
  fileSection: Record<string, unknown> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fileSection };
  if (flags.llmBaseUrl !== undefined) out.baseUrl = flags.llmBaseUrl;
  if (flags.llmModel !== undefined) out.models = flags.llmModel;
  if (flags.llmApiKeyEnv !== undefined) out.apiKeyEnv = flags.llmApiKeyEnv;
  const toNum = (flag: string, v: string | number): number => {
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n) || String(v).trim() === '') throw new LlmConfigError(`--${flag} must be a positive number, got ${JSON.stringify(v)}`);
    return n;
  };
  if (flags.maxLlmCalls !== undefined) out.maxLlmCalls = toNum('max-llm-calls', flags.maxLlmCalls);
  if (flags.maxCostUsd !== undefined) out.maxCostUsd = toNum('max-cost-usd', flags.maxCostUsd);
  if (flags.llmShare !== undefined) out.mixedShare = toNum('llm-share', flags.llmShare);
  return out;
}
