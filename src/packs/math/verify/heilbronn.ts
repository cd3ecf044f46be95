// Heilbronn problems (App. B.9–B.10): maximise the smallest triangle area among n points,
// normalised by the container's area (a fixed equilateral triangle, or the points' convex hull).
import { normalizeScale, offsetProblem, record, rows } from './parse.js';
import { guarded, invalid, valid, type MathVerifier, type VerifyResult } from './types.js';

/** Area of the triangle p1p2p3 in the reference's expression order. */
export function triangleArea(p1: number[], p2: number[], p3: number[]): number {
  return Math.abs(p1[0] * (p2[1] - p3[1]) + p2[0] * (p3[1] - p1[1]) + p3[0] * (p1[1] - p2[1])) / 2;
}

export function minTriangleArea(points: number[][]): number {
  let best = Infinity;
  const n = points.length;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      for (let k = j + 1; k < n; k++) best = Math.min(best, triangleArea(points[i], points[j], points[k]));
  return best;
}

function minPairDistance(points: number[][]): number {
  let best = Infinity;
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++)
      best = Math.min(best, Math.hypot(points[i][0] - points[j][0], points[i][1] - points[j][1]));
  return best;
}

/** Convex hull (Andrew's monotone chain), counter-clockwise, collinear points dropped. */
export function convexHull(points: number[][]): number[][] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const cross = (o: number[], a: number[], b: number[]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: number[][] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: number[][] = [];
  for (let i = p.length - 1; i >= 0; i--) {
    const q = p[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], q) <= 0) upper.pop();
    upper.push(q);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

export function polygonArea(poly: number[][]): number {
  let a = 0;
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i];
    const q = poly[(i + 1) % poly.length];
    a += p[0] * q[1] - q[0] * p[1];
  }
  return Math.abs(a) / 2;
}

const SQRT3 = Math.sqrt(3);
const TRIANGLE = [
  [0, 0],
  [1, 0],
  [0.5, SQRT3 / 2],
];

/** Points in the equilateral triangle (0,0), (1,0), (1/2, √3/2), tested with the reference's expressions. */
export function verifyHeilbronnTriangle(construction: unknown, n: number): VerifyResult {
  return guarded(() => {
    const c = record(construction);
    const pts = rows(c.points, 'points', 2, { length: n });
    if (c.triangle !== undefined) {
      const tri = rows(c.triangle, 'triangle', 2, { length: 3 });
      for (let i = 0; i < 3; i++)
        if (tri[i][0] !== TRIANGLE[i][0] || tri[i][1] !== TRIANGLE[i][1])
          return invalid(`triangle[${i}]: the container is fixed at (0,0), (1,0), (0.5, sqrt(3)/2)`);
    }
    let onBoundary = 0;
    for (let i = 0; i < n; i++) {
      const [x, y] = pts[i];
      // Same three comparisons as the reference, so points on the slanted sides have slack exactly 0.
      if (!(y >= 0 && SQRT3 * x <= SQRT3 - y && y <= SQRT3 * x)) {
        return invalid(`points[${i}]: (${x}, ${y}) is outside the triangle`);
      }
      if (y === 0 || SQRT3 * x === SQRT3 - y || y === SQRT3 * x) onBoundary++;
    }
    const value = minTriangleArea(pts) / triangleArea(TRIANGLE[0], TRIANGLE[1], TRIANGLE[2]);
    return valid(value, { boundaryFraction: onBoundary / n, minDistance: minPairDistance(pts) });
  });
}

/** Points anywhere; the smallest triangle is normalised by the area of the points' convex hull. */
export function verifyHeilbronnConvex(construction: unknown, n: number): VerifyResult {
  return guarded(() => {
    const c = record(construction);
    // Exact power-of-two rescaling: the ratio is scale-invariant, tiny coordinates must not underflow.
    const raw = rows(c.points, 'points', 2, { length: n });
    const far = offsetProblem(raw, 'points');
    if (far) return invalid(far);
    const flat = normalizeScale(raw.flat());
    const pts = raw.map((_, i) => [flat[2 * i], flat[2 * i + 1]]);
    const hull = convexHull(pts);
    const area = polygonArea(hull);
    if (!(area > 0)) return invalid('points: the convex hull has zero area');
    const value = minTriangleArea(pts) / area;
    const scale = Math.sqrt(area);
    return valid(value, { hullFraction: hull.length / n, minDistance: minPairDistance(pts) / scale });
  });
}

export const heilbronnVerifiers: MathVerifier[] = [
  {
    id: 'heilbronn_triangle_11',
    direction: 'max',
    tolerance: 0,
    toleranceNote: 'containment uses the reference expressions y >= 0, √3x <= √3 − y, y <= √3x in doubles, boundary allowed',
    verify: (c) => verifyHeilbronnTriangle(c, 11),
  },
  {
    id: 'heilbronn_convex_13',
    direction: 'max',
    tolerance: 0,
    toleranceNote: 'no constraints beyond finite points; plain double areas',
    verify: (c) => verifyHeilbronnConvex(c, 13),
  },
  {
    id: 'heilbronn_convex_14',
    direction: 'max',
    tolerance: 0,
    toleranceNote: 'no constraints beyond finite points; plain double areas',
    verify: (c) => verifyHeilbronnConvex(c, 14),
  },
];

