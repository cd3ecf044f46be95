import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPacking } from '../../../src/packs/math/circles.js';
import { circlePacking26, circlePacking32, circlePackingRectangle21 } from '../../../src/packs/math/problems/circle-packing.js';
import { runProgramInProcess } from '../../helpers/program.js';
import { sharedDir } from '../../helpers/paths.js';

function published(name: string): { construction: { circles: number[][] }; published_value: number } {
  return JSON.parse(readFileSync(join(sharedDir(), 'data', 'alphaevolve', `${name}.json`), 'utf8'));
}

for (const [name, problem] of [
  ['circle_packing_square_26', circlePacking26],
  ['circle_packing_square_32', circlePacking32],
  ['circle_packing_rectangle_21', circlePackingRectangle21],
] as const) {
  test(`${name}: the published construction verifies to its published value`, () => {
    const d = published(name);
    const v = problem.verify(d.construction, null);
    assert.ok(v.valid, v.reason);
    assert.ok(Math.abs(v.metrics.sumRadii - d.published_value) <= 1e-12 * d.published_value);
  });

  test(`${name}: the initial program yields a valid packing`, async () => {
    const v = problem.verify(await runProgramInProcess(problem.initialProgram), null);
    assert.ok(v.valid, v.reason);
    assert.ok(v.metrics.sumRadii > 0.5);
  });
}

test('perturbed published packings are rejected for the right reason', () => {
  const base = published('circle_packing_square_26').construction.circles;
  const copy = () => base.map((c) => [...c]);
  // Grow every radius by a relative 1e-6: the published packing is tight to about 1e-8, so it must now overlap or stick out.
  const grown = copy().map(([x, y, r]) => [x, y, r * (1 + 1e-6)]);
  assert.equal(checkPacking({ circles: grown }, 26, { kind: 'square' }).valid, false);
  // Shrinking every radius keeps it valid, with a smaller score.
  const shrunk = copy().map(([x, y, r]) => [x, y, r * 0.999]);
  const s = checkPacking({ circles: shrunk }, 26, { kind: 'square' });
  assert.ok(s.valid && s.sumRadii < 2.6358627564136983);
  const moved = copy();
  moved[3] = [moved[4][0], moved[4][1], moved[3][2]];
  assert.match((checkPacking({ circles: moved }, 26, { kind: 'square' }) as { reason: string }).reason, /overlap/);
  assert.match((checkPacking({ circles: copy().slice(1) }, 26, { kind: 'square' }) as { reason: string }).reason, /exactly 26 circles, got 25/);
  assert.match((checkPacking({ circles: [...copy().slice(1), [0.5, 0.5, 'r']] }, 26, { kind: 'square' }) as { reason: string }).reason, /circles\[25\]\[2\] must be a number/);
  assert.match((checkPacking(null, 26, { kind: 'square' }) as { reason: string }).reason, /expected an object/);
});

test('tangent circles are allowed; a one-ulp overlap is not', () => {
  const tangent = { circles: [[0.25, 0.5, 0.25], [0.75, 0.5, 0.25]] };
  assert.ok(checkPacking(tangent, 2, { kind: 'square' }).valid);
  const overlap = { circles: [[0.25, 0.5, 0.25], [0.75 - 2 ** -53, 0.5, 0.25]] };
  assert.equal(checkPacking(overlap, 2, { kind: 'square' }).valid, false);
});

test('the perimeter container bounds width + height of the bounding box', () => {
  const ok = { circles: [[0, 0, 0.5], [1, 0, 0.5]] }; // box 2 × 1: width + height = 3 > 2
  assert.match((checkPacking(ok, 2, { kind: 'perimeter', perimeter: 4 }) as { reason: string }).reason, /width \+ height/);
  const fits = { circles: [[0, 0, 0.25], [0.5, 0, 0.25]] }; // box 1 × 0.5
  assert.ok(checkPacking(fits, 2, { kind: 'perimeter', perimeter: 4 }).valid);
});
