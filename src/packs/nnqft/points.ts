// Point sets in ℝ^d: parsing "x1;x2;…" (coordinates by ','), validation, and flat storage.

export type Points = number[][];

/** Parses "0.1,0.2;0.3,0.4" into [[0.1,0.2],[0.3,0.4]]; every point must have the same dimension. */
export function parsePoints(text: string, field = '--points'): Points {
  if (typeof text !== 'string' || text.trim() === '') throw new RangeError(`${field} must be a non-empty list like "x1;x2" with coordinates separated by ','`);
  const pts = text.split(';').map((p, i) => {
    const coords = p.split(',').map((c) => c.trim());
    return coords.map((c) => {
      const v = Number(c);
      if (c === '' || !Number.isFinite(v)) throw new RangeError(`${field}: point ${i + 1} has a bad coordinate '${c}' (expected numbers separated by ',')`);
      return v;
    });
  });
  validatePoints(pts, pts[0].length, field);
  return pts;
}

export function validatePoints(pts: Points, d: number, field = 'points'): Points {
  if (!Array.isArray(pts) || pts.length === 0) throw new RangeError(`${field} must be a non-empty array of points`);
  pts.forEach((p, i) => {
    if (!Array.isArray(p) || p.length !== d) throw new RangeError(`${field}[${i}] must have ${d} coordinate(s), got ${Array.isArray(p) ? p.length : typeof p}`);
    p.forEach((v, j) => { if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${field}[${i}][${j}] must be a finite number`); });
  });
  return pts;
}

/** Row-major P×d copy. */
export function flatten(pts: Points): Float64Array {
  const d = pts[0].length;
  const out = new Float64Array(pts.length * d);
  pts.forEach((p, i) => p.forEach((v, j) => { out[i * d + j] = v; }));
  return out;
}

export function shift(pts: Points, by: number[]): Points {
  return pts.map((p) => p.map((v, j) => v + by[j]));
}

/** Rotation by `angle` in the (i, j) coordinate plane. */
export function rotate(pts: Points, angle: number, i = 0, j = 1): Points {
  const c = Math.cos(angle), s = Math.sin(angle);
  return pts.map((p) => { const q = p.slice(); q[i] = c * p[i] - s * p[j]; q[j] = s * p[i] + c * p[j]; return q; });
}

export function dot(x: number[], y: number[]): number { let s = 0; for (let k = 0; k < x.length; k++) s += x[k] * y[k]; return s; }
export function norm2(x: number[]): number { return dot(x, x); }
export function sub(x: number[], y: number[]): number[] { return x.map((v, k) => v - y[k]); }
