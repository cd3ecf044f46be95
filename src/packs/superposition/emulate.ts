// C8 (Thm 6): a small circuit in one hidden layer. Each output is a multilinear polynomial in its ≤ 2^L input bits
// (Möbius expansion); each monomial of degree n is read off a U-AND^(n) block (C1/C5, one block per degree,
// concatenated in the same hidden layer), so the output error is at most Σ|coefficients| times the block errors.
import { mobius, simulate, type Circuit } from './circuit.js';
import { checkInt, type Seed } from './sampling.js';
import { buildSparseUand, type SparseUand } from './uand-sparse.js';

export interface OneLayerEmulation {
  circuit: Circuit;
  blocks: Map<number, SparseUand>; // degree n → block
  terms: Array<{ vars: number[]; coef: Float64Array }>;
  width: number;
}

export function buildOneLayerEmulation(circuit: Circuit, opts: { dPerBlock: number; seed: Seed }): OneLayerEmulation {
  const dB = checkInt('dPerBlock', opts.dPerBlock, 1);
  const outputs = circuit.layers[circuit.layers.length - 1].length;
  const terms = Array.from({ length: outputs }, (_, j) => mobius(circuit, j));
  const degrees = new Set<number>();
  for (const t of terms) t.coef.forEach((c, mask) => { if (c !== 0 && mask !== 0) degrees.add(popcount(mask)); });
  const blocks = new Map<number, SparseUand>();
  for (const n of [...degrees].sort()) blocks.set(n, buildSparseUand({ m: circuit.inputs, d: dB, n, seed: `${opts.seed}-deg${n}` }));
  return { circuit, blocks, terms, width: dB * blocks.size };
}

function popcount(x: number): number { let n = 0; while (x) { n += x & 1; x >>>= 1; } return n; }

/** Emulated outputs and the exact ones for an input given by its active bits. */
export function runOneLayer(E: OneLayerEmulation, actives: Int32Array): { out: Float64Array; truth: Uint8Array } {
  const acts = new Map<number, Float64Array>();
  for (const [n, B] of E.blocks) acts.set(n, B.activate(actives));
  const out = new Float64Array(E.terms.length);
  E.terms.forEach((t, j) => {
    let v = t.coef[0];
    t.coef.forEach((c, mask) => {
      if (c === 0 || mask === 0) return;
      const ks = t.vars.filter((_, i) => mask & (1 << i));
      const n = ks.length;
      v += c * E.blocks.get(n)!.readTuple(acts.get(n)!, ks);
    });
    out[j] = v;
  });
  const bits = new Uint8Array(E.circuit.inputs);
  for (const k of actives) bits[k] = 1;
  const tr = simulate(E.circuit, bits);
  return { out, truth: tr[tr.length - 1] };
}

/** Σ|coefficients| of output j's expansion (the error amplification factor). */
export function coefficientMass(E: OneLayerEmulation, j: number): number {
  let s = 0;
  E.terms[j].coef.forEach((c, mask) => { if (mask !== 0) s += Math.abs(c); });
  return s;
}
