// Returns a point; the verifier computes Rosenbrock's function there.
// EVOLVE-BLOCK-START
const X = [-1.2, 1.0, -1.2, 1.0, -1.2, 1.0, -1.2, 1.0];
// EVOLVE-BLOCK-END

export function run() {
  return { x: X };
}
