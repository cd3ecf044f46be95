import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BudgetExhausted, createLedger } from '../../../src/engine/llm/ledger.js';

const prices = { big: { inputPerMTok: 2.5, outputPerMTok: 10 }, local: { inputPerMTok: 0, outputPerMTok: 0 } };

test('cost is usage times the price per million tokens; unpriced models cost nothing', () => {
  const l = createLedger({ prices, maxLlmCalls: null, maxCostUsd: null });
  l.begin('big');
  assert.equal(l.settle('big', { promptTokens: 2000, completionTokens: 500 }), (2000 * 2.5 + 500 * 10) / 1e6);
  l.begin('other');
  assert.equal(l.settle('other', { promptTokens: 100, completionTokens: 100 }), 0);
  l.begin('local');
  l.settle('local', null);
  const s = l.state();
  assert.equal(s.calls, 3);
  assert.equal(s.promptTokens, 2100);
  assert.equal(s.completionTokens, 600);
  assert.equal(s.unpricedCalls, 1);
  assert.equal(s.byModel.big.costUsd, 0.01);
  assert.equal(l.summary(), 'llm 3 calls · 2.7k tok · $0.0100');
});

test('caps: the call cap counts started calls; the cost cap trips once spending reaches it', () => {
  const l = createLedger({ prices, maxLlmCalls: 2, maxCostUsd: 0.015 });
  l.check();
  l.begin('big');
  l.settle('big', { promptTokens: 2000, completionTokens: 500 }); // $0.01
  l.check();
  l.begin('big'); // started, not finished: still counts against the call cap
  assert.throws(() => l.check(), (e: unknown) => e instanceof BudgetExhausted && e.kind === 'calls' && /2 of --max-llm-calls 2/.test(e.message));
  const c = createLedger({ prices, maxLlmCalls: null, maxCostUsd: 0.015 });
  c.begin('big');
  c.settle('big', { promptTokens: 2000, completionTokens: 500 });
  c.check();
  c.begin('big');
  c.settle('big', { promptTokens: 2000, completionTokens: 500 });
  assert.throws(() => c.check(), (e: unknown) => e instanceof BudgetExhausted && e.kind === 'cost' && e.used === 0.02 && e.limit === 0.015);
  assert.match(c.summary(), /\$0\.0200\/\$0\.015$/);
});

test('state round-trips', () => {
  const l = createLedger({ prices, maxLlmCalls: 5, maxCostUsd: null });
  l.begin('big');
  l.settle('big', { promptTokens: 1, completionTokens: 2 });
  const m = createLedger({ prices, maxLlmCalls: 5, maxCostUsd: null });
  m.restore(l.state());
  assert.deepEqual(m.state(), l.state());
});
