// Moment bookkeeping: tuples of point indices, their even sub-tuples, connected parts (cumulants of a
// Z₂-symmetric field, odd parts vanish) and jackknife errors over independent chunks.

export type Tuple = number[];

export const tupleKey = (t: Tuple): string => t.join(',');
const sorted = (t: Tuple): Tuple => t.slice().sort((a, b) => a - b);

/** All ways of splitting positions 0..n−1 into pairs (n even): 1, 3, 15 for n = 2, 4, 6. */
export function pairings(n: number): number[][][] {
  if (n === 0) return [[]];
  if (n % 2 !== 0) throw new RangeError(`pairings: n must be even, got ${n}`);
  const out: number[][][] = [];
  const rec = (rest: number[], acc: number[][]): void => {
    if (rest.length === 0) { out.push(acc.map((p) => p.slice())); return; }
    const [first, ...others] = rest;
    for (let k = 0; k < others.length; k++) {
      acc.push([first, others[k]]);
      rec(others.filter((_, j) => j !== k), acc);
      acc.pop();
    }
  };
  rec(Array.from({ length: n }, (_, i) => i), []);
  return out;
}

/** The 15 splits of 6 positions into a pair and a quadruple. */
function pairQuadSplits(): [number[], number[]][] {
  const out: [number[], number[]][] = [];
  for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) out.push([[i, j], [0, 1, 2, 3, 4, 5].filter((k) => k !== i && k !== j)]);
  return out;
}
const PQ = pairQuadSplits();

/** Even-size sub-tuples (size ≥ 2) a connected part of `t` needs, `t` included, as sorted point-index tuples. */
export function subTuples(t: Tuple): Tuple[] {
  const n = t.length;
  const out = new Map<string, Tuple>();
  for (let mask = 1; mask < 1 << n; mask++) {
    let bits = 0;
    for (let k = 0; k < n; k++) if (mask & (1 << k)) bits++;
    if (bits % 2 !== 0) continue;
    const s = sorted(t.filter((_, k) => mask & (1 << k)));
    out.set(tupleKey(s), s);
  }
  return [...out.values()];
}

/** Union of the sub-tuples of every tuple, deduplicated. */
export function closure(tuples: Tuple[]): Tuple[] {
  const out = new Map<string, Tuple>();
  for (const t of tuples) {
    if (t.length < 2 || t.length > 6 || t.length % 2 !== 0) throw new RangeError(`tuple order must be 2, 4 or 6, got ${t.length}`);
    for (const s of subTuples(t)) out.set(tupleKey(s), s);
  }
  return [...out.values()];
}

type MomentOf = (t: Tuple) => number;

/** Connected n-point function (n = 2, 4, 6) from full moments, assuming odd moments vanish. */
export function connected(t: Tuple, m: MomentOf): number {
  const at = (pos: number[]): number => m(sorted(pos.map((k) => t[k])));
  switch (t.length) {
    case 2: return m(sorted(t));
    case 4: return m(sorted(t)) - pairings(4).reduce((s, pr) => s + at(pr[0]) * at(pr[1]), 0);
    case 6: {
      let s = m(sorted(t));
      for (const [p, q] of PQ) s -= at(p) * at(q);
      for (const pr of pairings(6)) s += 2 * at(pr[0]) * at(pr[1]) * at(pr[2]);
      return s;
    }
    default: throw new RangeError(`connected: order must be 2, 4 or 6, got ${t.length}`);
  }
}

/** Gaussian (Wick) n-point function from a 2-point function: sum over pairings. */
export function wick(t: Tuple, g2: (i: number, j: number) => number): number {
  return pairings(t.length).reduce((s, pr) => s + pr.reduce((p, [a, b]) => p * g2(t[a], t[b]), 1), 0);
}

export interface ChunkSums {
  tuples: Tuple[];
  /** sums[c·T + k]: Σ over the networks of chunk c of the product for tuple k. */
  sums: Float64Array;
  counts: number[];
}

export interface Estimate { estimate: number; stderr: number }

/**
 * Value of a statistic of the tuple means, with its delete-one-chunk jackknife standard error.
 * `f` receives a lookup from a tuple to its mean.
 */
export function jackknife(cs: ChunkSums, f: (m: MomentOf) => number): Estimate {
  const T = cs.tuples.length, K = cs.counts.length;
  const index = new Map(cs.tuples.map((t, k) => [tupleKey(t), k]));
  const total = new Float64Array(T);
  let n = 0;
  for (let c = 0; c < K; c++) { n += cs.counts[c]; for (let k = 0; k < T; k++) total[k] += cs.sums[c * T + k]; }
  const lookup = (means: Float64Array): MomentOf => (t) => {
    const k = index.get(tupleKey(t));
    if (k === undefined) throw new RangeError(`moment of tuple (${t.join(',')}) was not sampled`);
    return means[k];
  };
  const full = new Float64Array(T);
  for (let k = 0; k < T; k++) full[k] = total[k] / n;
  const estimate = f(lookup(full));
  if (K < 2) return { estimate, stderr: NaN };
  const loo: number[] = [];
  const means = new Float64Array(T);
  for (let c = 0; c < K; c++) {
    const nc = n - cs.counts[c];
    for (let k = 0; k < T; k++) means[k] = (total[k] - cs.sums[c * T + k]) / nc;
    loo.push(f(lookup(means)));
  }
  const bar = loo.reduce((a, b) => a + b, 0) / K;
  const ss = loo.reduce((a, b) => a + (b - bar) ** 2, 0);
  return { estimate, stderr: Math.sqrt(((K - 1) / K) * ss) };
}

/** Chunk-by-chunk values of a statistic (for the "background" spread of chunk estimates). */
export function perChunk(cs: ChunkSums, f: (m: MomentOf) => number): number[] {
  const T = cs.tuples.length;
  const index = new Map(cs.tuples.map((t, k) => [tupleKey(t), k]));
  return cs.counts.map((nc, c) => f((t) => cs.sums[c * T + index.get(tupleKey(t))!] / nc));
}

/** All sorted index tuples i₁ ≤ … ≤ i_n over P points. */
export function sortedTuples(P: number, n: number): Tuple[] {
  const out: Tuple[] = [];
  const rec = (start: number, acc: number[]): void => {
    if (acc.length === n) { out.push(acc.slice()); return; }
    for (let i = start; i < P; i++) { acc.push(i); rec(i, acc); acc.pop(); }
  };
  rec(0, []);
  return out;
}
