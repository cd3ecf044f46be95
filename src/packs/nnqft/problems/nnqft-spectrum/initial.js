// Designs the input layer of a random-network scalar field in d = 1 whose 2-point function should
// match a target spectrum while staying reflection positive. run(input) returns the design as data:
// {b: [{weight, nu, scale}], F: {c0, poles: [{c, mu}]}, sigmaA}; the verifier samples it itself.

// EVOLVE-BLOCK-START
// Mixture components of P(b): [weight, Student-t degrees of freedom nu, scale].
const COMPONENTS = [[0.5, 4.0, 1.5], [0.5, 4.0, 1.5]];
// F(b)^2 = F2_CONSTANT + sum over F2_POLES of c / (b^2 + mu^2), as [c, mu].
const F2_CONSTANT = 1.0;
const F2_POLES = [[0.0, 1.0]];
// Output-weight scale: a ~ N(0, SIGMA_A^2 / N), so G(0) = SIGMA_A^2 E[F^2] / 2.
const SIGMA_A = 1.4;
// EVOLVE-BLOCK-END

const clamp = (v, lo, hi) => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : lo);

export function run(input) {
  const b = COMPONENTS.slice(0, 8).map(([w, nu, s]) => ({ weight: clamp(Math.abs(w), 0, 1e3), nu: clamp(nu, 0.5, 1000), scale: clamp(Math.abs(s), 1e-3, 100) }));
  if (!b.some((c) => c.weight > 0)) b[0].weight = 1;
  const poles = F2_POLES.slice(0, 8).map(([c, mu]) => ({ c: clamp(c, 0, 1e3), mu: clamp(Math.abs(mu), 1e-3, 100) }));
  let c0 = clamp(F2_CONSTANT, 0, 1e3);
  if (c0 === 0 && !poles.some((p) => p.c > 0)) c0 = 1;
  return { b, F: { c0, poles }, sigmaA: clamp(Math.abs(SIGMA_A), 1e-3, 100) };
}
