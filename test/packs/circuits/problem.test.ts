// The engine problem circuits-size-exponent: the initial program, both cascade stages, and rejection
// of malformed or out-of-domain parameter sets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runProgramInProcess } from '../../helpers/program.js';
import { problems } from '../../../src/packs/circuits/problems/index.js';
import { sizeExponentProblem as P } from '../../../src/packs/circuits/problems/size-exponent.js';

test('the problem is exported and its initial program passes both stages', async () => {
  assert.ok(problems.some((p) => p.id === 'circuits-size-exponent'));
  assert.ok(P.metrics.some((m) => m.name === P.primaryMetric));
  const out = await runProgramInProcess(P.initialProgram, P.stages![0].input);
  const est = P.verify(out, P.stages![0]);
  assert.ok(est.valid, est.reason);
  const e = est.metrics.sizeExponent;
  // Any tame circuit is at best the Jessica value 1.2448 and at worst near the trivial √6 exponent.
  assert.ok(e > 1.24 && e < 1.2925, `estimate ${e}`);
  const cert = P.verify(out, P.stages![1]);
  assert.ok(cert.valid, cert.reason);
  // A certified upper bound cannot lie below the Monte Carlo estimate beyond its noise (~1e-3 here).
  assert.ok(cert.metrics.sizeExponent >= e - 5e-3, `certified ${cert.metrics.sizeExponent} vs estimate ${e}`);
  assert.ok(cert.metrics.sizeExponent < 1.35);
});

test('verify rejects malformed and out-of-domain outputs with a reason naming the field', () => {
  const good = { k: 7, H: 8, blocks: [0, 127], mult: [4, 4], Z: 1.2599210498948732, alpha: 0.5, beta: 0.5 };
  const st = P.stages![0];
  assert.ok(P.verify(good, st).valid);
  const cases: [unknown, RegExp][] = [
    [null, /output must be an object/],
    [{ ...good, H: NaN }, /H must be a finite number/],
    [{ ...good, blocks: [0, 'x'] }, /blocks must be an array/],
    [{ ...good, k: 6 }, /k must be 7/],
    [{ ...good, H: 100, mult: [50, 50] }, /H must be at most 64/],
    [{ ...good, mult: [5, 3] }, /self-transpose/],
    [{ ...good, alpha: 0.4 }, /self-transpose/],
    [{ ...good, blocks: [127, 0] }, /strictly increasing/],
    [{ ...good, Z: 3 }, /Z must lie/],
    [{ ...good, mult: [4, 3] }, /sum to H/],
  ];
  for (const [o, re] of cases) {
    const v = P.verify(o, st);
    assert.equal(v.valid, false);
    assert.match(v.reason ?? '', re);
  }
});
