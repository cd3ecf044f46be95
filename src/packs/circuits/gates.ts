// Middle gates as (column of A, row of B) pairs, for equivalence up to a permutation of gates.
import type { Circuit } from './circuit.js';
import type { SparseInt } from '../../core/sparse-int.js';

function mix(h: number, v: number): number {
  h ^= v;
  return Math.imul(h, 0x01000193) >>> 0;
}

function gateHash(c: Circuit, g: number): number {
  let h = 0x811c9dc5;
  for (const m of [c.AT, c.B]) {
    for (let k = m.rowPtr[g]; k < m.rowPtr[g + 1]; k++) { h = mix(h, m.colIdx[k]); h = mix(h, m.val[k] & 0xff); }
    h = mix(h, 0xfffffff);
  }
  return h;
}

function cmpRow(a: SparseInt, ga: number, b: SparseInt, gb: number): number {
  const la = a.rowPtr[ga + 1] - a.rowPtr[ga], lb = b.rowPtr[gb + 1] - b.rowPtr[gb];
  if (la !== lb) return la - lb;
  for (let k = 0; k < la; k++) {
    const ka = a.rowPtr[ga] + k, kb = b.rowPtr[gb] + k;
    if (a.colIdx[ka] !== b.colIdx[kb]) return a.colIdx[ka] - b.colIdx[kb];
    if (a.val[ka] !== b.val[kb]) return a.val[ka] - b.val[kb];
  }
  return 0;
}

function cmpGate(c: Circuit, g: number, d: Circuit, e: number): number {
  return cmpRow(c.AT, g, d.AT, e) || cmpRow(c.B, g, d.B, e);
}

/**
 * Whether C ≅ C′: the same multiset of gates (A[:,g], B[g,:]). Gates are sorted by a hash, then
 * by content, and compared entry by entry, so the answer is exact.
 */
export function equivalent(c: Circuit, d: Circuit): boolean {
  if (c.AT.rows !== d.AT.rows || c.AT.cols !== d.AT.cols || c.B.cols !== d.B.cols) return false;
  const order = (x: Circuit): number[] => {
    const h = Array.from({ length: x.AT.rows }, (_, g) => gateHash(x, g));
    return h.map((_, g) => g).sort((a, b) => h[a] - h[b] || cmpGate(x, a, x, b));
  };
  const oc = order(c), od = order(d);
  return oc.every((g, i) => cmpGate(c, g, d, od[i]) === 0);
}
