// Matrix multiplication tensor decompositions (AlphaEvolve Table 2): factor matrices U (nm×R),
// V (mp×R), W (pn×R) whose column-wise outer products must sum to the ⟨n,m,p⟩ tensor
// T[i·m+j][j·p+k][k·n+i] = 1. Entries are real or Gaussian ([re, im]) doubles; every double is a
// dyadic rational, so scaling by a common power of two makes the check exact in BigInt.
import { splitDouble } from '../exact/rational.js';
import { finite, integer, list, record } from './parse.js';
import { ShapeError, guarded, invalid, valid, type MathVerifier, type VerifyResult } from './types.js';

const MAX_DIM = 8;
const MAX_RANK = 512; // = 8·8·8, the naive rank of the largest allowed shape

interface Entry {
  re: { m: bigint; e: number };
  im: { m: bigint; e: number };
}

function parseEntry(x: unknown, field: string): Entry {
  if (Array.isArray(x)) {
    if (x.length !== 2) throw new ShapeError(`${field}: a complex entry must be [re, im], got ${x.length} numbers`);
    return { re: splitDouble(finite(x[0], `${field}[0]`)), im: splitDouble(finite(x[1], `${field}[1]`)) };
  }
  return { re: splitDouble(finite(x, field)), im: { m: 0n, e: 0 } };
}

function parseFactor(value: unknown, field: string, nrows: number, rank: number | null): Entry[][] {
  const rs = list(value, field, { length: nrows });
  return rs.map((row, a) => {
    const r = list(row, `${field}[${a}]`, rank === null ? { minLength: 1, maxLength: MAX_RANK } : { length: rank });
    return r.map((x, l) => parseEntry(x, `${field}[${a}][${l}]`));
  });
}

/** Exact check; returns null when the factors reconstruct the tensor, else where they differ. */
export function reconstructionError(n: number, m: number, p: number, U: Entry[][], V: Entry[][], W: Entry[][]): string | null {
  const R = U[0].length;
  let E = Infinity;
  for (const F of [U, V, W])
    for (const row of F)
      for (const x of row) {
        if (x.re.m !== 0n) E = Math.min(E, x.re.e);
        if (x.im.m !== 0n) E = Math.min(E, x.im.e);
      }
  if (E === Infinity) E = 0;
  const toInt = (d: { m: bigint; e: number }) => (d.m === 0n ? 0n : d.m << BigInt(d.e - E));
  const ints = (F: Entry[][]) => F.map((row) => row.map((x) => [toInt(x.re), toInt(x.im)] as const));
  const [u, v, w] = [ints(U), ints(V), ints(W)];
  const A = n * m, B = m * p, C = p * n;
  const re: bigint[] = new Array(A * B * C).fill(0n);
  const im: bigint[] = new Array(A * B * C).fill(0n);
  for (let l = 0; l < R; l++) {
    const ua = nonzero(u, l), vb = nonzero(v, l), wc = nonzero(w, l);
    for (const [a, ar, ai] of ua)
      for (const [b, br, bi] of vb) {
        const xr = ar * br - ai * bi;
        const xi = ar * bi + ai * br;
        if (xr === 0n && xi === 0n) continue;
        const base = (a * B + b) * C;
        for (const [c, cr, ci] of wc) {
          re[base + c] += xr * cr - xi * ci;
          im[base + c] += xr * ci + xi * cr;
        }
      }
  }
  // The scaled sums carry a factor 2^(-3E): compare with the target at that scale.
  const shift = -3 * E;
  const one = shift >= 0 ? 1n << BigInt(shift) : 0n;
  for (let a = 0; a < A; a++)
    for (let b = 0; b < B; b++)
      for (let c = 0; c < C; c++) {
        const i = Math.floor(a / m), j = a % m;
        const target = Math.floor(b / p) === j && c === (b % p) * n + i ? 1 : 0;
        const idx = (a * B + b) * C + c;
        let ok: boolean;
        if (shift >= 0) ok = re[idx] === (target ? one : 0n) && im[idx] === 0n;
        else ok = im[idx] === 0n && (target ? false : re[idx] === 0n);
        if (!ok) return `factors: the decomposition gives a wrong tensor entry at [${a}][${b}][${c}] (expected ${target})`;
      }
  return null;
}

function nonzero(F: (readonly [bigint, bigint])[][], l: number): [number, bigint, bigint][] {
  const out: [number, bigint, bigint][] = [];
  for (let a = 0; a < F.length; a++) {
    const [r, i] = F[a][l];
    if (r !== 0n || i !== 0n) out.push([a, r, i]);
  }
  return out;
}

export function verifyMatmul(construction: unknown, dims?: [number, number, number]): VerifyResult {
  return guarded(() => {
    const c = record(construction);
    const n = integer(c.n, 'n'), m = integer(c.m, 'm'), p = integer(c.p, 'p');
    for (const [k, x] of [['n', n], ['m', m], ['p', p]] as const)
      if (x < 1 || x > MAX_DIM) return invalid(`${k}: expected an integer in 1..${MAX_DIM}, got ${x}`);
    if (dims && (n !== dims[0] || m !== dims[1] || p !== dims[2]))
      return invalid(`n, m, p: expected ${dims.join(', ')} for this problem, got ${n}, ${m}, ${p}`);
    const f = list(c.factors, 'factors', { length: 3 });
    const U = parseFactor(f[0], 'factors[0]', n * m, null);
    const R = U[0].length;
    // The naive algorithm has rank nmp; larger decompositions are never useful and cost time.
    if (R > n * m * p) return invalid(`factors: ${R} columns exceed the naive rank ${n * m * p}`);
    const V = parseFactor(f[1], 'factors[1]', m * p, R);
    const W = parseFactor(f[2], 'factors[2]', p * n, R);
    if (c.rank !== undefined && integer(c.rank, 'rank') !== R) return invalid(`rank: ${c.rank} differs from the ${R} factor columns`);
    const err = reconstructionError(n, m, p, U, V, W);
    if (err) return invalid(err);
    let nz = 0, complex = 0, total = 0;
    for (const F of [U, V, W])
      for (const row of F)
        for (const x of row) {
          total++;
          if (x.re.m !== 0n || x.im.m !== 0n) nz++;
          if (x.im.m !== 0n) complex++;
        }
    return valid(R, { density: nz / total, complexFraction: complex / total });
  });
}

/** Every ⟨n,m,p⟩ with a published decomposition, as [n, m, p]. */
export const MATMUL_SHAPES: [number, number, number][] = [
  [2, 4, 5], [2, 4, 7], [2, 4, 8], [2, 5, 6], [3, 3, 3], [3, 4, 6], [3, 4, 7], [3, 4, 8],
  [3, 5, 6], [3, 5, 7], [4, 4, 4], [4, 4, 5], [4, 4, 7], [4, 5, 6], [5, 5, 5],
];

export const matmulVerifiers: MathVerifier[] = MATMUL_SHAPES.map((dims) => ({
  id: `matmul_${dims.join('_')}`,
  direction: 'min' as const,
  tolerance: 0,
  toleranceNote: 'exact: entries are read as dyadic rationals and the tensor is rebuilt in BigInt integer arithmetic',
  verify: (c: unknown) => verifyMatmul(c, dims),
}));
