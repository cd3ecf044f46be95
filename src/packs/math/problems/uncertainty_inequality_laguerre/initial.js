// Uncertainty inequality, Laguerre form (Cohn–Gonçalves, dimension 1): k double roots z_1..z_k of
// g = Σ a_d L_d^(-1/2) over even d ≤ 4k+2, with g(0) = 0 and g'(0) = 1. run() returns
// {dimension: 1, num_double_roots: k, double_roots}; the bound is r/(2π), r the largest sign
// change of g/(x·Π(x − z_i)²). Roots follow a power law z_i = A·(i + OFFSET)^POWER.

// EVOLVE-BLOCK-START
const K = 6;
const A = 4;
const OFFSET = 2;
const POWER = 2.5;
const JITTER = [0, 0, 0, 0, 0, 0];
// EVOLVE-BLOCK-END

export function run() {
  const k = Math.max(1, Math.min(14, Math.round(K)));
  const roots = [];
  for (let i = 0; i < k; i++) {
    const z = A * Math.pow(i + OFFSET, POWER) + (JITTER[i] ?? 0);
    roots.push(Math.abs(z) + 1e-3 * (i + 1));
  }
  roots.sort((a, b) => a - b);
  for (let i = 1; i < k; i++) if (roots[i] <= roots[i - 1]) roots[i] = roots[i - 1] + 1e-3;
  return { dimension: 1, num_double_roots: k, double_roots: roots };
}
