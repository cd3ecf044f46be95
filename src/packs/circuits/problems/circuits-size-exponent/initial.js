// A self-transpose tame rebalancing parameter set for the disjointness matrix R_1 = [[1,1],[1,0]]:
// k = 7, Sergeev blocks c (with their complements 127 − c added in mirrored order), multiplicities
// (states per block), tilt base Z and weight alpha (= beta). The verifier bounds the size exponent.
// EVOLVE-BLOCK-START
const HALF_BLOCKS = [0, 20, 42];
const HALF_MULT = [2, 3, 27];
const ALPHA = 0.5;
const Z = 1.2599210498948732;
// EVOLVE-BLOCK-END

export function run() {
  const blocks = HALF_BLOCKS.map((c) => Math.round(c));
  const mult = HALF_MULT.map((m) => Math.max(1, Math.round(m)));
  const fullBlocks = [...blocks, ...blocks.map((c) => 127 - c).reverse()];
  const fullMult = [...mult, ...[...mult].reverse()];
  const H = fullMult.reduce((s, m) => s + m, 0);
  return { k: 7, H, blocks: fullBlocks, mult: fullMult, Z, alpha: ALPHA, beta: ALPHA };
}
