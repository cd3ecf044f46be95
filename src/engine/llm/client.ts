// Chat-completions client over the official `openai` SDK, for any OpenAI-compatible base URL.
// Retries (exponential backoff with jitter, Retry-After respected) are done here, not by the SDK,
// so that each attempt, its delay and its reason are visible to the ledger and the stored record.
import OpenAI from 'openai';
import { StopRun } from '../mutator.js';
import type { Usage } from './ledger.js';
import { redactDeep, redactLiterals } from './scrub.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  temperature: number;
  maxTokens: number;
  /** Reasoning models take `max_completion_tokens` and reject a temperature. */
  reasoning?: boolean;
  signal?: AbortSignal;
  /** Uniform [0, 1) numbers for retry jitter (from the run's seeded stream). */
  random: () => number;
}

export interface RetryNote {
  attempt: number;
  reason: string;
  delayMs: number;
}

export interface ChatResult {
  text: string;
  refusal: string | null;
  finishReason: string | null;
  usage: Usage | null;
  /** Model name the endpoint reported (may differ from the requested alias). */
  servedModel: string | null;
  attempts: number;
  retries: RetryNote[];
  latencyMs: number;
}

export type EndpointFailure = 'unreachable' | 'timeout' | 'not-found' | 'auth' | 'server' | 'rate-limit' | 'missing-key' | 'bad-response';

/** A 2xx answer that is not a chat completion (HTML page, truncated JSON, another API's shape). */
class NotACompletion extends Error {}

/** The endpoint cannot serve requests (dead, unknown model, bad key, or still failing after the retries): stop the run. */
export class LlmEndpointError extends StopRun {
  override name = 'LlmEndpointError';
  constructor(
    message: string,
    readonly kind: EndpointFailure,
    readonly status: number | null,
    readonly attempts: number,
  ) {
    super(message);
  }
}

/**
 * This one request was refused (e.g. HTTP 400, prompt too long): the mutator counts it as a failed
 * proposal; only after `maxConsecutiveFailures` in a row does it escape and stop the run.
 */
export class LlmRequestError extends StopRun {
  override name = 'LlmRequestError';
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/** The run is stopping (the caller's abort signal fired). */
export class LlmAborted extends StopRun {
  override name = 'LlmAborted';
}

export interface ChatClientOptions {
  baseUrl: string;
  /** Name of the environment variable holding the key; null for keyless local servers. */
  apiKeyEnv: string | null;
  timeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Where the key is read from (defaults to `process.env`). */
  env?: Record<string, string | undefined>;
}

export interface ChatClient {
  readonly baseUrl: string;
  complete(req: ChatRequest): Promise<ChatResult>;
  /** Model ids the endpoint lists, or null when it has no `/models` route. */
  listModels(signal?: AbortSignal): Promise<string[] | null>;
  /** Replaces the key's value wherever it occurs (strings inside JSON data too). */
  redact<T>(value: T): T;
}

const RETRYABLE_STATUS = new Set([408, 409, 425, 429, 500, 502, 503, 504, 520, 522, 524, 529]);

/** Delay asked for by `retry-after-ms` / `Retry-After` (seconds or an HTTP date), in ms; null when absent or unparsable. */
export function retryAfterMs(headers: Headers | undefined | null, now = Date.now()): number | null {
  if (!headers) return null;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Number(ms);
  const ra = headers.get('retry-after');
  if (ra === null || ra.trim() === '') return null;
  if (/^\s*\d+(\.\d+)?\s*$/.test(ra)) return Number(ra) * 1000;
  const t = Date.parse(ra);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

/** Backoff before retry number `attempt` (1-based): equal jitter over base·2^(attempt-1), capped; Retry-After wins when given. */
export function backoffMs(attempt: number, opts: { retryBaseMs: number; retryMaxMs: number }, u: number, serverAsked: number | null): number {
  if (serverAsked !== null) {
    // Never earlier than the server asked; a little later spreads out clients that were told the same time.
    const ceiling = Math.max(opts.retryMaxMs, 60_000);
    return Math.min(serverAsked, ceiling) * (1 + 0.1 * u);
  }
  const d = Math.min(opts.retryMaxMs, opts.retryBaseMs * 2 ** (attempt - 1));
  return d / 2 + (u * d) / 2;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new LlmAborted('run stopping'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(new LlmAborted('run stopping'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function serverMessage(e: InstanceType<typeof OpenAI.APIError>): string {
  const body = e.error as { message?: unknown } | undefined;
  const m = body && typeof body.message === 'string' ? body.message : e.message;
  return m.length > 300 ? m.slice(0, 300) + '…' : m;
}

export function createChatClient(opts: ChatClientOptions): ChatClient {
  const env = opts.env ?? process.env;
  let key: string | null = null;
  if (opts.apiKeyEnv) {
    const v = env[opts.apiKeyEnv];
    if (v === undefined || v.trim() === '') {
      throw new LlmEndpointError(`environment variable ${opts.apiKeyEnv} (llm.apiKeyEnv / --llm-api-key-env) is not set; export it with the API key for ${opts.baseUrl}`, 'missing-key', null, 0);
    }
    key = v.trim();
  }
  const secrets = key ? [key] : [];
  // Every SDK default that would read OPENAI_* variables is overridden, so only the named variable is used.
  const sdk = new OpenAI({
    baseURL: opts.baseUrl,
    apiKey: key ?? 'no-key',
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    maxRetries: 0,
    timeout: opts.timeoutMs,
    logLevel: 'off',
  });
  const redact = <T>(v: T): T => redactDeep(v, secrets);
  const say = (s: string): string => redactLiterals(s, secrets);

  async function once(req: ChatRequest, signal: AbortSignal): Promise<Omit<ChatResult, 'attempts' | 'retries' | 'latencyMs'>> {
    const r = await sdk.chat.completions.create(
      req.reasoning
        ? { model: req.model, messages: req.messages, max_completion_tokens: req.maxTokens, stream: false }
        : { model: req.model, messages: req.messages, temperature: req.temperature, max_tokens: req.maxTokens, stream: false },
      { signal, timeout: opts.timeoutMs, maxRetries: 0 },
    );
    if (typeof r !== 'object' || r === null || !Array.isArray((r as { choices?: unknown }).choices)) {
      throw new NotACompletion(typeof r === 'string' ? `text starting ${JSON.stringify((r as string).slice(0, 40))}` : 'JSON without a choices array');
    }
    const choice = r.choices[0];
    const msg = choice?.message;
    const u = r.usage;
    return {
      text: typeof msg?.content === 'string' ? msg.content : '',
      refusal: typeof msg?.refusal === 'string' && msg.refusal ? msg.refusal : null,
      finishReason: choice?.finish_reason ?? null,
      usage: u && Number.isFinite(u.prompt_tokens) ? { promptTokens: u.prompt_tokens, completionTokens: u.completion_tokens ?? 0 } : null,
      servedModel: typeof r.model === 'string' ? r.model : null,
    };
  }

  return {
    baseUrl: opts.baseUrl,
    redact,
    async complete(req) {
      const t0 = performance.now();
      const retries: RetryNote[] = [];
      for (let attempt = 1; ; attempt++) {
        if (req.signal?.aborted) throw new LlmAborted('run stopping');
        // Our own deadline covers the whole response, body included (the SDK's covers the headers).
        const ctl = new AbortController();
        let timedOut = false;
        const timer = setTimeout(() => {
          timedOut = true;
          ctl.abort();
        }, opts.timeoutMs);
        const onAbort = (): void => ctl.abort();
        req.signal?.addEventListener('abort', onAbort, { once: true });
        let failure: { reason: string; kind: EndpointFailure; status: number | null; after: number | null };
        try {
          const r = await once(req, ctl.signal);
          return { ...r, attempts: attempt, retries, latencyMs: performance.now() - t0 };
        } catch (e) {
          if (req.signal?.aborted) throw new LlmAborted('run stopping');
          if (e instanceof OpenAI.APIError && e.status !== undefined) {
            const st = e.status;
            const m = say(serverMessage(e));
            if (st === 404) {
              throw new LlmEndpointError(`model '${req.model}' or route not found at ${opts.baseUrl} (HTTP 404: ${m}); check llm.models / --llm-model and llm.baseUrl / --llm-base-url (OpenAI-compatible servers usually end in /v1)`, 'not-found', st, attempt);
            }
            if (st === 401 || st === 403) {
              const hint = opts.apiKeyEnv ? `check the key in environment variable ${opts.apiKeyEnv}` : 'set llm.apiKeyEnv / --llm-api-key-env to the variable holding the key';
              throw new LlmEndpointError(`authentication failed at ${opts.baseUrl} (HTTP ${st}: ${m}); ${hint}`, 'auth', st, attempt);
            }
            if (!RETRYABLE_STATUS.has(st) && st < 500) throw new LlmRequestError(`request refused by ${opts.baseUrl} (HTTP ${st}: ${m})`, st);
            failure = { reason: `HTTP ${st}: ${m}`, kind: st === 429 ? 'rate-limit' : 'server', status: st, after: retryAfterMs(e.headers) };
          } else if (e instanceof NotACompletion || e instanceof SyntaxError) {
            const what = e instanceof NotACompletion ? (e as Error).message : 'invalid JSON';
            failure = { reason: `the endpoint answered with something that is not a chat completion (${what}); is llm.baseUrl the API root, usually ending in /v1?`, kind: 'bad-response', status: null, after: null };
          } else if (timedOut || e instanceof OpenAI.APIConnectionTimeoutError) {
            failure = { reason: `no complete response within ${opts.timeoutMs} ms`, kind: 'timeout', status: null, after: null };
          } else if (e instanceof OpenAI.APIError || e instanceof TypeError) {
            const cause = (e as { cause?: { code?: string; message?: string } }).cause;
            failure = { reason: say(`connection failed: ${cause?.code ?? cause?.message ?? (e as Error).message}`), kind: 'unreachable', status: null, after: null };
          } else {
            throw e;
          }
        } finally {
          clearTimeout(timer);
          req.signal?.removeEventListener('abort', onAbort);
        }
        if (attempt > opts.maxRetries) {
          throw new LlmEndpointError(`LLM endpoint ${opts.baseUrl} failed for model '${req.model}' after ${attempt} attempt(s): ${failure.reason}`, failure.kind, failure.status, attempt);
        }
        const delayMs = backoffMs(attempt, opts, req.random(), failure.after);
        retries.push({ attempt, reason: failure.reason, delayMs: Math.round(delayMs) });
        await sleep(delayMs, req.signal);
      }
    },
    async listModels(signal) {
      try {
        const ids: string[] = [];
        for await (const m of sdk.models.list({ signal, timeout: opts.timeoutMs, maxRetries: 0 })) ids.push(m.id);
        return ids;
      } catch (e) {
        if (e instanceof OpenAI.APIError && (e.status === 404 || e.status === 405)) return null;
        if (e instanceof OpenAI.APIError && (e.status === 401 || e.status === 403)) {
          throw new LlmEndpointError(`authentication failed at ${opts.baseUrl} (HTTP ${e.status}); check llm.apiKeyEnv / --llm-api-key-env`, 'auth', e.status, 1);
        }
        const cause = (e as { cause?: { code?: string } }).cause;
        throw new LlmEndpointError(say(`LLM endpoint ${opts.baseUrl} is unreachable: ${cause?.code ?? (e as Error).message}`), 'unreachable', null, 1);
      }
    },
  };
}
