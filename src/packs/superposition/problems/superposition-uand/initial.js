// Builds a one-hidden-layer ReLU network whose read-offs give the AND of every pair of m boolean features
// (s of them on at a time) within error eps, using as few hidden neurons as possible.
// Output: { W: { rowPtr, col, val } (CSR, d rows over m features), bias: number[d],
//           readout: { rule: 'support-mean' | 'sign-product', scale, offset } }.

function rng32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// EVOLVE-BLOCK-START
const WIDTH_FACTOR = 1.0;   // d = WIDTH_FACTOR * ((s - 1) * DENSITY / eps)^2 * TARGET
const TARGET = 24.0;        // ratio of sup error to mean error the width must absorb
const DENSITY = 4.5;        // p = DENSITY / sqrt(d)
const WEIGHT = 1.0;         // weight of every connection
const BIAS = -1.0;          // neuron bias
const SCALE = 1.0;          // read-off scale
const OFFSET = 0.0;         // read-off offset
const SEED = 12345;
function neuronsFor(m, s, eps) {
  return Math.max(8, Math.round(WIDTH_FACTOR * TARGET * Math.pow(((s - 1) * DENSITY) / eps, 2)));
}
// EVOLVE-BLOCK-END

export function run(input) {
  const { m, s, eps } = input;
  const d = neuronsFor(m, s, eps);
  const p = Math.min(1, DENSITY / Math.sqrt(d));
  const rand = rng32(SEED);
  const rowPtr = [0], col = [], val = [];
  for (let i = 0; i < d; i++) {
    for (let k = 0; k < m; k++) if (rand() < p) { col.push(k); val.push(WEIGHT); }
    rowPtr.push(col.length);
  }
  return { W: { rowPtr, col, val }, bias: new Array(d).fill(BIAS), readout: { rule: 'support-mean', scale: SCALE, offset: OFFSET } };
}
