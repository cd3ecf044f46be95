// Seeded random objects for the superposition pack: every random quantity is drawn from
// stream(seed, tag, index) so it can be regenerated on demand instead of stored.
import { stream, type Rng } from '../../core/rng.js';

export type Seed = number | string;

export function checkInt(name: string, v: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new RangeError(`${name} must be an integer in [${min}, ${max}], got ${String(v)}`);
  }
  return v;
}

export function checkNum(name: string, v: unknown, min: number, max: number, openMin = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (openMin && v === min)) {
    throw new RangeError(`${name} must be a number in ${openMin ? '(' : '['}${min}, ${max}], got ${String(v)}`);
  }
  return v;
}

/** The random stream for one named object; a thin alias so all pack code uses the same derivation. */
export function objStream(seed: Seed, tag: string, index = 0): Rng {
  return stream(seed, `superposition/${tag}`, index);
}

/**
 * Exactly s distinct indices uniform in [0, m), sorted ascending (Floyd's algorithm: s draws, no rejection
 * loop over m, every s-subset equally likely).
 */
export function sampleSparse(rng: Rng, m: number, s: number): Int32Array {
  checkInt('m', m, 1);
  checkInt('s', s, 0, m);
  const chosen = new Set<number>();
  for (let j = m - s; j < m; j++) {
    const t = rng.int(j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return Int32Array.from(chosen).sort();
}

/** The t-th s-sparse input of an evaluation run, reproducible from (seed, t). */
export function sparseInput(seed: Seed, t: number, m: number, s: number): Int32Array {
  return sampleSparse(objStream(seed, 'input', t), m, s);
}

/** Fill `out` with independent standard normals (Box–Muller using both outputs). */
export function fillNormal(rng: Rng, out: Float64Array | Float32Array, scale = 1): void {
  const n = out.length;
  let i = 0;
  while (i < n) {
    let u = 0;
    while (u === 0) u = rng.float();
    const v = rng.float();
    const r = Math.sqrt(-2 * Math.log(u)) * scale;
    out[i++] = r * Math.cos(2 * Math.PI * v);
    if (i < n) out[i++] = r * Math.sin(2 * Math.PI * v);
  }
}

/** Indices of a Bernoulli(p) subset of [0, n), ascending, by geometric skipping (O(pn) work). */
export function bernoulliSubset(rng: Rng, n: number, p: number): Int32Array {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  if (p === 0) return new Int32Array(0);
  if (p === 1) return Int32Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  const lq = Math.log1p(-p);
  let i = -1;
  for (;;) {
    let u = 0;
    while (u === 0) u = rng.float();
    i += 1 + Math.floor(Math.log(u) / lq);
    if (i >= n) break;
    out.push(i);
  }
  return Int32Array.from(out);
}

/** A bit vector in {0,1}^m with ones at the given indices. */
export function toBits(m: number, actives: ArrayLike<number>): Uint8Array {
  const b = new Uint8Array(m);
  for (let j = 0; j < actives.length; j++) b[actives[j]] = 1;
  return b;
}
