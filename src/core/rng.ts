// Seeded, splittable pseudo-random numbers (xoshiro128** over four 32-bit words).
// State is plain data so it can be stored and restored exactly; independent streams are
// derived from (seed, tag, index) so large random objects can be regenerated instead of stored.

export type RngState = [number, number, number, number];

export interface Rng {
  /** Uniform 32-bit unsigned integer. */
  u32(): number;
  /** Uniform double in [0, 1) with 53 random bits. */
  float(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal deviate. */
  normal(): number;
  /** Copy of the current state (plain data, JSON-safe). */
  state(): RngState;
}

/** 32-bit mixing of a string or number into a well-spread word (murmur3 finaliser over FNV-1a). */
export function hash32(value: string | number, salt = 0): number {
  const s = typeof value === 'number' ? `n:${value}` : value;
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

function splitmix32(x: number): () => number {
  let a = x >>> 0;
  return () => {
    a = (a + 0x9e3779b9) >>> 0;
    let z = a;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function seedState(seed: number | string): RngState {
  const next = splitmix32(hash32(seed));
  const s: RngState = [next(), next(), next(), next()];
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1; // the all-zero state is a fixed point
  return s;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** A generator from a seed, or resumed from a stored state. */
export function createRng(seed: number | string | RngState): Rng {
  const s: RngState = Array.isArray(seed) ? validState(seed) : seedState(seed);
  const u32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    s[0] >>>= 0; s[1] >>>= 0; s[2] >>>= 0;
    return result;
  };
  const float = (): number => ((u32() >>> 5) * 67108864 + (u32() >>> 6)) / 9007199254740992;
  return {
    u32,
    float,
    int(n: number): number {
      if (!Number.isInteger(n) || n <= 0) throw new RangeError(`rng.int: n must be a positive integer, got ${n}`);
      return Math.floor(float() * n);
    },
    normal(): number {
      // Box–Muller without caching across state() calls: a cached spare would not survive a save/restore.
      let u = 0;
      while (u === 0) u = float();
      const v = float();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    state: () => [s[0], s[1], s[2], s[3]],
  };
}

function validState(s: number[]): RngState {
  if (s.length !== 4 || s.some((w) => !Number.isInteger(w) || w < 0 || w > 0xffffffff)) {
    throw new TypeError('rng state must be four unsigned 32-bit integers');
  }
  if ((s[0] | s[1] | s[2] | s[3]) === 0) throw new TypeError('rng state must not be all zero');
  return [s[0], s[1], s[2], s[3]];
}

/**
 * An independent stream for (seed, tag, index): the same triple always gives the same numbers,
 * so e.g. the i-th random feature vector can be regenerated on demand.
 */
export function stream(seed: number | string, tag: string, index = 0): Rng {
  return createRng(`${seed}\u0000${tag}\u0000${index}`);
}

/** Fisher–Yates shuffle in place. */
export function shuffle<T>(rng: Rng, a: T[]): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = a[i]; a[i] = a[j]; a[j] = t;
  }
  return a;
}
