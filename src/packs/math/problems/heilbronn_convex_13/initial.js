// Heilbronn for convex regions: 13 points maximising (smallest triangle area) / (area of their convex hull).
// run() returns {points}. Start: two concentric rings (OUTER on the unit circle, the rest at radius INNER_RADIUS,
// rotated by TWIST), then a hill climb.

// EVOLVE-BLOCK-START
const SEED = 1;
const ITERATIONS = 4000;
const STEP = 0.05;
const STEP_DECAY = 0.999;
const MOVES_PER_STEP = 1;
const INNER_COUNT = 5;
const INNER_RADIUS = 0.45;
const TWIST = 0.3;
const WOBBLE = 0.02;

function init(random) {
  const x = [];
  const m = Math.max(0, Math.min(10, Math.round(INNER_COUNT)));
  const outer = 13 - m;
  for (let i = 0; i < outer; i++) {
    const a = (2 * Math.PI * i) / outer;
    x.push(Math.cos(a) * (1 + WOBBLE * Math.cos(3 * a)), Math.sin(a) * (1 + WOBBLE * Math.sin(2 * a)));
  }
  for (let i = 0; i < m; i++) {
    const a = TWIST + (2 * Math.PI * i) / Math.max(1, m);
    x.push(INNER_RADIUS * Math.cos(a), INNER_RADIUS * Math.sin(a));
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
  return x.map((v) => (Number.isFinite(v) ? Math.max(-10, Math.min(10, v)) : 0));
}

function quality(x) {
  let best = Infinity;
  const n = x.length / 2;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) for (let k = j + 1; k < n; k++) {
    const a = Math.abs(x[2*i] * (x[2*j+1] - x[2*k+1]) + x[2*j] * (x[2*k+1] - x[2*i+1]) + x[2*k] * (x[2*i+1] - x[2*j+1])) / 2;
    if (a < best) best = a;
  }
  const pts = [];
  for (let i = 0; i < x.length; i += 2) pts.push([x[i], x[i + 1]]);
  pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o, a, b) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list) => { const h = []; for (const p of list) { while (h.length >= 2 && cross(h[h.length - 2], h[h.length - 1], p) <= 0) h.pop(); h.push(p); } return h; };
  const hull = half(pts).slice(0, -1).concat(half(pts.slice().reverse()).slice(0, -1));
  let area = 0;
  for (let i = 0; i < hull.length; i++) { const p = hull[i], q = hull[(i + 1) % hull.length]; area += p[0] * q[1] - q[0] * p[1]; }
  area = Math.abs(area) / 2;
  return area > 0 ? best / area : -Infinity;
}

function output(x) {
  const points = [];
  for (let i = 0; i < x.length; i += 2) points.push([x[i], x[i + 1]]);
  return { points };
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
