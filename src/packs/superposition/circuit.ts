// Boolean circuits of fan-in ≤ 2 as JSON: { "inputs": m0, "layers": [[{ "op": "AND", "in": [i, j] }, ...], ...] }.
// Gate inputs index the previous layer's outputs (layer 0 reads the circuit inputs).
import type { Rng } from '../../core/rng.js';

export const GATE_OPS = ['AND', 'OR', 'XOR', 'NOT', 'COPY', 'NAND', 'NOR', 'ANDNOT'] as const;
export type GateOp = (typeof GATE_OPS)[number];
const ARITY: Record<GateOp, number> = { AND: 2, OR: 2, XOR: 2, NOT: 1, COPY: 1, NAND: 2, NOR: 2, ANDNOT: 2 };

export interface Gate { op: GateOp; in: number[] }
export interface Circuit { inputs: number; layers: Gate[][] }

export class CircuitError extends Error {}

/** Checks the JSON shape and every index; returns a normalised copy or throws a CircuitError naming the field. */
export function validateCircuit(json: unknown): Circuit {
  const fail = (path: string, msg: string): never => { throw new CircuitError(`circuit${path}: ${msg}`); };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail('', 'must be an object { inputs, layers }');
  const o = json as Record<string, unknown>;
  for (const key of Object.keys(o)) if (key !== 'inputs' && key !== 'layers') fail(`.${key}`, 'unknown field (allowed: inputs, layers)');
  if (typeof o.inputs !== 'number' || !Number.isInteger(o.inputs) || o.inputs < 1) fail('.inputs', `must be a positive integer, got ${JSON.stringify(o.inputs)}`);
  if (!Array.isArray(o.layers) || o.layers.length === 0) fail('.layers', 'must be a non-empty array of layers');
  let width = o.inputs as number;
  const layers: Gate[][] = [];
  (o.layers as unknown[]).forEach((layer, l) => {
    if (!Array.isArray(layer) || layer.length === 0) fail(`.layers[${l}]`, 'must be a non-empty array of gates');
    const gates: Gate[] = [];
    (layer as unknown[]).forEach((g, j) => {
      const path = `.layers[${l}][${j}]`;
      if (typeof g !== 'object' || g === null || Array.isArray(g)) fail(path, 'must be an object { op, in }');
      const gg = g as Record<string, unknown>;
      for (const key of Object.keys(gg)) if (key !== 'op' && key !== 'in') fail(`${path}.${key}`, 'unknown field (allowed: op, in)');
      if (typeof gg.op !== 'string' || !(GATE_OPS as readonly string[]).includes(gg.op)) fail(`${path}.op`, `must be one of ${GATE_OPS.join(', ')}, got ${JSON.stringify(gg.op)}`);
      const op = gg.op as GateOp;
      if (!Array.isArray(gg.in) || gg.in.length !== ARITY[op]) fail(`${path}.in`, `${op} needs exactly ${ARITY[op]} input index(es)`);
      (gg.in as unknown[]).forEach((v, t) => {
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= width) fail(`${path}.in[${t}]`, `must be an integer in [0, ${width}) (width of the ${l === 0 ? 'inputs' : `layer ${l - 1}`}), got ${JSON.stringify(v)}`);
      });
      gates.push({ op, in: (gg.in as number[]).slice() });
    });
    layers.push(gates);
    width = gates.length;
  });
  return { inputs: o.inputs as number, layers };
}

export function gateValue(op: GateOp, a: number, b: number): number {
  switch (op) {
    case 'AND': return a & b;
    case 'OR': return a | b;
    case 'XOR': return a ^ b;
    case 'NOT': return 1 - a;
    case 'COPY': return a;
    case 'NAND': return 1 - (a & b);
    case 'NOR': return 1 - (a | b);
    case 'ANDNOT': return a & (1 - b);
  }
}

/** Exact simulation: the outputs of every layer (index 0 = the input itself). */
export function simulate(c: Circuit, input: ArrayLike<number>): Uint8Array[] {
  if (input.length !== c.inputs) throw new CircuitError(`input has ${input.length} bits, circuit expects ${c.inputs}`);
  const out: Uint8Array[] = [Uint8Array.from(input, (v) => (v ? 1 : 0))];
  for (const layer of c.layers) {
    const prev = out[out.length - 1];
    out.push(Uint8Array.from(layer, (g) => gateValue(g.op, prev[g.in[0]], g.in.length > 1 ? prev[g.in[1]] : 0)));
  }
  return out;
}

/** Largest number of ones in the input or any layer: the circuit is s-sparse on this input iff this is ≤ s. */
export function maxSparsity(trace: Uint8Array[]): number {
  let s = 0;
  for (const v of trace) { let n = 0; for (const x of v) n += x; s = Math.max(s, n); }
  return s;
}

/** The gate as an affine function of (a, b, a∧b): value = k + α a + β b + γ (a∧b) (C9 table). */
export function gateAffine(op: GateOp): { k: number; a: number; b: number; and: number } {
  switch (op) {
    case 'AND': return { k: 0, a: 0, b: 0, and: 1 };
    case 'OR': return { k: 0, a: 1, b: 1, and: -1 };
    case 'XOR': return { k: 0, a: 1, b: 1, and: -2 };
    case 'NOT': return { k: 1, a: -1, b: 0, and: 0 };
    case 'COPY': return { k: 0, a: 1, b: 0, and: 0 };
    case 'NAND': return { k: 1, a: 0, b: 0, and: -1 };
    case 'NOR': return { k: 1, a: -1, b: -1, and: 1 };
    case 'ANDNOT': return { k: 0, a: 1, b: 0, and: -1 };
  }
}

/** Circuit inputs each output of the last layer depends on (sorted). */
export function outputSupports(c: Circuit): number[][] {
  let sup: number[][] = Array.from({ length: c.inputs }, (_, i) => [i]);
  for (const layer of c.layers) {
    sup = layer.map((g) => [...new Set(g.in.flatMap((i) => sup[i]))].sort((x, y) => x - y));
  }
  return sup;
}

/**
 * Multilinear (Möbius) expansion of output j: f(b) = Σ_T coef[T]·Π_{t∈T} b_{vars[t]}, T a bit mask over `vars`.
 * Exact; cost 2^|vars| simulations.
 */
export function mobius(c: Circuit, j: number): { vars: number[]; coef: Float64Array } {
  const vars = outputSupports(c)[j];
  if (vars.length > 16) throw new CircuitError(`output ${j} depends on ${vars.length} inputs; the expansion is limited to 16`);
  const n = 1 << vars.length;
  const coef = new Float64Array(n);
  const x = new Uint8Array(c.inputs);
  for (let mask = 0; mask < n; mask++) {
    x.fill(0);
    vars.forEach((v, t) => { if (mask & (1 << t)) x[v] = 1; });
    const tr = simulate(c, x);
    coef[mask] = tr[tr.length - 1][j];
  }
  for (let t = 0; t < vars.length; t++) {
    for (let mask = 0; mask < n; mask++) if (mask & (1 << t)) coef[mask] -= coef[mask ^ (1 << t)];
  }
  return { vars, coef };
}

export interface OpWeights { COPY?: number; AND?: number; ANDNOT?: number; XOR?: number }

/**
 * A random layered circuit that tends to keep sparsity: output j = g(b[π(j)], b[σ(j)]) with π a permutation and
 * g drawn with the given weights from COPY/AND/ANDNOT (never more ones than the input) and XOR (may add ones).
 * Default weights: COPY, AND, ANDNOT equally likely, XOR with probability `xorRate`.
 */
export function randomSparseCircuit(rng: Rng, width: number, depth: number, xorRate = 0, weights?: OpWeights): Circuit {
  const w = weights ?? { COPY: (1 - xorRate) / 3, AND: (1 - xorRate) / 3, ANDNOT: (1 - xorRate) / 3, XOR: xorRate };
  const ops = (['COPY', 'AND', 'ANDNOT', 'XOR'] as const).filter((o) => (w[o] ?? 0) > 0);
  const total = ops.reduce((t, o) => t + (w[o] ?? 0), 0);
  if (!(total > 0)) throw new RangeError('randomSparseCircuit: op weights must have a positive sum');
  const layers: Gate[][] = [];
  for (let l = 0; l < depth; l++) {
    const perm = Array.from({ length: width }, (_, i) => i);
    for (let i = width - 1; i > 0; i--) { const t = rng.int(i + 1); [perm[i], perm[t]] = [perm[t], perm[i]]; }
    layers.push(perm.map((a) => {
      let b = rng.int(width);
      if (b === a) b = (b + 1) % width;
      let u = rng.float() * total;
      let op: GateOp = ops[ops.length - 1];
      for (const o of ops) { u -= w[o] ?? 0; if (u < 0) { op = o; break; } }
      return op === 'COPY' ? { op, in: [a] } : { op, in: [a, b] };
    }));
  }
  return { inputs: width, layers };
}
