// Input checks shared by the verifiers. Each throws ShapeError with a message naming the field
// and the expected form, so a rejected construction always says what was wrong.
import { ShapeError } from './types.js';

export function record(value: unknown, field = 'construction'): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShapeError(`${field}: expected an object`);
  }
  return value as Record<string, unknown>;
}

export function finite(value: unknown, field: string): number {
  if (typeof value !== 'number') throw new ShapeError(`${field}: expected a number, got ${describe(value)}`);
  if (!Number.isFinite(value)) throw new ShapeError(`${field}: ${value} is not finite`);
  return value;
}

export function integer(value: unknown, field: string): number {
  const x = finite(value, field);
  if (!Number.isSafeInteger(x)) throw new ShapeError(`${field}: expected a safe integer, got ${x}`);
  return x;
}

export interface ArraySpec {
  length?: number;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
}

export function list(value: unknown, field: string, spec: ArraySpec = {}): unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(`${field}: expected an array, got ${describe(value)}`);
  const n = value.length;
  if (spec.length !== undefined && n !== spec.length) {
    throw new ShapeError(`${field}: expected ${spec.length} entries, got ${n}`);
  }
  if (spec.minLength !== undefined && n < spec.minLength) {
    throw new ShapeError(`${field}: expected at least ${spec.minLength} entries, got ${n}`);
  }
  if (spec.maxLength !== undefined && n > spec.maxLength) {
    throw new ShapeError(`${field}: expected at most ${spec.maxLength} entries, got ${n}`);
  }
  return value;
}

/** A flat array of finite numbers, optionally range-checked. */
export function numbers(value: unknown, field: string, spec: ArraySpec = {}): number[] {
  const arr = list(value, field, spec);
  const out = new Array<number>(arr.length);
  for (let i = 0; i < arr.length; i++) {
    const x = finite(arr[i], `${field}[${i}]`);
    if (spec.min !== undefined && x < spec.min) throw new ShapeError(`${field}[${i}]: ${x} is below ${spec.min}`);
    if (spec.max !== undefined && x > spec.max) throw new ShapeError(`${field}[${i}]: ${x} is above ${spec.max}`);
    out[i] = x;
  }
  return out;
}

/** Rows of `cols` finite numbers each. */
export function rows(value: unknown, field: string, cols: number, spec: ArraySpec = {}): number[][] {
  const arr = list(value, field, spec);
  return arr.map((row, i) => numbers(row, `${field}[${i}]`, { length: cols }));
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 20))}`;
  return typeof value === 'number' ? String(value) : typeof value;
}

/**
 * Multiplies values by the power of two 2^-e that brings max |value| into [1, 2). Exact for normal
 * numbers, so scale-invariant scores are unchanged, while tiny or huge inputs can no longer
 * underflow or overflow the score's intermediate products.
 */
export function normalizeScale(values: number[]): number[] {
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  if (max === 0 || (max >= 1 && max < 2)) return values;
  const e = Math.floor(Math.log2(max));
  // Two factors so that neither 2^-e nor its half overflows for extreme exponents.
  const a = 2 ** -Math.trunc(e / 2);
  const b = 2 ** -(e - Math.trunc(e / 2));
  return values.map((v) => v * a * b);
}

/**
 * Rejects point sets placed so far from the origin that coordinate differences lose most of their
 * precision (which could make near-degenerate configurations look better than they are).
 */
export function offsetProblem(points: number[][], field: string): string | null {
  let maxAbs = 0;
  const lo = points[0].slice();
  const hi = points[0].slice();
  for (const p of points)
    p.forEach((v, k) => {
      maxAbs = Math.max(maxAbs, Math.abs(v));
      lo[k] = Math.min(lo[k], v);
      hi[k] = Math.max(hi[k], v);
    });
  const extent = Math.max(...hi.map((h, k) => h - lo[k]));
  return maxAbs > 1e6 * extent ? `${field}: the points lie more than 10^6 times their extent from the origin` : null;
}
