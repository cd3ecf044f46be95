// Exact Earth/Energy Mover's Distance between weighted point sets (reference for NEEMo).
// 1-D: EMD = ∫ |F_a(t) − F_b(t)| dt (closed form). Any dimension: the transport linear programme
// min Σ c_ij π_ij, Σ_j π_ij = a_i, Σ_i π_ij = b_j, π ≥ 0, solved with HiGHS.
import highsModule from 'highs';

// The package's ESM build exports the loader as default, while its CommonJS-typed declarations
// make TypeScript see the loader one level down; accept either shape at runtime.
type HighsLoader = typeof highsModule.default;
const loadHighs: HighsLoader =
  typeof highsModule === 'function' ? (highsModule as unknown as HighsLoader) : (highsModule as unknown as { default: HighsLoader }).default;

export interface PointSet {
  /** Row-major n×d coordinates. */
  x: Float64Array;
  n: number;
  d: number;
  /** Non-negative weights summing to 1 (uniform when built by `pointSet`). */
  w: Float64Array;
}

/** A point set from rows; weights default to uniform and are normalised to sum 1. */
export function pointSet(rows: number[][], weights?: number[]): PointSet {
  if (!Array.isArray(rows) || rows.length === 0) throw new RangeError('point set must have at least one row');
  const d = rows[0].length;
  if (d < 1) throw new RangeError('points must have at least one coordinate');
  const x = new Float64Array(rows.length * d);
  rows.forEach((r, i) => {
    if (r.length !== d || !r.every(Number.isFinite)) throw new RangeError(`row ${i} must hold ${d} finite numbers`);
    x.set(r, i * d);
  });
  const w = new Float64Array(rows.length);
  if (weights) {
    if (weights.length !== rows.length || weights.some((v) => !(v >= 0) || !Number.isFinite(v))) throw new RangeError('weights must be one non-negative finite number per row');
    const s = weights.reduce((a, b) => a + b, 0);
    if (!(s > 0)) throw new RangeError('weights must not all be zero');
    weights.forEach((v, i) => (w[i] = v / s));
  } else w.fill(1 / rows.length);
  return { x, n: rows.length, d, w };
}

/** Exact 1-D EMD with |·| ground distance. */
export function emd1d(a: PointSet, b: PointSet): number {
  if (a.d !== 1 || b.d !== 1) throw new RangeError('emd1d needs one-dimensional point sets');
  const ev: Array<[number, number]> = [];
  for (let i = 0; i < a.n; i++) ev.push([a.x[i], a.w[i]]);
  for (let j = 0; j < b.n; j++) ev.push([b.x[j], -b.w[j]]);
  ev.sort((p, q) => p[0] - q[0]);
  let cdf = 0, total = 0;
  for (let k = 0; k < ev.length - 1; k++) {
    cdf += ev[k][1];
    total += Math.abs(cdf) * (ev[k + 1][0] - ev[k][0]);
  }
  return total;
}

function distance(a: PointSet, i: number, b: PointSet, j: number, p: number): number {
  let s = 0;
  for (let t = 0; t < a.d; t++) {
    const v = Math.abs(a.x[i * a.d + t] - b.x[j * b.d + t]);
    s = p === Infinity ? Math.max(s, v) : s + Math.pow(v, p);
  }
  return p === Infinity || p === 1 ? s : Math.pow(s, 1 / p);
}

/** Exact EMD by linear programming (ground metric ‖·‖_p, default Euclidean); n·m must stay modest. */
export async function emdLP(a: PointSet, b: PointSet, p = 2): Promise<number> {
  if (a.d !== b.d) throw new RangeError(`point sets differ in dimension (${a.d} vs ${b.d})`);
  if (a.n * b.n > 250_000) throw new RangeError(`emdLP: ${a.n}x${b.n} transport plan is too large (limit 250000 variables)`);
  const highs = await loadHighs();
  const nc = a.n * b.n;
  const cost = new Float64Array(nc);
  const starts = new Int32Array(nc + 1), idx = new Int32Array(2 * nc), val = new Float64Array(2 * nc).fill(1);
  for (let i = 0; i < a.n; i++) for (let j = 0; j < b.n; j++) {
    const c = i * b.n + j;
    cost[c] = distance(a, i, b, j, p);
    starts[c + 1] = 2 * (c + 1);
    idx[2 * c] = i;
    idx[2 * c + 1] = a.n + j;
  }
  const rhs = new Float64Array(a.n + b.n);
  rhs.set(a.w, 0);
  rhs.set(b.w, a.n);
  const data = {
    numCols: nc, numRows: a.n + b.n, colCost: cost,
    colLower: new Float64Array(nc), colUpper: new Float64Array(nc).fill(highs.infinity),
    rowLower: rhs, rowUpper: rhs,
    matrix: { format: 'csc' as const, numRows: a.n + b.n, numCols: nc, starts, indices: idx, values: val },
  };
  return highs.withModel(data, (model) => {
    model.options.set({ output_flag: false });
    model.run();
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal) throw new Error(`transport LP not solved to optimality (status ${model.getModelStatus()})`);
    return model.getObjectiveValue();
  });
}
