// Arithmetic modulo the Mersenne prime 2^31 − 1 on doubles (every intermediate stays below 2^53).

export const PRIME = 2147483647;

export function modp(x: number): number {
  const r = x % PRIME;
  return r < 0 ? r + PRIME : r;
}

/** a·b mod PRIME for a, b in [0, PRIME). */
export function mulmod(a: number, b: number): number {
  const bh = Math.floor(b / 65536);
  const bl = b - bh * 65536;
  const t = ((a * bh) % PRIME) * 65536 + a * bl;
  return t % PRIME;
}
