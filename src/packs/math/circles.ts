// Exact verification of circle packings: disjointness and containment are decided in exact
// arithmetic on the given doubles (no tolerance), so a packing is valid iff its real-number
// reading is. Tangency is allowed, as in the published verifiers.
import { add, cmp, dyadic, mul, sub, type Dyadic } from '../../core/dyadic.js';

export interface Circle {
  x: number;
  y: number;
  r: number;
}

export type Container = { kind: 'square' } | { kind: 'perimeter'; perimeter: number };

export type PackingCheck =
  | { valid: true; circles: Circle[]; sumRadii: number }
  | { valid: false; reason: string };

/** Reads `{circles: [[x, y, r], …]}` with exactly `n` circles, rejecting bad shapes and values. */
export function parseCircles(output: unknown, n: number): Circle[] | string {
  if (typeof output !== 'object' || output === null || !Object.hasOwn(output, 'circles')) {
    return 'expected an object {circles: [[x, y, r], …]}';
  }
  const list = (output as { circles: unknown }).circles;
  if (!Array.isArray(list)) return 'circles must be an array of [x, y, r] triples';
  if (list.length !== n) return `circles must hold exactly ${n} circles, got ${list.length}`;
  const circles: Circle[] = [];
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (!Array.isArray(c) || c.length !== 3) return `circles[${i}] must be a triple [x, y, r]`;
    for (let k = 0; k < 3; k++) {
      const v = c[k];
      if (typeof v !== 'number') return `circles[${i}][${k}] must be a number, got ${typeof v}`;
      if (!Number.isFinite(v)) return `circles[${i}][${k}] is ${v}; coordinates and radii must be finite`;
    }
    if (c[2] < 0) return `circles[${i}] has negative radius ${c[2]}`;
    circles.push({ x: c[0], y: c[1], r: c[2] });
  }
  return circles;
}

/** First pair (i, j) whose open disks intersect, decided exactly, or null. */
export function firstOverlap(circles: Circle[]): [number, number] | null {
  const d = circles.map((c) => ({ x: dyadic(c.x), y: dyadic(c.y), r: dyadic(c.r) }));
  for (let i = 0; i < d.length; i++) {
    for (let j = i + 1; j < d.length; j++) {
      const dx = sub(d[i].x, d[j].x);
      const dy = sub(d[i].y, d[j].y);
      const rr = add(d[i].r, d[j].r);
      if (cmp(add(mul(dx, dx), mul(dy, dy)), mul(rr, rr)) < 0) return [i, j];
    }
  }
  return null;
}

function extreme(values: Dyadic[], sign: 1 | -1): Dyadic {
  return values.reduce((best, v) => (cmp(v, best) * sign > 0 ? v : best));
}

/** Exact containment check; returns a reason or null. */
export function containmentViolation(circles: Circle[], container: Container): string | null {
  if (container.kind === 'square') {
    const one = dyadic(1);
    for (let i = 0; i < circles.length; i++) {
      const { x, y, r } = circles[i];
      // x − r ≥ 0 ⇔ x ≥ r for doubles; x + r ≤ 1 needs the exact sum.
      if (x < r || y < r) return `circle ${i} crosses the left or bottom side of the unit square`;
      const rx = add(dyadic(x), dyadic(r));
      const ry = add(dyadic(y), dyadic(r));
      if (cmp(rx, one) > 0 || cmp(ry, one) > 0) return `circle ${i} crosses the right or top side of the unit square`;
    }
    return null;
  }
  const lo = (k: 'x' | 'y') => extreme(circles.map((c) => sub(dyadic(c[k]), dyadic(c.r))), -1);
  const hi = (k: 'x' | 'y') => extreme(circles.map((c) => add(dyadic(c[k]), dyadic(c.r))), 1);
  const width = sub(hi('x'), lo('x'));
  const height = sub(hi('y'), lo('y'));
  const half = dyadic(container.perimeter / 2);
  if (cmp(add(width, height), half) > 0) {
    return `bounding box has width + height > ${container.perimeter / 2} (perimeter above ${container.perimeter})`;
  }
  return null;
}

/** Full check of a packing of `n` circles; the score is the plain floating-point sum of radii. */
export function checkPacking(output: unknown, n: number, container: Container): PackingCheck {
  const circles = parseCircles(output, n);
  if (typeof circles === 'string') return { valid: false, reason: circles };
  const outside = containmentViolation(circles, container);
  if (outside) return { valid: false, reason: outside };
  const pair = firstOverlap(circles);
  if (pair) return { valid: false, reason: `circles ${pair[0]} and ${pair[1]} overlap` };
  let sum = 0;
  for (const c of circles) sum += c.r;
  return { valid: true, circles, sumRadii: sum };
}
