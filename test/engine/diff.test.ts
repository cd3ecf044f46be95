import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProgram, renderProgram, ProgramFormatError } from '../../src/engine/blocks.js';
import { applyDiff, applyRewrite, parseDiff } from '../../src/engine/diff.js';

const PROGRAM = `const FIXED = 1;
// EVOLVE-BLOCK-START
const A = 2;
function f(x) {
  return x * A;
}
// EVOLVE-BLOCK-END
export function run() { return f(FIXED); }
// EVOLVE-BLOCK-START
const B = [1, 2, 3];
// EVOLVE-BLOCK-END
`;

const edit = (search: string, replace: string) => `<<<<<<< SEARCH\n${search}\n=======\n${replace}\n>>>>>>> REPLACE`;

test('parse and render round-trip keeps the program byte for byte', () => {
  const p = parseProgram(PROGRAM);
  assert.equal(p.blocks.length, 2);
  assert.equal(p.fixed.length, 3);
  assert.equal(p.blocks[1], 'const B = [1, 2, 3];\n');
  assert.equal(renderProgram(p), PROGRAM);
});

test('unbalanced or missing markers are format errors', () => {
  assert.throws(() => parseProgram('// EVOLVE-BLOCK-START\nx\n'), ProgramFormatError);
  assert.throws(() => parseProgram('x\n// EVOLVE-BLOCK-END\n'), ProgramFormatError);
  assert.throws(() => parseProgram('const x = 1;\n'), /no EVOLVE-BLOCK/);
});

test('exact SEARCH/REPLACE edits change only the matched block text', () => {
  const r = applyDiff(PROGRAM, edit('const A = 2;', 'const A = 3;') + '\nsome prose\n' + edit('const B = [1, 2, 3];', 'const B = [4];'));
  assert.ok(r.ok);
  assert.equal(r.tolerant, 0);
  assert.equal(r.source, PROGRAM.replace('const A = 2;', 'const A = 3;').replace('[1, 2, 3]', '[4]'));
});

test('whitespace-tolerant matching is used only when the exact match fails', () => {
  const r = applyDiff(PROGRAM, edit('function f(x) {\n    return x * A;\n}', 'function f(x) {\n  return x * A * A;\n}'));
  assert.ok(r.ok);
  assert.equal(r.tolerant, 1);
  assert.match(r.source, /return x \* A \* A;/);
  assert.doesNotMatch(r.source, /return x \* A;\n/);
});

test('a SEARCH text that matches nothing is diagnosed with its edit number and first line', () => {
  const r = applyDiff(PROGRAM, edit('const A = 2;', 'const A = 5;') + '\n' + edit('const Z = 9;', 'const Z = 1;'));
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.error : '', /edit 2 of 2 \(SEARCH starting "const Z = 9;"\).*matches no EVOLVE-BLOCK region/);
});

test('edits outside the blocks are refused, even when the text exists there', () => {
  const r = applyDiff(PROGRAM, edit('const FIXED = 1;', 'const FIXED = 100;'));
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.error : '', /outside the EVOLVE-BLOCK regions/);
  const spanning = applyDiff(PROGRAM, edit('}\n// EVOLVE-BLOCK-END', '}'));
  assert.equal(spanning.ok, false);
});

test('markers cannot be introduced or removed, and empty diffs are rejected', () => {
  const r = applyDiff(PROGRAM, edit('const A = 2;', '// EVOLVE-BLOCK-END\nconst A = 2;'));
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.error : '', /markers/);
  const none = applyDiff(PROGRAM, 'I would change A to 3.');
  assert.equal(none.ok, false);
  assert.match(!none.ok ? none.error : '', /no SEARCH\/REPLACE block/);
});

test('full-block rewrites replace every block and keep the fixed text', () => {
  const r = applyRewrite(PROGRAM, ['const A = 7;\nfunction f(x) { return A; }', 'const B = [];\n']);
  assert.ok(r.ok);
  assert.ok(r.source.startsWith('const FIXED = 1;\n// EVOLVE-BLOCK-START\nconst A = 7;'));
  assert.ok(r.source.includes('// EVOLVE-BLOCK-END\nexport function run() { return f(FIXED); }\n'));
  assert.equal(applyRewrite(PROGRAM, ['only one']).ok, false);
  assert.equal(applyRewrite(PROGRAM, ['// EVOLVE-BLOCK-START', 'x']).ok, false);
});

test('parseDiff reads several edits and tolerates CRLF', () => {
  const edits = parseDiff((edit('a', 'b') + '\n' + edit('c\nd', '')).replace(/\n/g, '\r\n'));
  assert.deepEqual(edits, [{ search: 'a', replace: 'b' }, { search: 'c\nd', replace: '' }]);
});
