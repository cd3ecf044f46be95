// Thm 10 (positive composition): from ε-linear read-offs r1·a ≈ f1, r2·a ≈ f2, three ReLUs give AND and OR.
// Corrected form (notes §1.6): u_j = ReLU(r_j·a), v = ReLU(r1·a + r2·a − 1); AND = v (error ≤ 2ε), OR = u1 + u2 − v
// (error ≤ 4ε), for ε < 1/2. The paper's literal read-offs MLP1 + MLP2 − 3/4 and − 1/4 are separable, not 0/1-valued.

export function gadget(y1: number, y2: number): { and: number; or: number; paperAnd: number; paperOr: number } {
  const u1 = Math.max(0, y1), u2 = Math.max(0, y2);
  const v = Math.max(0, y1 + y2 - 1);
  // The paper's neurons: MLP_j = ReLU(r_j·a) (as in its proof sketch); read-offs with offsets −3/4 and −1/4.
  return { and: v, or: u1 + u2 - v, paperAnd: u1 + u2 - 3 / 4, paperOr: u1 + u2 - 1 / 4 };
}
