import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, mergeConfig, type RunConfig } from '../../src/engine/config.js';
import { evolve } from '../../src/engine/controller.js';
import { createOfflineMutator } from '../../src/engine/mutators/offline.js';
import { createReplayMutator } from '../../src/engine/mutators/replay.js';
import { openSqliteStore } from '../../src/engine/store/sqlite-store.js';
import { rosenbrock } from '../../src/packs/toy/problems/rosenbrock.js';
import { sineApproximation } from '../../src/packs/toy/problems/sine-approximation.js';
import type { Mutator } from '../../src/engine/mutator.js';
import type { Problem } from '../../src/engine/problem.js';

const dir = mkdtempSync(join(tmpdir(), 'evolab-ctl-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function config(over: Record<string, unknown>): RunConfig {
  return mergeConfig(defaultConfig(1), { workers: 1, limits: { timeoutMs: 5000, memoryMb: 128 }, ...over });
}

async function runOnce(name: string, problem: Problem, cfg: RunConfig, mutator: Mutator = createOfflineMutator(cfg.offline)) {
  const store = openSqliteStore(join(dir, name, 'run.db'));
  store.create({ problemId: problem.id, seed: cfg.seed, config: cfg as unknown as Record<string, unknown>, createdAt: 'now', schema: 1 });
  const summary = await evolve({ problem, store, config: cfg, mutator });
  const history = store.all();
  store.close();
  return { summary, history };
}

test('two runs with the same seed and one worker produce identical histories', async () => {
  const cfg = config({ seed: 'same', iterations: 25 });
  const a = await runOnce('det-a', rosenbrock, cfg);
  const b = await runOnce('det-b', rosenbrock, cfg);
  assert.deepEqual(a.history.map((r) => r.hash), b.history.map((r) => r.hash));
  assert.deepEqual(a.history.map((r) => r.parentSeq), b.history.map((r) => r.parentSeq));
  const c = await runOnce('det-c', rosenbrock, config({ seed: 'other', iterations: 25 }));
  assert.notDeepEqual(a.history.map((r) => r.hash), c.history.map((r) => r.hash));
});

test('the offline mutator improves Rosenbrock and records its changes', async () => {
  const { summary, history } = await runOnce('improve', rosenbrock, config({ seed: 3, iterations: 60 }));
  const initial = history[0].metrics.value;
  assert.ok(summary.best!.score < 0.75 * initial, `best ${summary.best!.score} vs initial ${initial}`);
  const child = history.find((r) => r.seq > 0 && r.status === 'valid')!;
  assert.match(child.diff, /<<<<<<< SEARCH[\s\S]*>>>>>>> REPLACE/);
  assert.equal(typeof child.mutatorData?.sigma, 'number');
  assert.equal(child.generation, history[child.parentSeq!].generation + 1);
});

test('identical candidates hit the behaviour cache; failed diffs and cascade rejections are stored with reasons', async () => {
  const block = (c: string) => `const COEFFICIENTS = [${c}];\n`;
  const good = block('0, 1, 0, -0.16666, 0, 0.00833');
  const steps = [
    { blocks: [good] },
    { blocks: ['// same program, other comments and spacing\n  const COEFFICIENTS = [0,1,0,  -0.16666, 0, 0.00833]; /* note */\n'] },
    { diff: '<<<<<<< SEARCH\nconst NOPE = 1;\n=======\nconst NOPE = 2;\n>>>>>>> REPLACE' },
    { blocks: [block('5, 0, 0, 0, 0, 0')] },
  ];
  const { summary, history } = await runOnce('cache', sineApproximation, config({ iterations: 4, mutator: 'replay', replayFile: 'x' }), createReplayMutator(steps));
  assert.deepEqual(history.map((r) => r.status), ['valid', 'valid', 'cache-hit', 'diff-failed', 'invalid']);
  assert.equal(summary.cacheHits, 1);
  assert.match(history[2].reason!, /same program as #1/);
  assert.match(history[3].reason!, /matches no EVOLVE-BLOCK region/);
  assert.match(history[4].reason!, /stage coarse: maxError .* did not reach the threshold 0.05/);
  assert.equal(history[4].stages.length, 1, 'the fine stage did not run');
  assert.equal(history[1].stages.length, 2);
  assert.ok(history[1].metrics.maxError < 0.01); // Taylor polynomial: error 0.0045 at π/2
});

test('the replay mutator stops the run when its file is exhausted', async () => {
  const { summary } = await runOnce('exhaust', rosenbrock, config({ iterations: 10, mutator: 'replay', replayFile: 'x' }), createReplayMutator([{ blocks: ['const X = [1, 1, 1, 1, 1, 1, 1, 1];\n'] }]));
  assert.equal(summary.stoppedBy, 'mutator');
  assert.equal(summary.candidates, 2);
  assert.equal(summary.best!.score, 0);
});

test('a plateau stops the run', async () => {
  const steps = Array.from({ length: 20 }, () => ({ blocks: ['const X = [5, 5, 5, 5, 5, 5, 5, 5];\n'] }));
  const { summary } = await runOnce('plateau', rosenbrock, config({ iterations: 20, plateau: 3, mutator: 'replay', replayFile: 'x' }), createReplayMutator(steps));
  assert.equal(summary.stoppedBy, 'plateau');
  assert.ok(summary.candidates <= 6, `${summary.candidates} candidates`);
});

test('an invalid initial program is reported, not evolved', async () => {
  const broken: Problem = { ...rosenbrock, id: 'broken', initialProgram: '// EVOLVE-BLOCK-START\nconst X = [1];\n// EVOLVE-BLOCK-END\nexport function run() { return { x: X }; }\n' };
  await assert.rejects(runOnce('broken', broken, config({ iterations: 2 })), /initial program of broken is not valid: .*x must be an array of 8 numbers/);
});

test('a resumed run counts its plateau from the stored history, as an uninterrupted run does', async () => {
  const steps = Array.from({ length: 20 }, () => ({ blocks: ['const X = [5, 5, 5, 5, 5, 5, 5, 5];\n'] }));
  const cfg = config({ iterations: 20, plateau: 3, mutator: 'replay', replayFile: 'x' });
  const whole = await runOnce('plateau-whole', rosenbrock, cfg, createReplayMutator(steps));
  // Interrupt after 2 candidates, then resume with the same settings.
  const file = join(dir, 'plateau-split', 'run.db');
  const store = openSqliteStore(file);
  store.create({ problemId: rosenbrock.id, seed: cfg.seed, config: {}, createdAt: 'now', schema: 1 });
  await evolve({ problem: rosenbrock, store, config: { ...cfg, iterations: 2 }, mutator: createReplayMutator(steps) });
  const resumed = await evolve({ problem: rosenbrock, store, config: cfg, mutator: createReplayMutator(steps) });
  const history = store.all();
  store.close();
  assert.equal(resumed.stoppedBy, 'plateau');
  assert.equal(history.length, whole.history.length);
});

test('when one worker fails, the others stop and nothing is stored after evolve() rejects', async () => {
  let calls = 0;
  const failing: Mutator = {
    name: 'failing',
    async propose(ctx) {
      calls++;
      if (ctx.seq === 3) throw new Error('mutator broke');
      return { blocks: [`const X = [${ctx.seq}, 1, 1, 1, 1, 1, 1, 1];\n`] };
    },
  };
  const file = join(dir, 'failing', 'run.db');
  const store = openSqliteStore(file);
  const cfg = mergeConfig(defaultConfig(2), { workers: 2, iterations: 30 });
  store.create({ problemId: rosenbrock.id, seed: cfg.seed, config: {}, createdAt: 'now', schema: 1 });
  await assert.rejects(evolve({ problem: rosenbrock, store, config: cfg, mutator: failing }), /mutator broke/);
  const stored = store.count();
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(store.count(), stored, 'no candidate was stored after the failure was reported');
  assert.ok(stored < 10 && calls < 10, `stored ${stored}, proposals ${calls}`);
  store.close();
});

test("the run's limits override the problem's own", async () => {
  const steps = [{ blocks: ['const X = (() => { while (true) {} })();\n'] }];
  const t0 = Date.now();
  const { history } = await runOnce('limits', rosenbrock, config({ iterations: 1, mutator: 'replay', replayFile: 'x', limits: { timeoutMs: 700 } }), createReplayMutator(steps));
  assert.equal(history[1].status, 'crashed');
  assert.match(history[1].reason!, /wall-clock limit of 700 ms/);
  assert.ok(Date.now() - t0 < 4000 + 2 * 700);
});
