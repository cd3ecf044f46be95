// Heilbronn, distance ratio and hexagon verifiers: hand examples and perturbations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyHeilbronnConvex, verifyHeilbronnTriangle } from '../../../src/packs/math/verify/heilbronn.js';
import { verifyDistanceRatio } from '../../../src/packs/math/verify/distance-ratio.js';
import { verifyHexagons } from '../../../src/packs/math/verify/hexagon.js';
import { findVerifier } from '../../../src/packs/math/verify/index.js';
import { valid } from '../../../src/packs/math/verify/types.js';
import { copy, loadPublished } from './published-data.js';

test('Heilbronn convex: the unit square corners give 1/2', () => {
  assert.equal(verifyHeilbronnConvex({ points: [[0, 0], [1, 0], [1, 1], [0, 1]] }, 4).value, 0.5);
});

test('Heilbronn triangle: points on the slanted sides pass; nudging one outward is rejected', () => {
  const c = copy(loadPublished('heilbronn_triangle_11').construction) as { points: number[][] };
  const r = verifyHeilbronnTriangle(c, 11);
  assert.equal(r.valid, true, r.reason);
  // Point 5 lies on the left side y = √3x; move it left by a hair.
  c.points[5][0] -= 1e-12;
  assert.match(verifyHeilbronnTriangle(c, 11).reason!, /points\[5\].*outside the triangle/);
});

test('Heilbronn: moving a point changes the score, permuting does not', () => {
  const c = copy(loadPublished('heilbronn_convex_13').construction) as { points: number[][] };
  const base = verifyHeilbronnConvex(c, 13).value!;
  const perm = { points: [...c.points].reverse() };
  assert.equal(verifyHeilbronnConvex(perm, 13).value, base);
  c.points[0][0] += 0.01;
  assert.notEqual(verifyHeilbronnConvex(c, 13).value, base);
  assert.match(verifyHeilbronnConvex({ points: c.points.slice(1) }, 13).reason!, /points: expected 13 entries/);
  assert.match(verifyHeilbronnConvex({ points: [[0, 0], [1, 1], [2, 2]] }, 3).reason!, /zero area/);
  assert.match(findVerifier('heilbronn_triangle_11')!.verify({ points: c.points, triangle: [[0, 0], [2, 0], [1, 1]] }).reason!, /points|triangle/);
});

test('distance ratio: equilateral triangle 1, unit square 2; duplicates rejected', () => {
  assert.equal(verifyDistanceRatio({ points: [[0, 0], [1, 0], [0.5, Math.sqrt(3) / 2]] }, 3, 2).value! - 1 < 1e-15, true);
  assert.equal(verifyDistanceRatio({ points: [[0, 0], [1, 0], [1, 1], [0, 1]] }, 4, 2).value, 2.0000000000000004);
  assert.match(verifyDistanceRatio({ points: [[0, 0], [0, 0], [1, 1]] }, 3, 2).reason!, /coincide/);
  assert.match(verifyDistanceRatio({ points: [[0, 0, 0], [1, 1]] }, 2, 3).reason!, /points\[1\]: expected 3 entries/);
  const c = copy(loadPublished('min_max_distance_ratio_16_2d').construction) as { points: number[][] };
  const base = verifyDistanceRatio(c, 16, 2).value!;
  c.points[0][0] += 0.05;
  assert.ok(verifyDistanceRatio(c, 16, 2).value! > base, 'moving a point of the optimum makes it worse');
});

test('hexagons: one unit hexagon fits an outer hexagon of side 1 (boundary allowed)', () => {
  const r = verifyHexagons({ inner_hexagons: [[0, 0, 0]], outer_center: [0, 0], outer_side_length: 1, outer_angle_degrees: 0 }, 1);
  assert.equal(r.valid, true, r.reason);
  assert.equal(r.value, 1);
});

test('hexagons: touching or overlapping inner hexagons are rejected, separated ones accepted', () => {
  const base = { outer_center: [0, 0.9], outer_side_length: 4, outer_angle_degrees: 0 };
  const touching = verifyHexagons({ ...base, inner_hexagons: [[0, 0, 0], [0, Math.sqrt(3), 0]] }, 2);
  assert.match(touching.reason!, /intersect/);
  const apart = verifyHexagons({ ...base, inner_hexagons: [[0, 0, 0], [0, Math.sqrt(3) * 1.001, 0]] }, 2);
  assert.equal(apart.valid, true, apart.reason);
});

test('hexagons: shrinking the published outer hexagon or moving an inner one is rejected', () => {
  const c = copy(loadPublished('hexagon_packing_11').construction) as Record<string, unknown> & { inner_hexagons: number[][] };
  assert.match(verifyHexagons({ ...c, outer_side_length: 3.93 }, 11).reason!, /outside the outer hexagon/);
  const moved = copy(c);
  moved.inner_hexagons[0][0] += 0.05;
  assert.equal(verifyHexagons(moved, 11).valid, false);
  assert.match(verifyHexagons({ ...c, outer_side_length: NaN }, 11).reason!, /outer_side_length/);
  assert.match(verifyHexagons({ ...c, outer_side_length: -1 }, 11).reason!, /outer_side_length: must be positive/);
});

test('point sets: rescaling is harmless, a far offset is rejected, non-finite scores are rejected', () => {
  const c = copy(loadPublished('min_max_distance_ratio_14_3d').construction) as { points: number[][] };
  const base = verifyDistanceRatio(c, 14, 3).value!;
  assert.equal(verifyDistanceRatio({ points: c.points.map((p) => p.map((x) => x * 2 ** -600)) }, 14, 3).value, base);
  assert.match(verifyDistanceRatio({ points: c.points.map((p) => p.map((x) => x + 1e9)) }, 14, 3).reason!, /10\^6 times their extent/);
  const h = copy(loadPublished('heilbronn_convex_14').construction) as { points: number[][] };
  const hb = verifyHeilbronnConvex(h, 14).value!;
  assert.equal(verifyHeilbronnConvex({ points: h.points.map((p) => p.map((x) => x * 2 ** 700)) }, 14).value, hb);
  assert.match(verifyHeilbronnConvex({ points: h.points.map((p) => [p[0] + 1e8, p[1]]) }, 14).reason!, /extent/);
});

test('a non-finite score is a rejection, not a value', () => {
  assert.deepEqual(valid(Infinity), { valid: false, value: null, reason: 'the score evaluates to Infinity' });
  assert.equal(valid(NaN).valid, false);
});
