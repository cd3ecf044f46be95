import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAnswer, extractEdits, fencedBlocks, formatDiff, stripReasoning } from '../../../src/engine/llm/response.js';
import { parseDiff } from '../../../src/engine/diff.js';

const diffOpts = { mode: 'diff' as const, blockCount: 1 };

test('SEARCH/REPLACE blocks are extracted, with explanation, from fenced answers', () => {
  const a = 'Idea: use a loop.\n\n```diff\n<<<<<<< SEARCH\n  a = 1;\n  b = 2;\n=======\n  a = 3;\n>>>>>>> REPLACE\n```\n\n<<<<<<< SEARCH\n  c = 4;\n=======\n  c = 5;\n  d = 6;\n>>>>>>> REPLACE\n';
  const r = parseAnswer(a, diffOpts);
  assert.equal(r.kind, 'diff');
  if (r.kind !== 'diff') return;
  assert.deepEqual(r.edits, [
    { search: '  a = 1;\n  b = 2;\n', replace: '  a = 3;\n' },
    { search: '  c = 4;\n', replace: '  c = 5;\n  d = 6;\n' },
  ]);
  assert.equal(r.explanation, 'Idea: use a loop.');
  // the engine's parser reads back the same edits (without the final newline, as it applies them)
  assert.deepEqual(parseDiff(r.diff), [
    { search: '  a = 1;\n  b = 2;', replace: '  a = 3;' },
    { search: '  c = 4;', replace: '  c = 5;\n  d = 6;' },
  ]);
});

test('marker lengths and trailing words are tolerated; an empty REPLACE deletes', () => {
  const r = extractEdits('<<<<<<<< SEARCH\nx\n========\n>>>>>>>> REPLACE (done)\n');
  assert.deepEqual(r, { edits: [{ search: 'x\n', replace: '' }], notes: [] });
  assert.equal(formatDiff([{ search: 'x\n', replace: '' }]), '<<<<<<< SEARCH\nx\n=======\n>>>>>>> REPLACE\n');
});

test('structural errors name the block and the problem', () => {
  const cases: [string, RegExp][] = [
    ['<<<<<<< SEARCH\nx\n>>>>>>> REPLACE', /block 1: SEARCH section not closed by '=======' before line 3/],
    ['<<<<<<< SEARCH\nx\n=======\ny\n', /block 1: missing '>>>>>>> REPLACE' \(answer ended\)/],
    ['<<<<<<< SEARCH\nx\n=======\ny\n<<<<<<< SEARCH\n', /block 1: missing '>>>>>>> REPLACE' before the next SEARCH/],
    ['<<<<<<< SEARCH\n\n=======\ny\n>>>>>>> REPLACE', /block 1: empty SEARCH section/],
    ['<<<<<<< SEARCH\n// EVOLVE-BLOCK-END\n=======\n>>>>>>> REPLACE', /must not touch the EVOLVE-BLOCK marker/],
    ['<<<<<<< SEARCH\nx\n=======\nx\n>>>>>>> REPLACE', /every SEARCH\/REPLACE block was a no-op/],
  ];
  for (const [text, re] of cases) {
    const r = parseAnswer(text, diffOpts);
    assert.equal(r.kind, 'malformed', text);
    if (r.kind === 'malformed') assert.match(r.diagnostic, re);
  }
});

test('an answer cut off at maxTokens is reported as truncated', () => {
  const r = parseAnswer('<<<<<<< SEARCH\nx\n=======\ny', { ...diffOpts, finishReason: 'length' });
  assert.equal(r.kind, 'truncated');
  assert.equal(parseAnswer('', { ...diffOpts, finishReason: 'length' }).kind, 'truncated');
});

test('empty, refusal and content-filter answers are classified', () => {
  assert.equal(parseAnswer('   \n', diffOpts).kind, 'empty');
  assert.equal(parseAnswer('<think>hmm</think>', diffOpts).kind, 'empty');
  assert.equal(parseAnswer('x', { ...diffOpts, refusal: 'no' }).kind, 'refusal');
  assert.equal(parseAnswer('x', { ...diffOpts, finishReason: 'content_filter' }).kind, 'refusal');
  assert.equal(parseAnswer("I'm sorry, I can't help with that.", diffOpts).kind, 'refusal');
  const r = parseAnswer('Just increase x a bit.', diffOpts);
  assert.equal(r.kind, 'malformed');
  if (r.kind === 'malformed') assert.equal(r.diagnostic, 'no SEARCH/REPLACE block found in the answer');
});

test('full rewrites: fenced blocks, or the whole program with markers; counts must match', () => {
  const two = 'Plan.\n```js\nconst a = 1;\n```\nand\n```js\nconst b = 2;\n```';
  assert.deepEqual(parseAnswer(two, { mode: 'full', blockCount: 2 }), { kind: 'blocks', blocks: ['const a = 1;\n', 'const b = 2;\n'], notes: [], explanation: 'Plan.' });
  const wrong = parseAnswer(two, { mode: 'full', blockCount: 1 });
  assert.equal(wrong.kind, 'malformed');
  if (wrong.kind === 'malformed') assert.match(wrong.diagnostic, /expected 1 fenced code block\(s\).*found 2/);
  const whole = '```js\nexport function run() {\n  // EVOLVE-BLOCK-START\n  const x = 3;\n  // EVOLVE-BLOCK-END\n  return x;\n}\n```';
  const r = parseAnswer(whole, { mode: 'diff', blockCount: 1 });
  assert.equal(r.kind, 'blocks');
  if (r.kind === 'blocks') {
    assert.deepEqual(r.blocks, ['  const x = 3;\n']);
    assert.match(r.notes[0], /got a full rewrite/);
  }
});

test('reasoning sections are ignored and fences may use longer backtick runs', () => {
  assert.equal(stripReasoning('<think>a <<<<<<< SEARCH</think>ok'), 'ok');
  assert.deepEqual(fencedBlocks('````js\nconst s = "```";\n````'), ['const s = "```";\n']);
});
