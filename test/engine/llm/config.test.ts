import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLlmConfig, llmConfigFromFlags, LlmConfigError } from '../../../src/engine/llm/config.js';

test('defaults and model list forms', () => {
  const c = parseLlmConfig({ baseUrl: 'http://localhost:11434/v1/', models: 'qwen2.5-coder:7b, llama3.1:8b' });
  assert.equal(c.baseUrl, 'http://localhost:11434/v1');
  assert.deepEqual(c.models.map((m) => [m.name, m.weight, m.baseUrl]), [
    ['qwen2.5-coder:7b', 1, 'http://localhost:11434/v1'],
    ['llama3.1:8b', 1, 'http://localhost:11434/v1'],
  ]);
  assert.equal(c.selection, 'weighted');
  assert.equal(c.maxLlmCalls, null);
  assert.equal(c.metaPrompt.enabled, false);
  const d = parseLlmConfig({ baseUrl: 'https://api.example.com/v1', apiKeyEnv: 'EX_KEY', models: [{ name: 'fast', weight: 0.8 }, { name: 'slow', weight: 0.2, temperature: 1 }], selection: 'ucb' });
  assert.equal(d.models[1].temperature, 1);
  assert.equal(d.models[0].apiKeyEnv, 'EX_KEY');
});

test('errors name the bad key', () => {
  const bad: [unknown, RegExp][] = [
    [{ models: 'm' }, /llm\.baseUrl must be an http\(s\) URL/],
    [{ baseUrl: 'ftp://x', models: 'm' }, /llm\.baseUrl must be an http\(s\) URL/],
    [{ baseUrl: 'http://u:p@h/v1', models: 'm' }, /llm\.baseUrl must be a URL without credentials/],
    [{ baseUrl: 'http://h/v1' }, /llm\.models is required/],
    [{ baseUrl: 'http://h/v1', models: [{ name: 'a', weight: -1 }] }, /llm\.models\[0\]\.weight must be a number/],
    [{ baseUrl: 'http://h/v1', models: ['a', 'a'] }, /llm\.models\[1\]\.name 'a' appears twice/],
    [{ baseUrl: 'http://h/v1', models: 'a', selection: 'greedy' }, /llm\.selection must be 'weighted' or 'ucb'/],
    [{ baseUrl: 'http://h/v1', models: 'a', maxLlmCalls: 2.5 }, /llm\.maxLlmCalls must be a positive integer/],
    [{ baseUrl: 'http://h/v1', models: 'a', temprature: 1 }, /llm\.temprature is not a known key/],
    [{ baseUrl: 'http://h/v1', models: 'a', maxCostUsd: 1 }, /llm\.prices has no entry for model 'a' but maxCostUsd is set/],
    [{ baseUrl: 'http://h/v1', models: 'a', prices: { a: { inputPerMTok: 1 } } }, /llm\.prices\.a needs both/],
    [{ baseUrl: 'http://h/v1', models: 'a', metaPrompt: { evolveEvery: 0 } }, /llm\.metaPrompt\.evolveEvery must be an integer/],
  ];
  for (const [raw, re] of bad) assert.throws(() => parseLlmConfig(raw), (e: unknown) => e instanceof LlmConfigError && re.test(e.message), JSON.stringify(raw));
});

test('a key pasted where the variable name belongs is refused without echoing it', () => {
  const key = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789';
  assert.throws(
    () => parseLlmConfig({ baseUrl: 'http://h/v1', models: 'a', apiKeyEnv: key }),
    (e: unknown) => e instanceof LlmConfigError && /llm\.apiKeyEnv must be the NAME of an environment variable/.test(e.message) && !e.message.includes('abcdefghij'),
  );
});

test('CLI flags map onto config keys and override the file section', () => {
  const raw = llmConfigFromFlags({ llmBaseUrl: 'http://127.0.0.1:8000/v1', llmModel: 'a,b', llmApiKeyEnv: 'K', maxLlmCalls: '50', maxCostUsd: '1.5' }, { baseUrl: 'http://other/v1', models: 'z', prices: { a: { inputPerMTok: 0, outputPerMTok: 0 }, b: { inputPerMTok: 1, outputPerMTok: 2 } } });
  const c = parseLlmConfig(raw);
  assert.equal(c.baseUrl, 'http://127.0.0.1:8000/v1');
  assert.deepEqual(c.models.map((m) => m.name), ['a', 'b']);
  assert.equal(c.apiKeyEnv, 'K');
  assert.equal(c.maxLlmCalls, 50);
  assert.equal(c.maxCostUsd, 1.5);
  assert.throws(() => llmConfigFromFlags({ maxCostUsd: 'lots' }), /--max-cost-usd must be a positive number/);
});
