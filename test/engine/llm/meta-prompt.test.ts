import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../../src/core/rng.js';
import { createMetaPromptPopulation, SEED_INSTRUCTIONS } from '../../../src/engine/llm/meta-prompt.js';
import { parseLlmConfig } from '../../../src/engine/llm/config.js';
import { createLlmMutator } from '../../../src/engine/llm/mutator.js';
import type { MutationContext } from '../../../src/engine/mutator.js';
import { startScriptedLlmServer } from '../../helpers/scripted-llm-server.js';
import { record, toyProblem } from './fixtures.js';

test('untried instructions are used first, then UCB favours the successful one', () => {
  const p = createMetaPromptPopulation({ populationSize: 8, evolveEvery: 5 });
  const rng = createRng(2);
  const seen = new Set<string>();
  for (let i = 0; i < SEED_INSTRUCTIONS.length; i++) {
    const it = p.pick(rng, 0.5);
    seen.add(it.id);
    p.update(it.id, it.id === 'seed-2' ? 1 : 0);
  }
  assert.equal(seen.size, SEED_INSTRUCTIONS.length);
  let good = 0;
  for (let i = 0; i < 100; i++) {
    const it = p.pick(rng, 0.5);
    if (it.id === 'seed-2') good++;
    p.update(it.id, it.id === 'seed-2' ? 1 : 0);
  }
  assert.ok(good > 80, `seed-2 picked ${good} times`);
});

test('tick marks every evolveEvery-th proposal; add prunes the weakest tried text; state round-trips', () => {
  const p = createMetaPromptPopulation({ populationSize: 4, evolveEvery: 3 });
  assert.deepEqual([p.tick(), p.tick(), p.tick(), p.tick()], [false, false, true, false]);
  for (const [id, r] of [['seed-0', 0.9], ['seed-1', 0.1], ['seed-2', 0.5], ['seed-3', 0.6]] as const) for (let k = 0; k < 3; k++) p.update(id, r);
  const added = p.add('Try a different initialisation of x.', 'seed-0');
  const ids = p.state().items.map((i) => i.id);
  assert.deepEqual(ids, ['seed-0', 'seed-2', 'seed-3', added.id]);
  const q = createMetaPromptPopulation({ populationSize: 4, evolveEvery: 3 });
  q.restore(p.state());
  assert.deepEqual(q.state(), p.state());
  assert.equal(q.add('Another idea entirely.', null).id, 'mp-2');
});

test('evolve prompt shows the best texts with their success; answers are parsed and capped', () => {
  const p = createMetaPromptPopulation({ populationSize: 8, evolveEvery: 3 });
  p.update('seed-1', 1);
  const { messages, parentId } = p.evolvePrompt('maximise x', createRng(0));
  assert.match(messages[1].content, /\[seed-1\] success 1\.00 over 1 use\(s\)/);
  assert.match(messages[1].content, /maximise x/);
  assert.ok(p.get(parentId));
  assert.equal(p.parse('<think>…</think>Sure! <instruction>  Use  symmetry\nto halve the search. </instruction>'), 'Use symmetry to halve the search.');
  assert.equal(p.parse('ok'), null);
  assert.equal(p.parse('x'.repeat(2000))!.length, 600);
});

test('with meta-prompts on, the mutator evolves an instruction, uses it, and a resumed mutator rebuilds it from the records', async () => {
  const NEW = 'Exploit the upper limit: push x as close to 10 as allowed.';
  const diff = '<<<<<<< SEARCH\n  const x = 1.5;\n=======\n  const x = 9;\n>>>>>>> REPLACE\n';
  const srv = await startScriptedLlmServer((req) => (req.messages[0]?.content.includes('actionable guidance') ? { content: `<instruction>${NEW}</instruction>`, usage: { prompt_tokens: 50, completion_tokens: 20 } } : { content: diff }));
  try {
    const cfg = parseLlmConfig({ baseUrl: srv.url, models: 'm', diffMode: 'diff', metaPrompt: { enabled: true, evolveEvery: 2, populationSize: 5 } });
    const m = createLlmMutator(cfg);
    const parent = record({ seq: 0 });
    const history = [parent];
    for (let seq = 1; seq <= 12; seq++) {
      const ctx: MutationContext = { problem: toyProblem, parent, inspirations: [], ancestors: [], rng: createRng(seq), seq };
      const p = await m.propose(ctx);
      const child = record({ seq, parentSeq: 0, status: 'valid', fitness: seq % 3 === 0 ? 9 : 1.5, metrics: { score: 9 }, mutatorData: p.data ?? null });
      m.observe!(child, parent);
      history.push(child);
    }
    const chats = srv.chatRequests();
    const metaCalls = chats.filter((r) => r.messages[0].content.includes('actionable guidance'));
    assert.equal(metaCalls.length, 6, 'one instruction call every 2 proposals');
    assert.equal(chats.length, 18);
    assert.ok(m.state().meta!.items.some((i) => i.text === NEW && i.origin === 'evolved'));
    assert.ok(chats.some((r) => r.messages[1]?.content.includes(`# Guidance\n${NEW}`)), 'an evolved instruction reached a mutation prompt');
    // resume: a fresh mutator rebuilds ledger, meta-prompt population and bandit from the stored records
    const again = createLlmMutator(cfg);
    again.restoreFromHistory(history);
    const a = m.state();
    const b = again.state();
    assert.deepEqual(b.ledger, a.ledger);
    assert.deepEqual(b.ensemble, a.ensemble);
    assert.deepEqual(b.meta!.items.map((i) => [i.id, i.n, i.rewardSum]), a.meta!.items.map((i) => [i.id, i.n, i.rewardSum]));
    assert.equal(b.meta!.proposals, a.meta!.proposals);
  } finally {
    await srv.close();
  }
});
