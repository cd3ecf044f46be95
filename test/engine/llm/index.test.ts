import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLlmMutator, LlmConfigError, LlmEndpointError, llmConfigFromFlags } from '../../../src/engine/llm/index.js';
import { startScriptedLlmServer } from '../../helpers/scripted-llm-server.js';

test('buildLlmMutator: flags merged over the file section, validated, endpoint checked', async () => {
  const srv = await startScriptedLlmServer([{ content: 'x' }], { models: ['served'] });
  try {
    const ok = await buildLlmMutator(llmConfigFromFlags({ llmBaseUrl: srv.url, llmModel: 'served', maxLlmCalls: '7' }, { temperature: 0.2 }));
    assert.equal(ok.name, 'llm');
    assert.equal(ok.ledger.limits.maxLlmCalls, 7);
    await assert.rejects(buildLlmMutator({ baseUrl: srv.url, models: 'absent' }), (e: unknown) => e instanceof LlmEndpointError && e.kind === 'not-found' && /'absent' not served/.test(e.message));
    await assert.rejects(buildLlmMutator({ baseUrl: srv.url, models: 'served', temperature: 5 }), (e: unknown) => e instanceof LlmConfigError && /llm\.temperature/.test(e.message));
    await assert.rejects(buildLlmMutator(undefined), (e: unknown) => e instanceof LlmConfigError && /llm\.baseUrl/.test(e.message));
  } finally {
    await srv.close();
  }
  // nothing listens any more: the preflight reports the endpoint as unreachable
  await assert.rejects(buildLlmMutator({ baseUrl: srv.url, models: 'served' }), (e: unknown) => e instanceof LlmEndpointError && e.kind === 'unreachable');
});
