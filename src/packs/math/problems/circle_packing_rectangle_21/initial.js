// Packs 21 disjoint circles in a rectangle of perimeter 4, maximising the sum of radii.
// run() returns {circles: [[x, y, r], ...]}; the verifier checks disjointness and containment exactly.

// EVOLVE-BLOCK-START
// Parameters: a row layout, then a penalty-method refinement (Adam on -sum(r) + mu * violations^2).
const ROW_COUNTS = [5, 4, 5, 4, 3];
const ROW_SHIFT = 0.25;
const EDGE = 0.1;
const JITTER = 0.01;
const SEED = 7;
const STEPS = 12;
const LEARNING_RATE = 0.001;
const PENALTY_START = 20;
const PENALTY_GROWTH = 1.01;
const RADIUS_START = 0.04;
const WIDTH = 1.0;

function layout(random, W, H) {
  const pts = [];
  const rows = ROW_COUNTS.length;
  for (let i = 0; i < rows; i++) {
    const k = Math.max(1, Math.round(ROW_COUNTS[i]));
    const y = rows === 1 ? H / 2 : EDGE * H + ((1 - 2 * EDGE) * H * i) / (rows - 1);
    for (let j = 0; j < k; j++) {
      const step = k === 1 ? 0 : ((1 - 2 * EDGE) * W) / (k - 1);
      const x = (k === 1 ? W / 2 : EDGE * W + step * j) + (i % 2 ? ROW_SHIFT * step : 0);
      pts.push([x + JITTER * (random() - 0.5), y + JITTER * (random() - 0.5)]);
    }
  }
  return pts;
}

function refine(x, y, r, W, H) {
  const n = r.length, p = 3 * n;
  const m = new Float64Array(p), v = new Float64Array(p), g = new Float64Array(p);
  let mu = PENALTY_START;
  const steps = Math.min(Math.max(0, Math.round(STEPS)), 4000);
  for (let t = 1; t <= steps; t++) {
    g.fill(0);
    for (let i = 0; i < n; i++) {
      g[3 * i + 2] -= 1;
      const walls = [r[i] - x[i], x[i] + r[i] - W, r[i] - y[i], y[i] + r[i] - H];
      const sx = [-1, 1, 0, 0], sy = [0, 0, -1, 1];
      for (let w = 0; w < 4; w++) {
        if (walls[w] > 0) {
          g[3 * i] += 2 * mu * walls[w] * sx[w];
          g[3 * i + 1] += 2 * mu * walls[w] * sy[w];
          g[3 * i + 2] += 2 * mu * walls[w];
        }
      }
      for (let j = i + 1; j < n; j++) {
        const dx = x[i] - x[j], dy = y[i] - y[j];
        const d = Math.sqrt(dx * dx + dy * dy) + 1e-12;
        const o = r[i] + r[j] - d;
        if (o > 0) {
          const c = 2 * mu * o;
          g[3 * i] -= (c * dx) / d; g[3 * i + 1] -= (c * dy) / d;
          g[3 * j] += (c * dx) / d; g[3 * j + 1] += (c * dy) / d;
          g[3 * i + 2] += c; g[3 * j + 2] += c;
        }
      }
    }
    for (let k = 0; k < p; k++) {
      m[k] = 0.9 * m[k] + 0.1 * g[k];
      v[k] = 0.999 * v[k] + 0.001 * g[k] * g[k];
      const step = (LEARNING_RATE * (m[k] / (1 - 0.9 ** t))) / (Math.sqrt(v[k] / (1 - 0.999 ** t)) + 1e-12);
      const i = Math.floor(k / 3), c = k % 3;
      if (c === 0) x[i] -= step; else if (c === 1) y[i] -= step; else r[i] = Math.max(0, r[i] - step);
    }
    mu = Math.min(mu * PENALTY_GROWTH, 1e5);
  }
}
// EVOLVE-BLOCK-END

const N = 21;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Largest feasible radii not above the proposed ones, for the given centres, with a relative
// margin far above rounding error so the exact check cannot fail on arithmetic noise.
function feasible(x, y, r, W, H) {
  const n = r.length;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i])) x[i] = W / 2;
    if (!Number.isFinite(y[i])) y[i] = H / 2;
    if (!Number.isFinite(r[i])) r[i] = 0;
    x[i] = Math.min(W, Math.max(0, x[i]));
    y[i] = Math.min(H, Math.max(0, y[i]));
    r[i] = Math.max(0, Math.min(r[i], x[i], y[i], W - x[i], H - y[i]));
  }
  for (let pass = 0; pass < 100; pass++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const d = Math.hypot(x[i] - x[j], y[i] - y[j]);
        if (r[i] + r[j] > d) {
          const s = d / (r[i] + r[j]);
          r[i] *= s; r[j] *= s; changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return r.map((ri) => ri * (1 - 1e-9));
}

export function run() {
  const W = Math.min(1.95, Math.max(0.05, WIDTH)), H = 2 - W;
  const random = mulberry32(Math.round(SEED));
  const pts = layout(random, W, H).slice(0, N);
  while (pts.length < N) pts.push([random() * W, random() * H]);
  const x = pts.map((p) => p[0]), y = pts.map((p) => p[1]);
  const r = new Array(N).fill(Math.max(0, RADIUS_START));
  refine(x, y, r, W, H);
  const radii = feasible(x, y, r, W, H);
  return { circles: x.map((xi, i) => [xi, y[i], radii[i]]) };
}
