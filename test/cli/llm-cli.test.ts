// `evolab run --mutator llm|mixed` end to end through the command line against the scripted server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evolabAsync } from '../helpers/cli.js';
import { startScriptedLlmServer } from '../helpers/scripted-llm-server.js';

const dir = mkdtempSync(join(tmpdir(), 'evolab-llm-cli-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const toOptimum = '<<<<<<< SEARCH\nconst X = [-1.2, 1.0, -1.2, 1.0, -1.2, 1.0, -1.2, 1.0];\n=======\nconst X = [1, 1, 1, 1, 1, 1, 1, 1];\n>>>>>>> REPLACE';

test('an LLM run improves the program, stops at the call cap, and best reports the ledger', async () => {
  const srv = await startScriptedLlmServer(() => ({ content: `Move every coordinate to 1.\n${toOptimum}`, usage: { prompt_tokens: 100, completion_tokens: 20 } }));
  srv.models = ['m1'];
  try {
    const out = join(dir, 'llm');
    const r = await evolabAsync(['run', 'rosenbrock-8', '--mutator', 'llm', '--llm-base-url', srv.url, '--llm-model', 'm1', '--max-llm-calls', '3', '--iterations', '10', '--workers', '1', '--out', out, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout) as { best: { score: number }; stoppedBy: string; message: string };
    assert.equal(s.best.score, 0);
    assert.equal(s.stoppedBy, 'mutator');
    assert.match(s.message, /call|budget|cap/i);
    assert.equal(srv.chatRequests().length, 3);
    const best = await evolabAsync(['best', out, '--json']);
    const b = JSON.parse(best.stdout) as { llm: { calls: number; promptTokens: number } };
    assert.equal(b.llm.calls, 3);
    assert.equal(b.llm.promptTokens, 300);
  } finally {
    await srv.close();
  }
});

test('bad LLM settings are usage errors and leave no run directory behind', async () => {
  const r = await evolabAsync(['run', 'rosenbrock-8', '--mutator', 'llm', '--llm-model', 'm1', '--max-llm-calls', 'many', '--out', join(dir, 'bad')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /max-llm-calls/);
  const dead = await evolabAsync(['run', 'rosenbrock-8', '--mutator', 'llm', '--llm-base-url', 'http://127.0.0.1:9/v1', '--llm-model', 'm1', '--out', join(dir, 'dead')]);
  assert.equal(dead.code, 1);
  assert.match(dead.stderr, /127\.0\.0\.1:9/);
  assert.ok(!existsSync(join(dir, 'bad')) && !existsSync(join(dir, 'dead')));
});
