// Unit hexagons in a hexagon (App. B.7): n regular hexagons of side 1 given as (x, y, angle°)
// inside an outer regular hexagon; the score is the outer side length (lower is better).
// The checks follow the reference step by step: separating-axis test where touching counts as
// intersecting, and containment of every inner vertex by edge cross products ≥ 0.
import { finite, numbers, record, rows } from './parse.js';
import { guarded, invalid, valid, type MathVerifier, type VerifyResult } from './types.js';

type Pt = [number, number];

const DEG = Math.PI / 180;

/** Vertex t = (x + s·cos(θ + 2πt/6), y + s·sin(θ + 2πt/6)), counter-clockwise. */
export function hexagonVertices(x: number, y: number, side: number, angleDeg: number): Pt[] {
  const base = angleDeg * DEG;
  const out: Pt[] = [];
  for (let i = 0; i < 6; i++) {
    const a = base + (2 * Math.PI * i) / 6;
    out.push([x + side * Math.cos(a), y + side * Math.sin(a)]);
  }
  return out;
}

function normals(v: Pt[]): Pt[] {
  return v.map((p, i) => {
    const q = v[(i + 1) % v.length];
    const ex = q[0] - p[0];
    const ey = q[1] - p[1];
    const mag = Math.sqrt(ey ** 2 + ex ** 2);
    return mag !== 0 ? [-ey / mag, ex / mag] : [0, 0];
  });
}

function project(v: Pt[], axis: Pt): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of v) {
    const d = p[0] * axis[0] + p[1] * axis[1];
    lo = Math.min(lo, d);
    hi = Math.max(hi, d);
  }
  return [lo, hi];
}

/** True unless some edge normal separates the polygons strictly (touching counts as intersecting). */
export function polygonsIntersect(a: Pt[], b: Pt[]): boolean {
  for (const axis of [...normals(a), ...normals(b)]) {
    const [min1, max1] = project(a, axis);
    const [min2, max2] = project(b, axis);
    if (!(max1 >= min2 && max2 >= min1)) return false;
  }
  return true;
}

export function insideConvex(p: Pt, poly: Pt[]): boolean {
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i];
    const b = poly[(i + 1) % poly.length];
    const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
    if (cross < 0) return false;
  }
  return true;
}

export function verifyHexagons(construction: unknown, n: number): VerifyResult {
  return guarded(() => {
    const c = record(construction);
    const inner = rows(c.inner_hexagons, 'inner_hexagons', 3, { length: n });
    const center = numbers(c.outer_center, 'outer_center', { length: 2 });
    const side = finite(c.outer_side_length, 'outer_side_length');
    const angle = finite(c.outer_angle_degrees, 'outer_angle_degrees');
    if (!(side > 0)) return invalid(`outer_side_length: must be positive, got ${side}`);
    const polys = inner.map(([x, y, a]) => hexagonVertices(x, y, 1, a));
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        if (polygonsIntersect(polys[i], polys[j])) return invalid(`inner_hexagons[${i}] and inner_hexagons[${j}] intersect`);
    const outer = hexagonVertices(center[0], center[1], side, angle);
    for (let i = 0; i < n; i++)
      for (const v of polys[i])
        if (!insideConvex(v, outer)) return invalid(`inner_hexagons[${i}]: a vertex lies outside the outer hexagon`);
    // Orientation relative to the outer hexagon, folded to [0, 30] degrees (hexagons repeat every 60°).
    const rel = inner.map(([, , a]) => {
      const d = (((a - angle) % 60) + 60) % 60;
      return Math.min(d, 60 - d);
    });
    const aligned = rel.filter((d) => d < 1).length / n;
    const meanTilt = rel.reduce((s, d) => s + d, 0) / n / 30;
    return valid(side, { alignedFraction: aligned, meanTilt });
  });
}

const note = 'reference geometry in doubles, no tolerance: touching inner hexagons are rejected, inner vertices may lie on the outer boundary';

export const hexagonVerifiers: MathVerifier[] = [
  { id: 'hexagon_packing_11', direction: 'min', tolerance: 0, toleranceNote: note, verify: (c) => verifyHexagons(c, 11) },
  { id: 'hexagon_packing_12', direction: 'min', tolerance: 0, toleranceNote: note, verify: (c) => verifyHexagons(c, 12) },
];
