import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../../src/core/rng.js';
import { childReward, createEnsemble } from '../../../src/engine/llm/ensemble.js';

test('childReward: invalid 0, equal 0.5, 1% gain ≈ 0.88, gain over an invalid parent 1', () => {
  assert.equal(childReward({ status: 'diff-failed', fitness: NaN }, { fitness: 1 }), 0);
  assert.equal(childReward({ status: 'valid', fitness: 2 }, { fitness: 2 }), 0.5);
  assert.ok(Math.abs(childReward({ status: 'valid', fitness: 1.01 }, { fitness: 1 }) - (0.5 + 0.5 * Math.tanh(1))) < 1e-12);
  assert.ok(childReward({ status: 'valid', fitness: -2 }, { fitness: -1 }) < 0.01);
  assert.equal(childReward({ status: 'valid', fitness: 3 }, { fitness: NaN }), 1);
});

test('weighted selection follows the weights (within 4 standard errors)', () => {
  const e = createEnsemble([{ name: 'a', weight: 3 }, { name: 'b', weight: 1 }], { selection: 'weighted', exploration: 1, costAware: 0 });
  const rng = createRng(1);
  const n = 4000;
  let a = 0;
  for (let i = 0; i < n; i++) if (e.pick(rng) === 'a') a++;
  const se = Math.sqrt(0.75 * 0.25 / n);
  assert.ok(Math.abs(a / n - 0.75) < 4 * se, `share ${a / n}`);
});

test('UCB tries every model first, then concentrates on the one whose children improve', () => {
  const e = createEnsemble([{ name: 'weak', weight: 1 }, { name: 'strong', weight: 1 }], { selection: 'ucb', exploration: Math.SQRT2, costAware: 0 });
  const rng = createRng(7);
  const p: Record<string, number> = { weak: 0.3, strong: 0.8 };
  const first = [e.pick(rng)];
  e.update(first[0], 0, 0);
  first.push(e.pick(rng));
  assert.deepEqual([...first].sort(), ['strong', 'weak']);
  e.update(first[1], 0, 0);
  const n = 500;
  let weak = 0;
  for (let i = 0; i < n; i++) {
    const m = e.pick(rng);
    if (m === 'weak') weak++;
    e.update(m, rng.float() < p[m] ? 1 : 0, 0);
  }
  // UCB1 (Auer et al. 2002): E[pulls of a worse arm] ≤ 8 ln n / Δ² + 1 + π²/3 ≈ 203 for Δ = 0.5.
  const bound = (8 * Math.log(n)) / 0.25 + 1 + Math.PI ** 2 / 3;
  assert.ok(weak < bound, `weak pulled ${weak} times`);
  assert.ok(e.state().strong.n > e.state().weak.n);
});

test('cost awareness prefers the cheaper of two equally good models', () => {
  const e = createEnsemble([{ name: 'dear', weight: 1 }, { name: 'cheap', weight: 1 }], { selection: 'ucb', exploration: Math.SQRT2, costAware: 0.5 });
  const rng = createRng(3);
  const cost: Record<string, number> = { dear: 0.01, cheap: 0.001 };
  const counts: Record<string, number> = { dear: 0, cheap: 0 };
  for (let i = 0; i < 300; i++) {
    const m = e.pick(rng);
    counts[m]++;
    e.update(m, 0.5, cost[m]);
  }
  // the dear arm is pulled only while its bonus exceeds the cheap arm's by the 0.45 cost gap
  assert.ok(counts.cheap > 0.85 * 300, JSON.stringify(counts));
  const noCost = createEnsemble([{ name: 'dear', weight: 1 }, { name: 'cheap', weight: 1 }], { selection: 'ucb', exploration: Math.SQRT2, costAware: 0 });
  const c2: Record<string, number> = { dear: 0, cheap: 0 };
  for (let i = 0; i < 300; i++) {
    const m = noCost.pick(rng);
    c2[m]++;
    noCost.update(m, 0.5, cost[m]);
  }
  assert.ok(Math.abs(c2.dear - c2.cheap) <= 2, JSON.stringify(c2));
});

test('state restores by model name; unknown models are dropped and new ones start fresh', () => {
  const e = createEnsemble([{ name: 'a', weight: 1 }, { name: 'c', weight: 1 }], { selection: 'ucb', exploration: 1, costAware: 0 });
  e.restore({ a: { n: 4, rewardSum: 3, costSum: 0.1 }, b: { n: 9, rewardSum: 1, costSum: 0 } });
  assert.deepEqual(e.state(), { a: { n: 4, rewardSum: 3, costSum: 0.1 }, c: { n: 0, rewardSum: 0, costSum: 0 } });
  assert.equal(e.pick(createRng(0)), 'c');
  assert.throws(() => e.update('a', 2, 0), /reward must be in \[0, 1\]/);
});
