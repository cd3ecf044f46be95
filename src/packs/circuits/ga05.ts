// The GA05 bound on the top Lyapunov exponent of i.i.d. products of the transition matrices, in
// its solver-free spectral form: Φ*(p) = inf_a [Σ P_i P_j a_ij + log₂ ρ(M_a)] with
// M_a[(i,u),(j,v)] = 2^{−a_ij}·A_j[u][v]. Perron vectors come from shifted power iteration with
// positive sums only (the vectors span ~10^−40..1, which a general eigensolver would destroy).
import { lbfgs } from '../../core/lbfgs.js';
import type { Transitions } from './transitions.js';

export function binomialPmf(k: number, p: number): Float64Array {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must lie in [0, 1], got ${p}`);
  const P = new Float64Array(k + 1);
  let c = 1;
  for (let i = 0; i <= k; i++) {
    P[i] = c * Math.pow(p, i) * Math.pow(1 - p, k - i);
    c = (c * (k - i)) / (i + 1);
  }
  return P;
}

/** E_k(p) = −Σ P_i log₂ P_i, the entropy of Bin(k, p) in bits. */
export function binomialEntropy(k: number, p: number): number {
  let s = 0;
  for (const q of binomialPmf(k, p)) if (q > 0) s -= q * Math.log2(q);
  return s;
}

export interface Spectral {
  K: number;
  H: number;
  t: Transitions;
}

/** y = M_a w, with E = 2^{−a} (K×K row-major). */
export function applyRight(s: Spectral, E: Float64Array, w: Float64Array, out: Float64Array, tmp: Float64Array): void {
  const { K, H, t } = s;
  for (let j = 0; j < K; j++) {
    const m = t.mats[j];
    const off = j * H;
    for (let u = 0; u < H; u++) {
      let acc = 0;
      for (let q = m.rowPtr[u]; q < m.rowPtr[u + 1]; q++) acc += m.val[q] * w[off + m.col[q]];
      tmp[off + u] = acc;
    }
  }
  out.fill(0);
  for (let i = 0; i < K; i++) {
    const oi = i * H;
    for (let j = 0; j < K; j++) {
      const e = E[i * K + j];
      const oj = j * H;
      for (let u = 0; u < H; u++) out[oi + u] += e * tmp[oj + u];
    }
  }
}

/** out = yᵀ M_a. */
export function applyLeft(s: Spectral, E: Float64Array, y: Float64Array, out: Float64Array, tmp: Float64Array): void {
  const { K, H, t } = s;
  tmp.fill(0);
  for (let i = 0; i < K; i++) {
    const oi = i * H;
    for (let j = 0; j < K; j++) {
      const e = E[i * K + j];
      const oj = j * H;
      for (let u = 0; u < H; u++) tmp[oj + u] += e * y[oi + u];
    }
  }
  out.fill(0);
  for (let j = 0; j < K; j++) {
    const m = t.mats[j];
    const off = j * H;
    for (let u = 0; u < H; u++) {
      const su = tmp[off + u];
      if (su === 0) continue;
      for (let q = m.rowPtr[u]; q < m.rowPtr[u + 1]; q++) out[off + m.col[q]] += su * m.val[q];
    }
  }
}

export interface PerronResult {
  /** Spectral radius estimate (between the Collatz–Wielandt bounds). */
  rho: number;
  /** Collatz–Wielandt lower and upper bounds from the right vector. */
  lower: number;
  upper: number;
  iterations: number;
}

type Apply = (v: Float64Array, out: Float64Array) => void;

/** Power iteration v ← (Mv + c·v)/Σ, c the running ρ estimate, until max/min of (Mv)/v ≤ 1 + tol. */
export function powerIterate(apply: Apply, v: Float64Array, tol: number, maxIter: number): PerronResult {
  const n = v.length;
  const mv = new Float64Array(n);
  let rho = 1, lower = 0, upper = Infinity, it = 0;
  for (; it < maxIter; it++) {
    apply(v, mv);
    lower = Infinity; upper = 0;
    let smv = 0, sv = 0;
    for (let q = 0; q < n; q++) {
      if (v[q] > 0) {
        const r = mv[q] / v[q];
        if (r < lower) lower = r;
        if (r > upper) upper = r;
      }
      smv += mv[q]; sv += v[q];
    }
    rho = smv / sv;
    if (upper <= lower * (1 + tol)) break;
    let tot = 0;
    const c = 0.25 * rho; // a small shift keeps periodic chains convergent without slowing aperiodic ones
    for (let q = 0; q < n; q++) { v[q] = mv[q] + c * v[q]; tot += v[q]; }
    for (let q = 0; q < n; q++) v[q] /= tot;
  }
  return { rho, lower, upper, iterations: it };
}

export interface Ga05State {
  s: Spectral;
  P: Float64Array;
  /** Warm-started right and left Perron vectors. */
  w: Float64Array;
  y: Float64Array;
  tol: number;
  maxPower: number;
  powerIterations: number;
}

export function createState(t: Transitions, p: number, tol = 1e-10, maxPower = 20000): Ga05State {
  const K = t.k + 1;
  const n = K * t.H;
  return {
    s: { K, H: t.H, t }, P: binomialPmf(t.k, p),
    w: new Float64Array(n).fill(1 / n), y: new Float64Array(n).fill(1 / n), tol, maxPower, powerIterations: 0,
  };
}

/** G(a) = Σ P_iP_j a_ij + log₂ ρ(M_a) and its gradient P_iP_j − F_ij. */
export function objective(st: Ga05State, a: Float64Array): { f: number; g: Float64Array; rho: number } {
  const { K, H } = st.s;
  const n = K * H;
  const E = a.map((v) => Math.pow(2, -v));
  const tmp = new Float64Array(n);
  const r = powerIterate((v, out) => applyRight(st.s, E, v, out, tmp), st.w, st.tol, st.maxPower);
  const l = powerIterate((v, out) => applyLeft(st.s, E, v, out, tmp), st.y, st.tol, st.maxPower);
  st.powerIterations += r.iterations + l.iterations;
  const rho = r.rho;
  // F_ij = E_ij · y_iᵀ (A_j w_j) / (ρ · yᵀ w)
  const Aw = new Float64Array(n);
  const t = st.s.t;
  for (let j = 0; j < K; j++) {
    const m = t.mats[j];
    const off = j * H;
    for (let u = 0; u < H; u++) {
      let acc = 0;
      for (let q = m.rowPtr[u]; q < m.rowPtr[u + 1]; q++) acc += m.val[q] * st.w[off + m.col[q]];
      Aw[off + u] = acc;
    }
  }
  let yw = 0;
  for (let q = 0; q < n; q++) yw += st.y[q] * st.w[q];
  const g = new Float64Array(K * K);
  let f = Math.log2(rho);
  for (let i = 0; i < K; i++) {
    for (let j = 0; j < K; j++) {
      let acc = 0;
      for (let u = 0; u < H; u++) acc += st.y[i * H + u] * Aw[j * H + u];
      const F = (E[i * K + j] * acc) / (rho * yw);
      const pp = st.P[i] * st.P[j];
      g[i * K + j] = pp - F;
      f += pp * a[i * K + j];
    }
  }
  return { f, g, rho };
}

/** The exact optimum for one state (H = 1 structure): a_ij = log₂(d_j / P_j), used as a start. */
export function initialTolls(t: Transitions, P: Float64Array): Float64Array {
  const K = t.k + 1;
  const a = new Float64Array(K * K);
  for (let j = 0; j < K; j++) {
    const m = t.mats[j];
    let tot = 0;
    for (const v of m.val) tot += v;
    const d = tot / t.H;
    for (let i = 0; i < K; i++) a[i * K + j] = Math.log2(d / Math.max(P[j], 1e-300));
  }
  return a;
}

export interface Ga05Solution {
  p: number;
  a: Float64Array;
  /** Φ at the returned tolls (dual value, before the certificate shift). */
  phi: number;
  /** max |P_iP_j − F_ij| at the end. */
  gradNorm: number;
  iterations: number;
  powerIterations: number;
  w: Float64Array;
  y: Float64Array;
}

export interface SolveOptions {
  a0?: Float64Array;
  w0?: Float64Array;
  y0?: Float64Array;
  maxIter?: number;
  /** Power-iteration stopping tolerance on max/min of (Mv)/v − 1. */
  tol?: number;
  gradTol?: number;
  fTol?: number;
}

export function solveGa05(t: Transitions, p: number, opts: SolveOptions = {}): Ga05Solution {
  const st = createState(t, p, opts.tol ?? 1e-10);
  if (opts.w0) st.w.set(opts.w0);
  if (opts.y0) st.y.set(opts.y0);
  const a0 = opts.a0 ?? initialTolls(t, st.P);
  // Precondition: the Hessian in a_ij scales like P_iP_j, so optimise x_ij = a_ij·√(P_iP_j).
  const K = t.k + 1;
  const sc = new Float64Array(K * K);
  // The floor keeps steps in rarely used tolls moderate (a huge toll costs little in Φ but ruins
  // the Lipschitz constant of the certificate's curve); the clamp is a last guard.
  for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) sc[i * K + j] = Math.sqrt(Math.max(st.P[i] * st.P[j], 1e-3));
  const toA = (x: Float64Array): Float64Array => x.map((v, q) => Math.min(60, Math.max(-60, v / sc[q])));
  const x0 = a0.map((v, q) => v * sc[q]);
  // Perron vectors only need the accuracy the current gradient can use: loose first, then a
  // second pass at the final tolerance (a loose f can stall the line search near the optimum).
  const finalTol = st.tol;
  const fg = (adaptive: boolean) => (x: Float64Array): { f: number; g: Float64Array } => {
    const r = objective(st, toA(x));
    if (adaptive) {
      let gmax = 0;
      for (const v of r.g) gmax = Math.max(gmax, Math.abs(v));
      st.tol = Math.min(1e-6, Math.max(finalTol, gmax * 1e-3));
    }
    return { f: r.f, g: r.g.map((v, q) => v / sc[q]) };
  };
  const lopts = { maxIter: opts.maxIter ?? 200, gradTol: opts.gradTol ?? 1e-9, fTol: opts.fTol ?? 1e-13, maxStep: 0.5 };
  st.tol = 1e-6;
  const first = lbfgs(fg(true), x0, lopts);
  st.tol = finalTol;
  const res = lbfgs(fg(false), first.x, { ...lopts, maxIter: Math.max(5, lopts.maxIter - first.iterations) });
  res.iterations += first.iterations;
  // Φ is invariant under a → a + c; fix the gauge so that ρ(M_a) = 1 (tolls stay of moderate size).
  const a = toA(res.x);
  const r = objective(st, a);
  const shift = Math.log2(r.rho);
  for (let q = 0; q < a.length; q++) a[q] += shift;
  let gn = 0;
  for (let q = 0; q < K * K; q++) gn = Math.max(gn, Math.abs(res.grad[q] * sc[q]));
  return { p, a, phi: res.f, gradNorm: gn, iterations: res.iterations, powerIterations: st.powerIterations, w: st.w.slice(), y: st.y.slice() };
}

export interface PrimalPoint {
  /** Ψ(μ) = Σ μ log₂(A_j[u][v]·π(i,u)/μ) for the measure built from the Perron vectors. */
  psi: number;
  /** max_ij |Σ_{u,v} μ(i,u,j,v) − P_iP_j|: how far μ is from the marginal constraints. */
  marginalError: number;
  /** max over nodes of |out-flow − in-flow|. */
  flowError: number;
}

/**
 * The primal measure μ(i,u,j,v) = y_iu·M_a[(i,u),(j,v)]·w_jv/(ρ·yᵀw) at tolls a (feasible exactly
 * at the optimum, where F = P⊗P), and its GA05 objective. Weak duality: Ψ(μ) ≤ Φ_a for feasible μ.
 */
export function primalPoint(t: Transitions, p: number, a: Float64Array, tol = 1e-11): PrimalPoint {
  const st = createState(t, p, tol);
  objective(st, a);
  const { K, H } = st.s;
  const E = a.map((v) => Math.pow(2, -v));
  const n = K * H;
  const mw = new Float64Array(n);
  const tmp = new Float64Array(n);
  applyRight(st.s, E, st.w, mw, tmp);
  let yw = 0, ymw = 0;
  for (let q = 0; q < n; q++) { yw += st.y[q] * st.w[q]; ymw += st.y[q] * mw[q]; }
  const rho = ymw / yw;
  const Z = rho * yw;
  const out = new Float64Array(n);
  const inflow = new Float64Array(n);
  const marg = new Float64Array(K * K);
  let psi = 0;
  // First pass: π(i,u) = out-flow.
  for (let i = 0; i < K; i++) for (let u = 0; u < H; u++) out[i * H + u] = (st.y[i * H + u] * mw[i * H + u]) / Z;
  for (let i = 0; i < K; i++) {
    for (let j = 0; j < K; j++) {
      const m = t.mats[j];
      for (let u = 0; u < H; u++) {
        const yu = st.y[i * H + u];
        if (yu === 0) continue;
        const pi = out[i * H + u];
        for (let q = m.rowPtr[u]; q < m.rowPtr[u + 1]; q++) {
          const v = m.col[q];
          const mu = (yu * E[i * K + j] * m.val[q] * st.w[j * H + v]) / Z;
          if (mu <= 0) continue;
          psi += mu * Math.log2((m.val[q] * pi) / mu);
          marg[i * K + j] += mu;
          inflow[j * H + v] += mu;
        }
      }
    }
  }
  let marginalError = 0, flowError = 0;
  for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) marginalError = Math.max(marginalError, Math.abs(marg[i * K + j] - st.P[i] * st.P[j]));
  for (let q = 0; q < n; q++) flowError = Math.max(flowError, Math.abs(out[q] - inflow[q]));
  return { psi, marginalError, flowError };
}
