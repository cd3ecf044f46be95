// The disjointness matrix R_n = D^{⊗n}, D = [[1,1],[1,0]]: rows and columns are n-bit masks and
// R_n[S][T] = 1 exactly when S & T = 0. It is only materialised for small n; products go through
// the subset-sum (zeta) transform in O(n·2^n).
import { modp, PRIME } from './modp.js';

export function checkBits(n: number, max = 30): void {
  if (!Number.isInteger(n) || n < 0 || n > max) throw new RangeError(`n must be an integer in [0, ${max}], got ${n}`);
}

export function entry(s: number, t: number): 0 | 1 {
  return (s & t) === 0 ? 1 : 0;
}

/** Dense R_n (n ≤ 12). */
export function dense(n: number): number[][] {
  checkBits(n, 12);
  const N = 1 << n;
  return Array.from({ length: N }, (_, s) => Array.from({ length: N }, (_, t) => entry(s, t)));
}

/** Number of ones of R_n: 3^n. */
export function onesCount(n: number): number {
  return 3 ** n;
}

/** In place: z[M] ← Σ_{T ⊆ M} z[T] (exact while the sums stay below 2^53). */
export function zeta(z: Float64Array | number[], n: number): void {
  const N = 1 << n;
  if (z.length !== N) throw new RangeError(`zeta: vector length ${z.length} must be 2^${n}`);
  for (let b = 0; b < n; b++) {
    const bit = 1 << b;
    for (let m = 0; m < N; m++) if (m & bit) z[m] += z[m ^ bit];
  }
}

/** Same as zeta, modulo PRIME (entries in [0, PRIME)). */
export function zetaMod(z: Float64Array, n: number): void {
  const N = 1 << n;
  if (z.length !== N) throw new RangeError(`zetaMod: vector length ${z.length} must be 2^${n}`);
  for (let b = 0; b < n; b++) {
    const bit = 1 << b;
    for (let m = 0; m < N; m++) {
      if (m & bit) {
        const s = z[m] + z[m ^ bit];
        z[m] = s >= PRIME ? s - PRIME : s;
      }
    }
  }
}

/** R_n·v (equivalently vᵀR_n, since R_n is symmetric): (R_n v)[S] = Σ_{T ⊆ ∁S} v[T]. O(n·2^n). */
export function apply(v: ArrayLike<number>, n: number): Float64Array {
  checkBits(n);
  const N = 1 << n;
  const z = Float64Array.from(v);
  if (z.length !== N) throw new RangeError(`apply: vector length ${z.length} must be 2^${n}`);
  zeta(z, n);
  const out = new Float64Array(N);
  for (let s = 0; s < N; s++) out[s] = z[(N - 1) ^ s];
  return out;
}

/** R_n·v modulo PRIME. */
export function applyMod(v: ArrayLike<number>, n: number): Float64Array {
  checkBits(n);
  const N = 1 << n;
  const z = new Float64Array(N);
  for (let i = 0; i < N; i++) z[i] = modp(v[i]);
  zetaMod(z, n);
  const out = new Float64Array(N);
  for (let s = 0; s < N; s++) out[s] = z[(N - 1) ^ s];
  return out;
}
