import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scrub, redactDeep, tail, head } from '../../../src/engine/llm/scrub.js';

test('key-like strings are hidden, names kept', () => {
  const cases: [string, string][] = [
    ['key sk-proj-AbC123xyz789QwErTy', 'key [redacted]'],
    ['Authorization: Bearer abc.def-123456', 'Authorization: [redacted]'],
    ['OPENAI_API_KEY=hunter2hunter2', 'OPENAI_API_KEY=[redacted]'],
    ['{"token": "a1b2c3d4"}', '{"token": "[redacted]"}'],
    ['aws AKIAABCDEFGHIJKLMNOP here', 'aws [redacted] here'],
    ['gh ghp_0123456789abcdefghijABCDEFGHIJ', 'gh [redacted]'],
    ['hex 0123456789abcdef0123456789abcdef01 end', 'hex [redacted] end'],
  ];
  for (const [input, want] of cases) assert.equal(scrub(input), want, input);
});

test('ordinary stderr, numbers, identifiers and paths survive', () => {
  const text = 'TypeError: Cannot read properties of undefined (reading "radius")\n    at run (file:///sandbox/evolab-run-123/candidate-program.mjs:14:7)\nscore 2.6358627564136983 after 12345678901234567890 steps\nmaximumIterationsBeforeRestartingTheSearch';
  assert.equal(scrub(text), text);
});

test('terminal escapes and control characters are removed; literal secrets redacted anywhere', () => {
  assert.equal(scrub('\u001b[1;31mred\u001b[0m\u0007 bell'), 'red bell');
  assert.equal(scrub('my pass is opensesame!', ['opensesame!']), 'my pass is [redacted]');
  assert.deepEqual(redactDeep({ a: ['x opensesame y'], opensesame: 1 }, ['opensesame']), { a: ['x [redacted] y'], '[redacted]': 1 });
});

test('tail and head cap lengths and mark the cut', () => {
  assert.equal(tail('abcdef', 4), '…def');
  assert.equal(head('abcdef', 4), 'abc…');
  assert.equal(tail('abc', 4), 'abc');
});
