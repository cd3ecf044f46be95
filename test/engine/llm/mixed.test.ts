import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../../src/core/rng.js';
import type { CandidateRecord } from '../../../src/engine/candidate.js';
import type { Mutator } from '../../../src/engine/mutator.js';
import { createMixedMutator } from '../../../src/engine/llm/mixed.js';
import { record, toyProblem } from './fixtures.js';

function fake(name: string, seen: number[]): Mutator {
  return {
    name,
    async propose() {
      return { diff: name, data: { tag: name } };
    },
    observe(child: CandidateRecord) {
      seen.push(child.seq);
    },
  };
}

test('mixed interleaves by the ratio (within 4 standard errors) and routes children back', async () => {
  const a: number[] = [];
  const b: number[] = [];
  const m = createMixedMutator(fake('offline', a), fake('llm', b), 0.25);
  const rng = createRng(5);
  const parent = record({ seq: 0 });
  let llm = 0;
  const n = 2000;
  for (let seq = 1; seq <= n; seq++) {
    const p = await m.propose({ problem: toyProblem, parent, inspirations: [], ancestors: [], rng, seq });
    assert.equal(p.data!.tag, p.data!.via);
    if (p.data!.via === 'llm') llm++;
    m.observe!(record({ seq, parentSeq: 0, mutatorData: p.data ?? null }), parent);
  }
  assert.ok(Math.abs(llm / n - 0.25) < 4 * Math.sqrt(0.25 * 0.75 / n), `share ${llm / n}`);
  assert.equal(b.length, llm);
  assert.equal(a.length, n - llm);
  assert.throws(() => createMixedMutator(fake('x', a), fake('y', b), 1.5), /share must be in \[0, 1\]/);
});
