// Returns polynomial coefficients, lowest degree first.
// EVOLVE-BLOCK-START
const COEFFICIENTS = [0.0, 0.9, 0.0, -0.1, 0.0, 0.0];
// EVOLVE-BLOCK-END

export function run(input) {
  return { coefficients: COEFFICIENTS };
}
