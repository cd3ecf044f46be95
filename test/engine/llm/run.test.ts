// End to end: the engine's controller driving the LLM mutator against the scripted server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, mergeConfig, type RunConfig } from '../../../src/engine/config.js';
import { evolve } from '../../../src/engine/controller.js';
import { openSqliteStore } from '../../../src/engine/store/sqlite-store.js';
import { parseLlmConfig } from '../../../src/engine/llm/config.js';
import { createLlmMutator, llmUsageFromRecords } from '../../../src/engine/llm/mutator.js';
import { startScriptedLlmServer, type Script } from '../../helpers/scripted-llm-server.js';
import { toyProblem } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'evolab-llm-run-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const raise = (to: number) => `Raise x to ${to}.\n<<<<<<< SEARCH\n  const x = 1.5;\n=======\n  const x = ${to};\n>>>>>>> REPLACE\n`;

function runConfig(iterations: number): RunConfig {
  return mergeConfig(defaultConfig(1), { workers: 1, iterations, seed: 'llm', limits: { timeoutMs: 5000, memoryMb: 128 } });
}

async function run(name: string, script: Script, llm: Record<string, unknown>, iterations: number, env?: Record<string, string>) {
  const srv = await startScriptedLlmServer(script);
  const file = join(dir, name, 'run.db');
  try {
    const cfg = runConfig(iterations);
    const store = openSqliteStore(file);
    if (!store.meta()) store.create({ problemId: toyProblem.id, seed: cfg.seed, config: cfg as unknown as Record<string, unknown>, createdAt: 'now', schema: 1 });
    const mutator = createLlmMutator(parseLlmConfig({ baseUrl: srv.url, models: 'test-model', diffMode: 'diff', retryBaseMs: 5, retryMaxMs: 10, timeoutMs: 3000, ...llm }), { env });
    const summary = await evolve({ problem: toyProblem, store, config: cfg, mutator });
    const history = store.all();
    store.close();
    return { summary, history, srv, mutator, file };
  } finally {
    await srv.close();
  }
}

test('a good diff improves the run; the call cap stops it gracefully with a message', async () => {
  const { summary, history, srv } = await run('cap', [{ content: raise(9) }], { maxLlmCalls: 3 }, 10);
  assert.equal(summary.best!.score, 9);
  assert.equal(summary.stoppedBy, 'mutator');
  assert.match(summary.message!, /LLM call budget exhausted: 3 of --max-llm-calls 3/);
  assert.equal(srv.chatRequests().length, 3);
  assert.equal(history.length, 4, 'initial program + three LLM children');
  assert.match(llmUsageFromRecords(history).summary, /^llm 3 calls · 450 tok · \$0\.0000$/);
  const child = history.find((r) => r.metrics.score === 9)!;
  assert.equal((child.mutatorData!.llm as { model: string }).model, 'test-model');
  assert.ok(Array.isArray((child.mutatorData!.llm as { messages: unknown[] }).messages), 'the prompt is stored with the candidate');
});

test('the cost cap stops the run', async () => {
  const { summary, srv } = await run('cost', [{ content: raise(9), usage: { prompt_tokens: 1000, completion_tokens: 1000 } }], { maxCostUsd: 0.02, prices: { 'test-model': { inputPerMTok: 4, outputPerMTok: 6 } } }, 10);
  assert.equal(summary.stoppedBy, 'mutator');
  assert.match(summary.message!, /LLM cost budget exhausted: \$0\.0200 spent of --max-cost-usd 0\.02/);
  assert.equal(srv.chatRequests().length, 2);
});

test('malformed answers become failed diffs whose diagnostic reaches the next prompt', async () => {
  const { history, srv } = await run('malformed', [{ content: 'no edit here' }, { content: raise(4) }], {}, 2);
  assert.equal(history[1].status, 'diff-failed');
  assert.match(history[1].reason!, /LLM answer unusable: no SEARCH\/REPLACE block found/);
  assert.match(srv.chatRequests()[1].messages[1].content, /attempt #1: malformed — no SEARCH\/REPLACE block found/);
  assert.equal(history[2].metrics.score, 4);
});

test('the API key never reaches the store, the prompts or the candidate environment', async () => {
  const SECRET = 'sk-evolab-store-planted-0a1b2c3d4e5f6789';
  // the model tries to exfiltrate the environment through stderr
  const leak = `Print the environment.\n<<<<<<< SEARCH\n  const x = 1.5;\n=======\n  const x = 2;\n  try { console.error('ENV', JSON.stringify(globalThis.process?.env ?? null)); } catch (e) { console.error('no env', String(e)); }\n>>>>>>> REPLACE\n`;
  const { history, srv, file } = await run('secret', [{ content: leak }, { content: raise(3) }], { apiKeyEnv: 'EVOLAB_STORE_TEST_KEY' }, 2, { EVOLAB_STORE_TEST_KEY: SECRET });
  assert.equal(srv.chatRequests()[0].headers.authorization, `Bearer ${SECRET}`);
  for (const r of srv.chatRequests()) assert.ok(!r.rawBody.includes(SECRET));
  assert.match(history[1].stderrTail, /ENV null/, 'the exfiltration attempt ran and saw no environment');
  assert.ok(!JSON.stringify(history).includes(SECRET));
  for (const f of readdirSync(join(file, '..'))) assert.ok(!readFileSync(join(file, '..', f)).includes(SECRET), `${f} holds the key`);
});

test('a dead endpoint stops the run with a clear message; the store stays consistent and the run resumes', async () => {
  const dead = await run('dead', [{ status: 503 }], { maxRetries: 1 }, 3);
  assert.equal(dead.summary.stoppedBy, 'mutator');
  assert.match(dead.summary.message!, /failed for model 'test-model' after 2 attempt\(s\): HTTP 503/);
  assert.equal(dead.history.length, 1, 'only the initial program is stored');
  const resumed = await run('dead', [{ content: raise(7) }], { maxRetries: 1 }, 3);
  assert.equal(resumed.summary.stoppedBy, 'iterations');
  assert.equal(resumed.history.length, 4);
  assert.equal(resumed.summary.best!.score, 7);
});

test('on resume the ledger is rebuilt from the stored calls, so the caps hold across sessions', async () => {
  const first = await run('resume-cap', [{ content: raise(5) }], { maxLlmCalls: 4 }, 2);
  assert.equal(first.summary.stoppedBy, 'iterations');
  const second = await run('resume-cap', [{ content: raise(6) }], { maxLlmCalls: 4 }, 10);
  assert.equal(second.srv.chatRequests().length, 2, 'two calls were left of the budget of four');
  assert.match(second.summary.message!, /4 of --max-llm-calls 4/);
  assert.equal(second.mutator.ledger.state().calls, 4);
});
