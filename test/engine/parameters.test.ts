import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allLiterals, findParameters, formatNumber, substitute } from '../../src/engine/mutators/parameters.js';
import { normaliseCode, tokenize } from '../../src/engine/js-tokens.js';

const BLOCK = `// tunables
const STEPS = 120;
const RATE = -0.004; // negative on purpose
const ROWS = [5, 5, -6];
const LABEL = "const X = 3;";
let mixed = [1, 2].map((v) => v * 3);
for (let i = 0; i < 10; i++) {}
`;

test('parameters are the numbers of pure-literal declarations, with unary minus', () => {
  const ps = findParameters(BLOCK);
  assert.deepEqual(ps.map((p) => [p.name, p.value, p.integer]), [
    ['STEPS', 120, true], ['RATE', -0.004, false], ['ROWS[0]', 5, true], ['ROWS[1]', 5, true], ['ROWS[2]', -6, true],
  ]);
});

test('all literals skip strings and comments', () => {
  const values = allLiterals(BLOCK).map((p) => p.value);
  assert.ok(!values.includes(3) || values.filter((v) => v === 3).length === 1); // the 3 in map, not in the string
  assert.ok(values.includes(10));
});

test('substitution rewrites exactly the given spans', () => {
  const ps = findParameters(BLOCK);
  const out = substitute(BLOCK, [{ param: ps[1], value: 0.5 }, { param: ps[4], value: 7 }]);
  assert.match(out, /const RATE = 0\.5; \/\/ negative on purpose/);
  assert.match(out, /const ROWS = \[5, 5, 7\];/);
  assert.equal(findParameters(out).length, 5);
});

test('numbers are formatted to read back as the same kind', () => {
  assert.equal(formatNumber(3.0000001, true), '3');
  assert.equal(formatNumber(2, false), '2.0');
  assert.equal(Number(formatNumber(1 / 3, false)), Number((1 / 3).toPrecision(12)));
  assert.equal(formatNumber(1e-9, false), '1e-9');
});

test('normalised code ignores comments and spacing but not content or line breaks', () => {
  assert.equal(normaliseCode('const a = 1; // x\n\n  const b=2;'), normaliseCode('const a = 1;\nconst b = 2; /* y */'));
  assert.notEqual(normaliseCode('function f() { return\n 1; }'), normaliseCode('function f() { return 1; }'));
  assert.notEqual(normaliseCode('a\n++b'), normaliseCode('a++\nb'));
  assert.notEqual(normaliseCode('const a = 1;'), normaliseCode('const a = 2;'));
  assert.equal(normaliseCode("const s = '// not a comment';"), "const s = '// not a comment' ;");
  const re = tokenize('x = a / b / c; y = /ab+c/g.test(s);').filter((t) => t.type === 'regex');
  assert.deepEqual(re.map((t) => t.text), ['/ab+c/g']);
});
