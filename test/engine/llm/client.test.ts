import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createChatClient, retryAfterMs, backoffMs, LlmEndpointError, LlmRequestError, LlmAborted } from '../../../src/engine/llm/client.js';
import { startScriptedLlmServer } from '../../helpers/scripted-llm-server.js';

const fast = { timeoutMs: 2000, maxRetries: 3, retryBaseMs: 5, retryMaxMs: 20 };
const req = (model = 'm') => ({ model, messages: [{ role: 'user' as const, content: 'hi' }], temperature: 0.5, maxTokens: 100, random: () => 0.5 });

test('a plain answer returns text, usage and the served model; the key travels only in the Authorization header', async () => {
  const srv = await startScriptedLlmServer([{ content: 'hello', usage: { prompt_tokens: 11, completion_tokens: 7 }, model: 'm-2024' }]);
  try {
    const c = createChatClient({ baseUrl: srv.url, apiKeyEnv: 'TEST_KEY', env: { TEST_KEY: 'sk-test-SECRET-123456789' }, ...fast });
    const r = await c.complete(req());
    assert.equal(r.text, 'hello');
    assert.deepEqual(r.usage, { promptTokens: 11, completionTokens: 7 });
    assert.equal(r.servedModel, 'm-2024');
    assert.equal(r.attempts, 1);
    assert.equal(srv.requests[0].headers.authorization, 'Bearer sk-test-SECRET-123456789');
    assert.ok(!srv.requests[0].rawBody.includes('SECRET'));
  } finally {
    await srv.close();
  }
});

test('OPENAI_* variables are ignored unless named', async () => {
  const srv = await startScriptedLlmServer([{ content: 'x' }]);
  const saved = process.env.OPENAI_API_KEY;
  process.env.OPENAI_API_KEY = 'sk-ambient-should-not-be-sent';
  try {
    const c = createChatClient({ baseUrl: srv.url, apiKeyEnv: null, ...fast });
    await c.complete(req());
    assert.equal(srv.requests[0].headers.authorization, 'Bearer no-key');
  } finally {
    if (saved === undefined) delete process.env.OPENAI_API_KEY;
    else process.env.OPENAI_API_KEY = saved;
    await srv.close();
  }
});

test('429 with Retry-After is retried after at least the requested delay', async () => {
  const srv = await startScriptedLlmServer([{ status: 429, headers: { 'retry-after': '1' } }, { content: 'ok' }]);
  try {
    const c = createChatClient({ baseUrl: srv.url, apiKeyEnv: null, ...fast });
    const t0 = Date.now();
    const r = await c.complete(req());
    const dt = Date.now() - t0;
    assert.equal(r.text, 'ok');
    assert.equal(r.attempts, 2);
    assert.equal(srv.chatRequests().length, 2);
    assert.ok(dt >= 1000, `waited ${dt} ms, expected at least the 1 s the server asked for`);
    assert.ok(r.retries[0].delayMs >= 1000 && r.retries[0].delayMs <= 1100, `delay ${r.retries[0].delayMs}`);
    assert.match(r.retries[0].reason, /429/);
  } finally {
    await srv.close();
  }
});

test('5xx is retried with backoff and gives up with a clear endpoint error', async () => {
  const srv = await startScriptedLlmServer([{ status: 503 }]);
  try {
    const c = createChatClient({ baseUrl: srv.url, apiKeyEnv: null, ...fast, maxRetries: 2 });
    await assert.rejects(c.complete(req()), (e: unknown) => {
      assert.ok(e instanceof LlmEndpointError);
      assert.equal(e.kind, 'server');
      assert.equal(e.attempts, 3);
      assert.match(e.message, /after 3 attempt/);
      return true;
    });
    assert.equal(srv.chatRequests().length, 3);
  } finally {
    await srv.close();
  }
});

test('a response that hangs before its headers times out, is retried, then fails as a timeout', async () => {
  const srv = await startScriptedLlmServer([{ hang: 'headers' }]);
  try {
    const c = createChatClient({ baseUrl: srv.url, apiKeyEnv: null, timeoutMs: 150, maxRetries: 1, retryBaseMs: 5, retryMaxMs: 10 });
    const t0 = Date.now();
    await assert.rejects(c.complete(req()), (e: unknown) => e instanceof LlmEndpointError && e.kind === 'timeout' && /150 ms/.test(e.message));
    const dt = Date.now() - t0;
    assert.ok(dt >= 300 && dt < 3000, `took ${dt} ms`);
    assert.equal(srv.chatRequests().length, 2);
  } finally {
    await srv.close();
  }
});

test('a response that stalls mid-body also times out', async () => {
  const srv = await startScriptedLlmServer([{ hang: 'body' }, { content: 'second try' }]);
  try {
    const c = createChatClient({ baseUrl: srv.url, apiKeyEnv: null, timeoutMs: 150, maxRetries: 1, retryBaseMs: 5, retryMaxMs: 10 });
    const r = await c.complete(req());
    assert.equal(r.text, 'second try');
    assert.match(r.retries[0].reason, /no complete response within 150 ms/);
  } finally {
    await srv.close();
  }
});

test('an unknown model (404) fails at once with a message naming the model and the config keys', async () => {
  const srv = await startScriptedLlmServer([{ status: 404, content: "model 'nope' not found" }]);
  try {
    const c = createChatClient({ baseUrl: srv.url, apiKeyEnv: null, ...fast });
    await assert.rejects(c.complete(req('nope')), (e: unknown) => e instanceof LlmEndpointError && e.kind === 'not-found' && /'nope'/.test(e.message) && /--llm-model/.test(e.message));
    assert.equal(srv.chatRequests().length, 1);
  } finally {
    await srv.close();
  }
});

test('a dead endpoint fails after the retries as unreachable', async () => {
  const srv = await startScriptedLlmServer([{ content: 'x' }]);
  const url = srv.url;
  await srv.close(); // nothing listens on this port now
  const c = createChatClient({ baseUrl: url, apiKeyEnv: null, ...fast, maxRetries: 2 });
  await assert.rejects(c.complete(req()), (e: unknown) => e instanceof LlmEndpointError && e.kind === 'unreachable' && e.attempts === 3 && /ECONNREFUSED|connection/.test(e.message));
});

test('400 is a per-request refusal, not an endpoint failure; 401 names the key variable but never the key', async () => {
  const srv = await startScriptedLlmServer([{ status: 400, content: 'prompt too long' }, { status: 401, content: 'bad key' }]);
  try {
    const c = createChatClient({ baseUrl: srv.url, apiKeyEnv: 'K', env: { K: 'sk-live-abcdefghijklmnop' }, ...fast });
    await assert.rejects(c.complete(req()), (e: unknown) => e instanceof LlmRequestError && /prompt too long/.test(e.message));
    await assert.rejects(c.complete(req()), (e: unknown) => e instanceof LlmEndpointError && e.kind === 'auth' && /variable K\b/.test(e.message) && !e.message.includes('abcdefghijklmnop'));
  } finally {
    await srv.close();
  }
});

test('a missing key variable is reported by name before any request', () => {
  assert.throws(() => createChatClient({ baseUrl: 'http://127.0.0.1:9/v1', apiKeyEnv: 'NOT_SET_ANYWHERE', env: {}, ...fast }), (e: unknown) => e instanceof LlmEndpointError && e.kind === 'missing-key' && /NOT_SET_ANYWHERE/.test(e.message));
});

test('an abort signal stops a hanging call promptly', async () => {
  const srv = await startScriptedLlmServer([{ hang: 'headers' }]);
  try {
    const c = createChatClient({ baseUrl: srv.url, apiKeyEnv: null, ...fast, timeoutMs: 10_000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const t0 = Date.now();
    await assert.rejects(c.complete({ ...req(), signal: ac.signal }), LlmAborted);
    assert.ok(Date.now() - t0 < 2000);
  } finally {
    await srv.close();
  }
});

test('listModels returns ids, or null when the route is absent', async () => {
  const srv = await startScriptedLlmServer([], { models: ['a', 'b'] });
  try {
    const c = createChatClient({ baseUrl: srv.url, apiKeyEnv: null, ...fast });
    assert.deepEqual(await c.listModels(), ['a', 'b']);
    srv.models = null;
    assert.equal(await c.listModels(), null);
  } finally {
    await srv.close();
  }
});

test('Retry-After parsing and backoff bounds', () => {
  const h = (o: Record<string, string>) => new Headers(o);
  assert.equal(retryAfterMs(h({ 'retry-after': '2' })), 2000);
  assert.equal(retryAfterMs(h({ 'retry-after-ms': '250' })), 250);
  assert.equal(retryAfterMs(h({ 'retry-after': new Date(10_000).toUTCString() }), 4000), 6000);
  assert.equal(retryAfterMs(h({})), null);
  const o = { retryBaseMs: 100, retryMaxMs: 1000 };
  // equal jitter: attempt k lies in [d/2, d] with d = min(max, base·2^(k-1))
  assert.equal(backoffMs(1, o, 0, null), 50);
  assert.equal(backoffMs(3, o, 1, null), 400);
  assert.equal(backoffMs(10, o, 0.5, null), 750);
  assert.equal(backoffMs(1, o, 0, 5000), 5000);
});

test('an answer that is not a chat completion is retried, then reported with a hint about the base URL', async () => {
  const srv = await startScriptedLlmServer([{ rawBody: 'not json' }, { content: 'fine' }]);
  try {
    const c = createChatClient({ baseUrl: srv.url, apiKeyEnv: null, ...fast });
    const r = await c.complete(req());
    assert.equal(r.text, 'fine');
    assert.match(r.retries[0].reason, /not a chat completion \(invalid JSON\)/);
  } finally {
    await srv.close();
  }
  const html = await startScriptedLlmServer([{ rawBody: '<html>welcome</html>', headers: { 'content-type': 'text/html' } }]);
  try {
    const c = createChatClient({ baseUrl: html.url, apiKeyEnv: null, ...fast, maxRetries: 1 });
    await assert.rejects(c.complete(req()), (e: unknown) => e instanceof LlmEndpointError && e.kind === 'bad-response' && /ending in \/v1/.test(e.message) && /<html>/.test(e.message));
  } finally {
    await html.close();
  }
});

test('reasoning models get max_completion_tokens and no temperature', async () => {
  const srv = await startScriptedLlmServer([{ content: 'a' }]);
  try {
    const c = createChatClient({ baseUrl: srv.url, apiKeyEnv: null, ...fast });
    await c.complete(req());
    await c.complete({ ...req(), reasoning: true });
    const [plain, reasoning] = srv.chatRequests().map((r) => r.body as Record<string, unknown>);
    assert.equal(plain.max_tokens, 100);
    assert.equal(plain.temperature, 0.5);
    assert.equal(reasoning.max_completion_tokens, 100);
    assert.ok(!('temperature' in reasoning) && !('max_tokens' in reasoning));
  } finally {
    await srv.close();
  }
});
