// Tame rebalancing parameter sets X = (k, H, c, ι, Z, α, β), their text form (seven lines, the
// published layout), the transpose Xᵀ, and the integer state offsets Δ_{c,r} of every block term.
import { terms, type Term } from './sergeev.js';
import { popcount } from './circuit.js';

export interface ParamSet {
  name: string;
  k: number;
  H: number;
  /** Block identifiers c_0 < … < c_{L−1}. */
  blocks: number[];
  /** Multiplicities m_0 … m_{L−1}, summing to H: state h uses block i when m_0+…+m_{i−1} ≤ h < m_0+…+m_i. */
  mult: number[];
  Z: number;
  alpha: number;
  beta: number;
}

const Z3 = 1.2599210498948732; // the double printed in the published files (nearest to 2^{1/3})

/** The four published parameter sets (Ye 2026, revised version, Table 2.1). */
export const FAMILIES: Record<string, ParamSet> = {
  jessica: { name: 'jessica', k: 7, H: 612, blocks: [0, 20, 42, 85, 107, 127], mult: [14, 22, 270, 270, 22, 14], Z: Z3, alpha: 0.5, beta: 0.5 },
  sonetto: { name: 'sonetto', k: 7, H: 360, blocks: [0, 21, 42, 85, 106, 127], mult: [8, 22, 150, 150, 22, 8], Z: Z3, alpha: 0.38, beta: 0.38 },
  regulus: { name: 'regulus', k: 7, H: 360, blocks: [0, 42, 43, 45, 77, 85, 86, 127], mult: [8, 36, 20, 20, 160, 64, 44, 8], Z: Z3, alpha: 0.336, beta: 0.414 },
  'regulus-t': { name: 'regulus-t', k: 7, H: 360, blocks: [0, 41, 42, 50, 82, 84, 85, 127], mult: [8, 44, 64, 160, 20, 20, 36, 8], Z: Z3, alpha: 0.414, beta: 0.336 },
};

export function family(name: string): ParamSet {
  const f = FAMILIES[name];
  if (!f) throw new RangeError(`family must be one of ${Object.keys(FAMILIES).join('|')}, got '${name}'`);
  return f;
}

export function validateParamSet(x: ParamSet): void {
  const bad = (field: string, why: string): never => { throw new RangeError(`parameter set ${x.name}: ${field} ${why}`); };
  if (!Number.isInteger(x.k) || x.k < 1 || x.k > 12) bad('k', `must be an integer in [1, 12], got ${x.k}`);
  if (!Number.isInteger(x.H) || x.H < 1 || x.H > 100000) bad('H', `must be an integer in [1, 100000], got ${x.H}`);
  if (!Array.isArray(x.blocks) || x.blocks.length < 1) bad('blocks', 'must be a nonempty list');
  x.blocks.forEach((c, i) => {
    if (!Number.isInteger(c) || c < 0 || c >= 2 ** x.k) bad('blocks', `entry ${i} must be an integer in [0, 2^k), got ${c}`);
    if (i > 0 && c <= x.blocks[i - 1]) bad('blocks', 'must be strictly increasing');
  });
  if (!Array.isArray(x.mult) || x.mult.length !== x.blocks.length) bad('mult', `must have ${x.blocks.length} entries`);
  if (x.mult.some((m) => !Number.isInteger(m) || m < 0)) bad('mult', 'entries must be nonnegative integers');
  if (x.mult.reduce((s, m) => s + m, 0) !== x.H) bad('mult', `must sum to H = ${x.H}`);
  if (!(x.Z > 1 && Number.isFinite(x.Z))) bad('Z', `must be a finite number > 1, got ${x.Z}`);
  if (!(x.alpha > 0 && x.alpha < 1)) bad('alpha', `must lie in (0, 1), got ${x.alpha}`);
  if (!(x.beta > 0 && x.beta < 1)) bad('beta', `must lie in (0, 1), got ${x.beta}`);
}

/** ι(h): the index of the block used in state h. */
export function stateBlocks(x: ParamSet): Int32Array {
  const out = new Int32Array(x.H);
  let h = 0;
  x.mult.forEach((m, i) => { for (let t = 0; t < m; t++) out[h++] = i; });
  return out;
}

export function clamp(t: number, H: number): number {
  return t < 0 ? 0 : t > H - 1 ? H - 1 : t;
}

/** Xᵀ = (k, H, (c̄_{L−1},…,c̄_0), reversed multiplicities, Z, β, α). */
export function transposeParams(x: ParamSet): ParamSet {
  const full = 2 ** x.k - 1;
  return {
    name: `${x.name}^T`, k: x.k, H: x.H,
    blocks: x.blocks.map((c) => full - c).reverse(), mult: [...x.mult].reverse(),
    Z: x.Z, alpha: x.beta, beta: x.alpha,
  };
}

/** The seven-line text form (no final newline). */
export function formatParamSet(x: ParamSet): string {
  return [x.k, x.H, x.blocks.length, x.blocks.join(' '), x.mult.join(' '), String(x.Z), `${x.alpha} ${x.beta}`].join('\n');
}

export function parseParamSet(text: string, name = 'parsed'): ParamSet {
  const lines = text.trim().split('\n');
  if (lines.length !== 7) throw new RangeError(`parameter file: expected 7 lines, got ${lines.length}`);
  const nums = (l: string): number[] => l.trim().split(/\s+/).map(Number);
  const [k] = nums(lines[0]);
  const [H] = nums(lines[1]);
  const [L] = nums(lines[2]);
  const blocks = nums(lines[3]);
  const mult = nums(lines[4]);
  const [Z] = nums(lines[5]);
  const [alpha, beta] = nums(lines[6]);
  if (blocks.length !== L) throw new RangeError(`parameter file: line 4 lists ${blocks.length} blocks, line 3 says ${L}`);
  const x = { name, k, H, blocks, mult, Z, alpha, beta };
  validateParamSet(x);
  return x;
}

function wnnz(support: number[], k: number, g0: number, g1: number): number {
  let s = 0;
  for (const m of support) { const w = popcount(m); s += Math.pow(g0, k - w) * Math.pow(g1, w); }
  return s;
}

export interface BlockData {
  c: number;
  terms: Term[];
  /** Raw tilts θ_{c,r}. */
  tilt: number[];
  /** Offsets Δ_{c,r} = ⌊θ + ½⌋. */
  offset: number[];
}

/** Terms, tilts and offsets of every block of X, in the order of x.blocks. */
export function blockData(x: ParamSet): BlockData[] {
  validateParamSet(x);
  const lz = Math.log(x.Z);
  return x.blocks.map((c) => {
    const ts = terms(x.k, c);
    const tilt = ts.map((t) => Math.log(wnnz(t.v, x.k, 1 - x.beta, x.beta) / wnnz(t.u, x.k, 1 - x.alpha, x.alpha)) / lz);
    return { c, terms: ts, tilt, offset: tilt.map((t) => Math.floor(t + 0.5)) };
  });
}

/** Smallest distance of a raw tilt to ℤ + ½ (the offsets are robust to rounding when this is large). */
export function minHalfIntegerDistance(x: ParamSet): number {
  let d = Infinity;
  for (const b of blockData(x)) for (const t of b.tilt) d = Math.min(d, Math.abs(t - Math.floor(t) - 0.5));
  return d;
}
