// Every published construction verifies to its published value (relative error ≤ 1e-12, exact
// for integer scores). The 54265-element sums/differences set has its own test file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findVerifier, verifiers } from '../../../src/packs/math/verify/index.js';
import { assertRel, loadPublished, publishedIds } from './published-data.js';

const CIRCLES = /^circle_packing_/;
const SLOW = new Set(['sums_differences_54265']);

for (const id of publishedIds()) {
  if (SLOW.has(id)) continue;
  test(`${id}: published construction reproduces its value`, { skip: CIRCLES.test(id) && !findVerifier(id) ? 'circle verifiers are registered separately' : false }, () => {
    const data = loadPublished(id);
    const v = findVerifier(id);
    assert.ok(v, `no verifier for ${id}`);
    assert.equal(v.direction, data.direction);
    const r = v.verify(data.construction);
    assert.equal(r.valid, true, r.reason);
    if (Number.isInteger(data.published_value)) assert.equal(r.value, data.published_value);
    else assertRel(r.value, data.published_value, 1e-12, id);
  });
}

test('every non-circle data file has a verifier and every verifier has a data file', () => {
  const ids = publishedIds();
  for (const id of ids) if (!CIRCLES.test(id)) assert.ok(findVerifier(id), `missing verifier for ${id}`);
  for (const v of verifiers) assert.ok(ids.includes(v.id), `verifier ${v.id} has no data file`);
  assert.equal(new Set(verifiers.map((v) => v.id)).size, verifiers.length, 'duplicate verifier ids');
  for (const v of verifiers) {
    assert.ok(v.direction === 'min' || v.direction === 'max', v.id);
    assert.ok(v.tolerance >= 0 && v.toleranceNote.length > 10, `${v.id} states no tolerance`);
  }
});

test('verifiers reject non-objects, missing fields and NaN with a reason naming the field', () => {
  for (const v of verifiers) {
    for (const bad of [null, 42, 'x', []]) {
      const r = v.verify(bad);
      assert.equal(r.valid, false, `${v.id} accepted ${JSON.stringify(bad)}`);
      assert.match(r.reason ?? '', /construction|expected/, v.id);
    }
    const r = v.verify({});
    assert.equal(r.valid, false, `${v.id} accepted {}`);
    assert.ok((r.reason ?? '').length > 0);
  }
});
