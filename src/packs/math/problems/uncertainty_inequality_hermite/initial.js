// Uncertainty inequality, Hermite form: f = P(√(2π)x)·e^{-πx²} with P = c0·H0 + c1·H4 + c2·H8 + c3·H12,
// c3 fixed by P(0) = 0. run() returns {coefficients: [c0, c1, c2]}; the bound is r²/(2π) for the
// largest sign change r of P(x)/x². The start is the construction of Gonçalves, Oliveira e Silva
// and Steinerberger (2017); the coefficients are scaled and tilted by the constants below.

// EVOLVE-BLOCK-START
const C0 = -1.13;
const C1 = 0.04;
const C2 = 0.00030864197530864197;
const SCALE = 1;
const TILT = 0;
// EVOLVE-BLOCK-END

export function run() {
  return { coefficients: [SCALE * C0, SCALE * C1 * (1 + TILT), SCALE * C2 * (1 - TILT)] };
}
