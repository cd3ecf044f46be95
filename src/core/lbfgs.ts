// Limited-memory BFGS for smooth unconstrained minimisation, with a backtracking line search
// (Armijo condition, curvature pairs kept only when sᵀy > 0).

export interface LbfgsOptions {
  maxIter?: number;
  /** Memory: number of curvature pairs kept. */
  m?: number;
  /** Stop when the max-norm of the gradient falls below this. */
  gradTol?: number;
  /** Stop when an iteration improves f by less than this (absolute). */
  fTol?: number;
  /** Largest step length in max-norm per iteration (guards against wild first steps). */
  maxStep?: number;
}

export interface LbfgsResult {
  x: Float64Array;
  f: number;
  grad: Float64Array;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

export type Objective = (x: Float64Array) => { f: number; g: Float64Array };

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function maxAbs(a: Float64Array): number {
  let s = 0;
  for (const v of a) s = Math.max(s, Math.abs(v));
  return s;
}

export function lbfgs(fg: Objective, x0: ArrayLike<number>, opts: LbfgsOptions = {}): LbfgsResult {
  const maxIter = opts.maxIter ?? 200;
  const m = opts.m ?? 10;
  const gradTol = opts.gradTol ?? 1e-10;
  const fTol = opts.fTol ?? 0;
  const maxStep = opts.maxStep ?? 1;
  const n = x0.length;
  let x = Float64Array.from(x0);
  let { f, g } = fg(x);
  let evaluations = 1;
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  let iter = 0;
  let converged = maxAbs(g) < gradTol;
  while (!converged && iter < maxIter) {
    iter++;
    // Two-loop recursion: d = −H g.
    const q = Float64Array.from(g);
    const alphas: number[] = [];
    for (let i = S.length - 1; i >= 0; i--) {
      const a = dot(S[i], q) / dot(Y[i], S[i]);
      alphas[i] = a;
      for (let t = 0; t < n; t++) q[t] -= a * Y[i][t];
    }
    if (S.length) {
      const last = S.length - 1;
      const gamma = dot(S[last], Y[last]) / dot(Y[last], Y[last]);
      for (let t = 0; t < n; t++) q[t] *= gamma;
    }
    for (let i = 0; i < S.length; i++) {
      const b = dot(Y[i], q) / dot(Y[i], S[i]);
      for (let t = 0; t < n; t++) q[t] += S[i][t] * (alphas[i] - b);
    }
    const d = q.map((v) => -v);
    let gd = dot(g, d);
    if (!(gd < 0)) { // not a descent direction: restart with steepest descent
      S.length = 0; Y.length = 0;
      for (let t = 0; t < n; t++) d[t] = -g[t];
      gd = dot(g, d);
    }
    let step = Math.min(1, maxStep / Math.max(maxAbs(d), 1e-300));
    let accepted = false;
    let xn = x, fn = f, gn = g;
    for (let ls = 0; ls < 40; ls++) {
      xn = x.map((v, t) => v + step * d[t]);
      const r = fg(xn);
      evaluations++;
      fn = r.f; gn = r.g;
      if (Number.isFinite(fn) && fn <= f + 1e-4 * step * gd) { accepted = true; break; }
      step *= 0.5;
    }
    if (!accepted) break;
    const s = xn.map((v, t) => v - x[t]);
    const y = gn.map((v, t) => v - g[t]);
    if (dot(s, y) > 1e-300) {
      S.push(s); Y.push(y);
      if (S.length > m) { S.shift(); Y.shift(); }
    }
    const improvement = f - fn;
    x = xn; f = fn; g = gn;
    if (maxAbs(g) < gradTol || improvement < fTol) converged = true;
  }
  return { x, f, grad: g, iterations: iter, evaluations, converged };
}
