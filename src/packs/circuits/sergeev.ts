// Sergeev blocks S_k(c): 2^k disjoint 0/1 rank-1 terms summing to R_k, read off the word
// w(c) = w_0 … w_{k−1} R (w_i = C when the bit of weight 2^{k−1−i} of c is set), and the
// α-volume shortest-path bound over all identifiers c.
import { fromTriples } from '../../core/sparse-int.js';
import type { Circuit } from './circuit.js';
import { popcount } from './circuit.js';

export interface Term {
  /** Support of U (row masks), increasing. */
  u: number[];
  /** Support of V (column masks), increasing. */
  v: number[];
}

export function checkBlock(k: number, c: number, maxK = 16): void {
  if (!Number.isInteger(k) || k < 1 || k > maxK) throw new RangeError(`k must be an integer in [1, ${maxK}], got ${k}`);
  if (!Number.isInteger(c) || c < 0 || c >= 2 ** k) throw new RangeError(`c must be an integer in [0, 2^${k}), got ${c}`);
}

/** The word of c as a string over {R, C}, sentinel R included. */
export function word(k: number, c: number): string {
  checkBlock(k, c, 30);
  let w = '';
  for (let i = 0; i < k; i++) w += (c >> (k - 1 - i)) & 1 ? 'C' : 'R';
  return w + 'R';
}

/** Masks of [0, 2^k) grouped by popcount, each group increasing. */
export function masksByWeight(k: number): number[][] {
  const out: number[][] = Array.from({ length: k + 1 }, () => []);
  for (let m = 0; m < 1 << k; m++) out[popcount(m)].push(m);
  return out;
}

/** The rank-1 terms of S_k(c), in emission order. */
export function terms(k: number, c: number): Term[] {
  checkBlock(k, c);
  const full = (1 << k) - 1;
  const byW = masksByWeight(k);
  const out: Term[] = [];
  let a = 0;
  let b = 0;
  for (const letter of word(k, c)) {
    if (letter === 'R') {
      for (const s of byW[a] ?? []) out.push({ u: [s], v: subsetsAtLeast(full ^ s, b) });
      a++;
    } else {
      for (const t of byW[b]) out.push({ u: subsetsAtLeast(full ^ t, a), v: [t] });
      b++;
    }
  }
  return out;
}

/** Submasks of `mask` with at least `w` bits, increasing. */
function subsetsAtLeast(mask: number, w: number): number[] {
  const out: number[] = [];
  for (let s = mask; ; s = (s - 1) & mask) {
    if (popcount(s) >= w) out.push(s);
    if (s === 0) break;
  }
  return out.reverse();
}

/** S_k(c) as a circuit: gate r has A[:,r] = U_r and B[r,:] = V_rᵀ. */
export function block(k: number, c: number): Circuit {
  return termsToCircuit(k, terms(k, c));
}

export function termsToCircuit(k: number, ts: Term[]): Circuit {
  const N = 1 << k;
  const at: [number, number, number][] = [];
  const b: [number, number, number][] = [];
  ts.forEach((t, r) => {
    for (const s of t.u) at.push([r, s, 1]);
    for (const y of t.v) b.push([r, y, 1]);
  });
  return { AT: fromTriples(ts.length, N, at), B: fromTriples(ts.length, N, b) };
}

function binomials(k: number): number[][] {
  const C = Array.from({ length: k + 1 }, () => new Array<number>(k + 1).fill(0));
  for (let n = 0; n <= k; n++) {
    C[n][0] = 1;
    for (let j = 1; j <= n; j++) C[n][j] = C[n - 1][j - 1] + C[n - 1][j];
  }
  return C;
}

/** Left degree of a weight-w row of S_k(c), for w = 0..k, in closed form. */
export function leftDegreeByWeight(k: number, c: number): number[] {
  const C = binomials(k);
  const w8 = word(k, c);
  const out: number[] = [];
  for (let w = 0; w <= k; w++) {
    let a = 0, b = 0, d = 0;
    for (const letter of w8) {
      if (letter === 'R') { if (a === w) d += 1; a++; }
      else { if (a <= w) d += C[k - w][b]; b++; }
    }
    out.push(d);
  }
  return out;
}

/** Right degree of a weight-w column of S_k(c), w = 0..k (Fact 2: the left degrees of c̄). */
export function rightDegreeByWeight(k: number, c: number): number[] {
  return leftDegreeByWeight(k, 2 ** k - 1 - c);
}

/**
 * min over c of the α-volume ρ_c(α) = Σ_r |U_r|^α |V_r|^{1−α}, as a shortest path on the grid
 * {(a, b) : a + b ≤ k}: R steps cost C(k,a)·(Σ_{t=b}^{k−a} C(k−a,t))^{1−α}, C steps
 * C(k,b)·(Σ_{s=a}^{k−b} C(k−b,s))^α, and the sentinel R step at a + b = k costs C(k,a).
 */
export function minAlphaVolume(k: number, alpha: number): { volume: number; c: number } {
  if (!Number.isInteger(k) || k < 1 || k > 40) throw new RangeError(`k must be an integer in [1, 40], got ${k}`);
  if (!(alpha >= 0 && alpha <= 1)) throw new RangeError(`alpha must lie in [0, 1], got ${alpha}`);
  const C = binomials(k);
  const tail = (n: number, from: number): number => { let s = 0; for (let t = from; t <= n; t++) s += C[n][t]; return s; };
  // best[a][b] = cheapest cost of the remaining steps from (a, b), and the word bits chosen.
  const best = Array.from({ length: k + 1 }, () => new Array<number>(k + 1).fill(Infinity));
  const bits = Array.from({ length: k + 1 }, () => new Array<number>(k + 1).fill(0));
  for (let s = k; s >= 0; s--) {
    for (let a = 0; a <= s; a++) {
      const b = s - a;
      if (s === k) { best[a][b] = C[k][a]; continue; }
      const rCost = C[k][a] * Math.pow(tail(k - a, b), 1 - alpha) + best[a + 1][b];
      const cCost = C[k][b] * Math.pow(tail(k - b, a), alpha) + best[a][b + 1];
      if (cCost < rCost) { best[a][b] = cCost; bits[a][b] = 1; } else best[a][b] = rCost;
    }
  }
  let c = 0, a = 0, b = 0;
  for (let i = 0; i < k; i++) {
    const bit = bits[a][b];
    c = c * 2 + bit;
    if (bit) b++; else a++;
  }
  return { volume: best[0][0], c };
}

/** max over α ∈ [0,1] of log₂(min_c ρ_c(α))/k: the size exponent given by order-k Sergeev blocks. */
export function sergeevExponent(k: number, gridPoints = 200): { exponent: number; alpha: number; c: number } {
  const f = (al: number): number => Math.log2(minAlphaVolume(k, al).volume) / k;
  let bestA = 0, bestV = -Infinity;
  for (let i = 0; i <= gridPoints; i++) {
    const al = i / gridPoints;
    const v = f(al);
    if (v > bestV) { bestV = v; bestA = al; }
  }
  // Golden-section refinement around the best grid point (f is unimodal there in practice).
  let lo = Math.max(0, bestA - 1 / gridPoints), hi = Math.min(1, bestA + 1 / gridPoints);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 80; it++) {
    const m1 = hi - g * (hi - lo), m2 = lo + g * (hi - lo);
    if (f(m1) < f(m2)) lo = m1; else hi = m2;
  }
  const al = (lo + hi) / 2;
  const v = f(al);
  const alpha = v >= bestV ? al : bestA;
  return { exponent: Math.max(v, bestV), alpha, c: minAlphaVolume(k, alpha).c };
}
