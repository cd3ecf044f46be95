// Engine problem `superposition-uand`: find a one-layer construction that ε-linearly represents U-AND on
// s-sparse inputs with the fewest neurons. The program outputs the weights, biases and a read-off rule; the
// verifier samples inputs from a seed the program never sees and measures every read-off error itself.
import { reject, type CascadeStage, type Problem, type Verdict } from '../../../engine/problem.js';
import { objStream, sampleSparse } from '../sampling.js';
import { initialProgram } from '../../initial-program.js';

interface StageInput { m: number; s: number; eps: number }
const STAGE_INPUTS: Record<string, StageInput & { inputs: number; pairs00: number }> = {
  screen: { m: 100, s: 3, eps: 0.5, inputs: 40, pairs00: 200 },
  full: { m: 300, s: 3, eps: 0.5, inputs: 80, pairs00: 300 },
};
const MAX_NEURONS = 50000;
const MAX_NNZ = 3_000_000;
const VERIFIER_SEED = 'superposition-uand-verifier-7f3a';

function isIntArray(v: unknown): v is number[] { return Array.isArray(v) && v.every((x) => Number.isInteger(x)); }

/** Checks the output shape; returns the parsed network or a reason naming the field. */
export function parseUandOutput(out: unknown, m: number): { d: number; rowPtr: number[]; col: number[]; val: number[]; bias: number[]; rule: string; scale: number; offset: number } | string {
  if (typeof out !== 'object' || out === null) return 'output must be an object { W, bias, readout }';
  const o = out as Record<string, unknown>;
  const W = o.W as Record<string, unknown> | undefined;
  if (typeof W !== 'object' || W === null) return 'W must be an object { rowPtr, col, val }';
  const { rowPtr, col, val } = W as { rowPtr: unknown; col: unknown; val: unknown };
  if (!isIntArray(rowPtr) || rowPtr.length < 2) return 'W.rowPtr must be an integer array of length d + 1 >= 2';
  const d = rowPtr.length - 1;
  if (d > MAX_NEURONS) return `W.rowPtr: at most ${MAX_NEURONS} neurons, got ${d}`;
  if (!isIntArray(col)) return 'W.col must be an integer array';
  if (!Array.isArray(val) || val.length !== col.length) return 'W.val must be an array as long as W.col';
  if (col.length > MAX_NNZ) return `W.col: at most ${MAX_NNZ} nonzeros, got ${col.length}`;
  if (rowPtr[0] !== 0 || rowPtr[d] !== col.length) return 'W.rowPtr must start at 0 and end at col.length';
  for (let i = 0; i < d; i++) if (rowPtr[i + 1] < rowPtr[i]) return `W.rowPtr must be non-decreasing (index ${i + 1})`;
  for (let j = 0; j < col.length; j++) {
    if (col[j] < 0 || col[j] >= m) return `W.col[${j}] must be a feature index in [0, ${m}), got ${col[j]}`;
    if (typeof val[j] !== 'number' || !Number.isFinite(val[j])) return `W.val[${j}] must be a finite number`;
  }
  const bias = o.bias;
  if (!Array.isArray(bias) || bias.length !== d) return `bias must be an array of length d = ${d}`;
  for (let i = 0; i < d; i++) if (typeof bias[i] !== 'number' || !Number.isFinite(bias[i])) return `bias[${i}] must be a finite number`;
  const r = o.readout as Record<string, unknown> | undefined;
  if (typeof r !== 'object' || r === null) return 'readout must be an object { rule, scale, offset }';
  if (r.rule !== 'support-mean' && r.rule !== 'sign-product') return "readout.rule must be 'support-mean' or 'sign-product'";
  if (typeof r.scale !== 'number' || !Number.isFinite(r.scale)) return 'readout.scale must be a finite number';
  if (typeof r.offset !== 'number' || !Number.isFinite(r.offset)) return 'readout.offset must be a finite number';
  return { d, rowPtr, col, val: val as number[], bias: bias as number[], rule: r.rule, scale: r.scale, offset: r.offset };
}

/** Measures the worst and q99 read-off error of the network over inputs drawn from the verifier's own seed. */
export function verifyUand(out: unknown, stage: CascadeStage | null): Verdict {
  const name = stage?.name ?? 'full';
  const cfg = STAGE_INPUTS[name];
  if (!cfg) return reject(`unknown stage ${name}`);
  const { m, s, eps } = cfg;
  const net = parseUandOutput(out, m);
  if (typeof net === 'string') return reject(net);
  const { d, rowPtr, col, val, bias, rule, scale, offset } = net;
  // Column view: for each feature, its (neuron, sign) list, merged per neuron.
  const colsN: number[][] = Array.from({ length: m }, () => []);
  const colsS: number[][] = Array.from({ length: m }, () => []);
  for (let i = 0; i < d; i++) {
    const seen = new Map<number, number>();
    for (let j = rowPtr[i]; j < rowPtr[i + 1]; j++) seen.set(col[j], (seen.get(col[j]) ?? 0) + val[j]);
    for (const [k, w] of seen) if (w !== 0) { colsN[k].push(i); colsS[k].push(Math.sign(w)); }
  }
  const read = (a: Float64Array, k: number, l: number): number => {
    const A = colsN[k], B = colsN[l];
    let x = 0, y = 0, n = 0, acc = 0;
    while (x < A.length && y < B.length) {
      if (A[x] === B[y]) {
        const i = A[x];
        if (rule === 'support-mean') { if (colsS[k][x] > 0 && colsS[l][y] > 0) { acc += a[i]; n++; } } else acc += colsS[k][x] * colsS[l][y] * a[i];
        x++; y++;
      } else if (A[x] < B[y]) x++; else y++;
    }
    if (rule === 'support-mean') return n ? offset + (scale * acc) / n : offset;
    return offset + scale * acc;
  };
  const errs: number[] = [];
  let maxErr = 0;
  const push = (e: number): void => { const v = Math.abs(e); errs.push(v); if (v > maxErr) maxErr = v; };
  const a = new Float64Array(d);
  const isAct = new Uint8Array(m);
  for (let t = 0; t < cfg.inputs; t++) {
    const rng = objStream(VERIFIER_SEED, name, t);
    const act = sampleSparse(rng, m, s);
    for (const k of act) isAct[k] = 1;
    for (let i = 0; i < d; i++) {
      let z = bias[i];
      for (let j = rowPtr[i]; j < rowPtr[i + 1]; j++) if (isAct[col[j]]) z += val[j];
      a[i] = z > 0 ? z : 0;
    }
    for (let i = 0; i < s; i++) for (let j = i + 1; j < s; j++) push(read(a, act[i], act[j]) - 1);
    for (const k of act) for (let l = 0; l < m; l++) if (!isAct[l]) push(read(a, k, l));
    for (let j = 0; j < cfg.pairs00; j++) {
      let k = rng.int(m), l = rng.int(m);
      while (isAct[k]) k = rng.int(m);
      while (isAct[l] || l === k) l = rng.int(m);
      push(read(a, k, l));
    }
    for (const k of act) isAct[k] = 0;
  }
  if (!Number.isFinite(maxErr)) return reject('read-off error is not finite (weights too large?)');
  errs.sort((x, y) => x - y);
  const q99 = errs[Math.floor(0.99 * (errs.length - 1))];
  // Feasible (sup error ≤ eps): the score is the neuron count. Otherwise it is inflated by (maxErr/eps)², which
  // still ranks infeasible candidates by how close they are.
  const score = maxErr <= eps ? d : d * (maxErr / eps) ** 2;
  return { valid: true, metrics: { score, neurons: d, maxErr, q99Err: q99, feasible: maxErr <= eps ? 1 : 0, nnz: col.length }, features: { neurons: d, density: col.length / (d * m) } };
}

const stages: CascadeStage[] = [
  { name: 'screen', input: { m: 100, s: 3, eps: 0.5 } satisfies StageInput, threshold: 1e6 },
  { name: 'full', input: { m: 300, s: 3, eps: 0.5 } satisfies StageInput },
];

export const uandProblem: Problem = {
  id: 'superposition-uand',
  aliases: ['uand'],
  pack: 'superposition',
  title: 'Universal AND in superposition with the fewest neurons',
  description:
    'Build the first layer (weights, biases) of a ReLU network and a read-off rule so that, for every pair (k,l) of m boolean ' +
    'features with exactly s on, the read-off of the hidden activations equals b_k AND b_l within eps (sup error over inputs ' +
    'sampled by the verifier from a hidden seed: all on/on and on/off pairs and random off/off pairs). Minimise `score`: the ' +
    'neuron count d when the worst error is at most eps, else d·(maxErr/eps)². Input {m, s, eps}; output ' +
    '{ W: {rowPtr, col, val} CSR d×m, bias: number[d], readout: { rule: "support-mean" | "sign-product", scale, offset } }. ' +
    'Rules: support-mean reads offset + scale·(mean activation over the neurons with positive weight from both features); ' +
    'sign-product reads offset + scale·Σ_i sgn(W_ik)·sgn(W_il)·a_i.',
  initialProgram: initialProgram(import.meta.url, 'superposition-uand'),
  metrics: [
    { name: 'score', direction: 'min', description: 'neurons if feasible, else neurons·(maxErr/eps)²' },
    { name: 'neurons', direction: 'min', description: 'hidden ReLU neurons d' },
    { name: 'maxErr', direction: 'min', description: 'worst |read-off − AND| over evaluated pairs' },
    { name: 'q99Err', direction: 'min', description: '99th percentile of |read-off − AND|' },
    { name: 'feasible', direction: 'max', description: '1 if maxErr ≤ eps' },
    { name: 'nnz', direction: 'min', description: 'nonzero first-layer weights' },
  ],
  primaryMetric: 'score',
  stages,
  descriptors: [
    { name: 'neurons', min: 0, max: 20000, bins: 10, description: 'hidden width' },
    { name: 'density', min: 0, max: 1, bins: 10, description: 'fraction of nonzero weights' },
  ],
  timeoutMs: 60000,
  memoryMb: 1024,
  verify: verifyUand,
};
