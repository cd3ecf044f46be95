// Gaussian quadrature rules (Legendre, Hermite) and a panelled integrator for oscillatory 1-D integrals.

export interface Rule { nodes: Float64Array; weights: Float64Array }

const legendreCache = new Map<number, Rule>();
const hermiteCache = new Map<number, Rule>();

/** n-point Gauss–Legendre rule on [−1, 1] (Newton iteration on P_n). */
export function gaussLegendre(n: number): Rule {
  if (!Number.isInteger(n) || n < 1 || n > 2000) throw new RangeError(`gaussLegendre: n must be an integer in [1, 2000], got ${n}`);
  const hit = legendreCache.get(n);
  if (hit) return hit;
  const nodes = new Float64Array(n), weights = new Float64Array(n);
  const m = Math.floor((n + 1) / 2);
  for (let i = 0; i < m; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let pp = 0;
    for (let it = 0; it < 100; it++) {
      let p1 = 1, p2 = 0;
      for (let j = 1; j <= n; j++) {
        const p3 = p2; p2 = p1;
        p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
      }
      pp = (n * (z * p1 - p2)) / (z * z - 1);
      const z1 = z;
      z = z1 - p1 / pp;
      if (Math.abs(z - z1) < 1e-15) break;
    }
    nodes[i] = -z; nodes[n - 1 - i] = z;
    weights[i] = weights[n - 1 - i] = 2 / ((1 - z * z) * pp * pp);
  }
  const rule = { nodes, weights };
  legendreCache.set(n, rule);
  return rule;
}

/**
 * n-point Gauss–Hermite rule for the standard normal weight: Σ wᵢ f(xᵢ) ≈ E[f(Z)], Z ~ N(0, 1)
 * (physicists' rule by Newton iteration on normalised Hermite functions, then rescaled).
 */
export function gaussHermiteNormal(n: number): Rule {
  if (!Number.isInteger(n) || n < 1 || n > 150) throw new RangeError(`gaussHermiteNormal: n must be an integer in [1, 150], got ${n}`);
  const hit = hermiteCache.get(n);
  if (hit) return hit;
  const x = new Float64Array(n), w = new Float64Array(n);
  const pim4 = Math.pow(Math.PI, -0.25);
  const m = Math.floor((n + 1) / 2);
  let z = 0;
  for (let i = 0; i < m; i++) {
    if (i === 0) z = Math.sqrt(2 * n + 1) - 1.85575 * Math.pow(2 * n + 1, -0.16667);
    else if (i === 1) z -= (1.14 * Math.pow(n, 0.426)) / z;
    else if (i === 2) z = 1.86 * z - 0.86 * x[0];
    else if (i === 3) z = 1.91 * z - 0.91 * x[1];
    else z = 2 * z - x[i - 2];
    let pp = 0;
    for (let it = 0; it < 200; it++) {
      let p1 = pim4, p2 = 0;
      for (let j = 1; j <= n; j++) {
        const p3 = p2; p2 = p1;
        p1 = z * Math.sqrt(2 / j) * p2 - Math.sqrt((j - 1) / j) * p3;
      }
      pp = Math.sqrt(2 * n) * p2;
      const z1 = z;
      z = z1 - p1 / pp;
      if (Math.abs(z - z1) < 1e-14) break;
    }
    x[i] = z; x[n - 1 - i] = -z;
    w[i] = w[n - 1 - i] = 2 / (pp * pp);
  }
  // Physicists' weight e^{−t²}: E[f(Z)] = π^{−1/2} Σ w f(√2 t).
  const nodes = new Float64Array(n), weights = new Float64Array(n);
  for (let i = 0; i < n; i++) { nodes[i] = Math.SQRT2 * x[n - 1 - i]; weights[i] = w[n - 1 - i] / Math.sqrt(Math.PI); }
  // The root-finding guesses are reliable up to n = 150; a wrong rule would show in the total weight.
  const total = weights.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) > 1e-10) throw new Error(`gaussHermiteNormal(${n}): weights sum to ${total}`);
  const rule = { nodes, weights };
  hermiteCache.set(n, rule);
  return rule;
}

/**
 * ∫_a^b f(x) dx by composite Gauss–Legendre on `panels` equal panels of `order` points each;
 * choose panels ≳ (number of oscillations) for oscillatory integrands.
 */
export function integrate(f: (x: number) => number, a: number, b: number, panels = 16, order = 16): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError('integrate: limits must be finite');
  if (!Number.isInteger(panels) || panels < 1) throw new RangeError(`integrate: panels must be a positive integer, got ${panels}`);
  const { nodes, weights } = gaussLegendre(order);
  const h = (b - a) / panels;
  let s = 0;
  for (let p = 0; p < panels; p++) {
    const mid = a + (p + 0.5) * h;
    let ps = 0;
    for (let i = 0; i < order; i++) ps += weights[i] * f(mid + 0.5 * h * nodes[i]);
    s += 0.5 * h * ps;
  }
  return s;
}
