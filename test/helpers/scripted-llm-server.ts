// A small OpenAI-compatible chat-completions server on 127.0.0.1 that answers from a script.
// Each request to /v1/chat/completions takes the next step (or asks `script(req)`); every request
// is recorded so tests can inspect the prompts, headers and bodies that reached the endpoint.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ScriptStep {
  /** Assistant message text (a normal 200 answer). */
  content?: string;
  /** HTTP status; non-2xx sends `{error: {message}}` unless `body` is given. */
  status?: number;
  /** Extra response headers, e.g. `{ 'retry-after': '1' }`. */
  headers?: Record<string, string>;
  /** Raw JSON body, sent as is (overrides `content`). */
  body?: unknown;
  /** Raw text body (not JSON), e.g. to send garbage. */
  rawBody?: string;
  /** Never answer (`'headers'`), or send headers and part of the body and then stall (`'body'`). */
  hang?: 'headers' | 'body';
  /** Delay before answering, ms. */
  delayMs?: number;
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
  finishReason?: string;
  refusal?: string;
  /** Model name echoed in the answer (defaults to the requested one). */
  model?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  rawBody: string;
  /** The chat messages, when the body had them. */
  messages: { role: string; content: string }[];
}

export interface ScriptedServer {
  /** Base URL ending in /v1, as a client would be configured. */
  url: string;
  requests: RecordedRequest[];
  /** Chat-completion requests only. */
  chatRequests(): RecordedRequest[];
  /** Model ids served on GET /v1/models (null: answer 404). */
  models: string[] | null;
  close(): Promise<void>;
}

export type Script = ScriptStep[] | ((req: RecordedRequest, index: number) => ScriptStep);

/** Plain successful completion body. */
export function completionBody(model: string, step: ScriptStep): unknown {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: step.model ?? model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: step.content ?? '', refusal: step.refusal ?? null },
        finish_reason: step.finishReason ?? 'stop',
      },
    ],
    usage:
      step.usage === null
        ? undefined
        : { ...(step.usage ?? { prompt_tokens: 100, completion_tokens: 50 }), total_tokens: (step.usage?.prompt_tokens ?? 100) + (step.usage?.completion_tokens ?? 50) },
  };
}

/**
 * Starts the server. With an array script, requests take steps in order and the last step repeats.
 * `models` lists what GET /v1/models returns.
 */
export async function startScriptedLlmServer(script: Script, opts: { models?: string[] | null } = {}): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let chatIndex = 0;
  const state = { models: opts.models === undefined ? ['test-model'] : opts.models };

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string): void => {
    let body: unknown = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      body = null;
    }
    const b = (body ?? {}) as { messages?: { role: string; content: string }[]; model?: string };
    const rec: RecordedRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: { ...req.headers },
      body,
      rawBody: raw,
      messages: Array.isArray(b.messages) ? b.messages : [],
    };
    requests.push(rec);
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/v1/models') {
      if (state.models === null) return json(res, 404, { error: { message: 'not found' } });
      return json(res, 200, { object: 'list', data: state.models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'test' })) });
    }
    if (req.method !== 'POST' || path !== '/v1/chat/completions') return json(res, 404, { error: { message: `no route ${req.method} ${path}` } });
    const i = chatIndex++;
    const step = typeof script === 'function' ? script(rec, i) : script[Math.min(i, script.length - 1)];
    const send = (): void => {
      if (step.hang === 'headers') return; // the client's timeout must end it
      const status = step.status ?? 200;
      const headers = { 'content-type': 'application/json', ...(step.headers ?? {}) };
      if (step.hang === 'body') {
        res.writeHead(status, headers);
        res.write('{"id": "chatcmpl-test", "choices": [');
        return;
      }
      if (step.rawBody !== undefined) {
        res.writeHead(status, headers);
        res.end(step.rawBody);
        return;
      }
      const out = step.body !== undefined ? step.body : status >= 200 && status < 300 ? completionBody(b.model ?? 'unknown', step) : { error: { message: step.content ?? `scripted status ${status}`, type: 'test' } };
      res.writeHead(status, headers);
      res.end(JSON.stringify(out));
    };
    if (step.delayMs) setTimeout(send, step.delayMs);
    else send();
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.path.startsWith('/v1/chat/completions')),
    get models() {
      return state.models;
    },
    set models(v) {
      state.models = v;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
