// Heilbronn in a triangle: 11 points in the equilateral triangle (0,0), (1,0), (1/2, √3/2) maximising the
// smallest triangle area. run() returns {points, triangle}. Start: a Kronecker sequence mapped into the
// triangle; then a hill climb. Points are pulled toward the centroid until the reference tests pass.

// EVOLVE-BLOCK-START
const SEED = 1;
const ITERATIONS = 4000;
const STEP = 0.05;
const STEP_DECAY = 0.999;
const MOVES_PER_STEP = 1;
const ALPHA = 0.7548776662466927;
const BETA = 0.5698402909980532;
const SHIFT = 0.3;
const SHRINK = 0.97;

function init(random) {
  const x = [];
  for (let i = 0; i < 11; i++) {
    const u = (SHIFT + ALPHA * (i + 1)) % 1, v = (SHIFT + BETA * (i + 1)) % 1;
    const r = Math.sqrt(u) * SHRINK;
    // Uniform map of the unit square onto the triangle.
    x.push((1 - r) * 0 + r * (1 - v) * 1 + r * v * 0.5, r * v * (Math.sqrt(3) / 2));
  }
  return x;
}

function perturb(x, random, step) {
  const y = x.slice();
  const moves = Math.max(1, Math.min(8, Math.round(MOVES_PER_STEP)));
  for (let m = 0; m < moves; m++) {
    const i = Math.floor(random() * y.length);
    y[i] += step * (2 * random() - 1);
  }
  return y;
}
// EVOLVE-BLOCK-END

function makeRandom(seed) {
  let a = (Math.floor(Math.abs(seed)) >>> 0) || 1;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function repair(x) {
  const s = Math.sqrt(3), cx = 0.5, cy = s / 6, out = x.slice();
  for (let i = 0; i < out.length; i += 2) {
    let px = Number.isFinite(out[i]) ? out[i] : cx, py = Number.isFinite(out[i + 1]) ? out[i + 1] : cy;
    let t = 1;
    while (!(py >= 0 && s * px <= s - py && py <= s * px) && t > 0) {
      t = Math.max(0, t - 0.01);
      px = cx + (out[i] - cx) * t; py = cy + (out[i + 1] - cy) * t;
      if (!Number.isFinite(px) || !Number.isFinite(py)) { px = cx; py = cy; }
    }
    out[i] = px; out[i + 1] = py;
  }
  return out;
}

function quality(x) {
  let best = Infinity;
  const n = x.length / 2;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) for (let k = j + 1; k < n; k++) {
    const a = Math.abs(x[2*i] * (x[2*j+1] - x[2*k+1]) + x[2*j] * (x[2*k+1] - x[2*i+1]) + x[2*k] * (x[2*i+1] - x[2*j+1])) / 2;
    if (a < best) best = a;
  }
  return best;
}

function output(x) {
  const points = [];
  for (let i = 0; i < x.length; i += 2) points.push([x[i], x[i + 1]]);
  return { points, triangle: [[0, 0], [1, 0], [0.5, Math.sqrt(3) / 2]] };
}

function score(x) {
  return quality(x);
}

export function run() {
  const random = makeRandom(SEED);
  let x = repair(init(random));
  let best = quality(x);
  if (!(best > -Infinity)) best = -Infinity;
  let keep = x;
  let keepScore = score(x);
  let step = STEP;
  const n = Math.max(0, Math.min(20000, Math.round(ITERATIONS)));
  for (let t = 0; t < n; t++) {
    const y = repair(perturb(x, random, step));
    const q = quality(y);
    if (q >= best) {
      x = y;
      best = q;
      const sc = score(y);
      if (sc > keepScore) {
        keep = y;
        keepScore = sc;
      }
    }
    step *= STEP_DECAY;
  }
  return output(keep);
}
