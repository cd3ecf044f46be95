// The five small circuits C_0 … C_4 of the degree bound (C_0–C_2 compute R_1, C_3 and C_4 compute
// R_2 with 2-bit labels in Kronecker order) and their log-degree densities in closed form.
import { fromMatrices, type Circuit } from './circuit.js';

export interface SmallCircuit {
  bits: number;
  circuit: Circuit;
  /** f(p), g(q) per input bit. */
  f: (p: number) => number;
  g: (q: number) => number;
}

export const SMALL_CIRCUITS: Record<'C0' | 'C1' | 'C2' | 'C3' | 'C4', SmallCircuit> = {
  C0: { bits: 1, circuit: fromMatrices([[1, 0], [0, 1]], [[1, 1], [1, 0]]), f: () => 0, g: (q) => 1 - q },
  C1: { bits: 1, circuit: fromMatrices([[1, 1], [1, 0]], [[1, 0], [0, 1]]), f: (p) => 1 - p, g: () => 0 },
  C2: { bits: 1, circuit: fromMatrices([[1, 0], [1, 1]], [[1, 1], [0, -1]]), f: (p) => p, g: (q) => q },
  C3: {
    bits: 2,
    circuit: fromMatrices([[1, 0, 0, 0], [0, 1, 0, 1], [0, 1, 1, 0], [0, 1, 0, 0]], [[1, 1, 1, 1], [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]]),
    f: (p) => p * (1 - p), g: (q) => 0.5 * (1 - q * q),
  },
  C4: {
    bits: 2,
    circuit: fromMatrices([[1, 1, 0, 0], [1, 0, 1, 0], [1, 0, 0, 1], [1, 0, 0, 0]], [[1, 0, 0, 0], [0, 1, 1, 1], [0, 0, 1, 0], [0, 1, 0, 0]]),
    f: (p) => 0.5 * (1 - p * p), g: (q) => q * (1 - q),
  },
};
