// 16 points in 2-D minimising (max distance / min distance)². run() returns {points}.
// Start: the 16 lattice points nearest to OFFSET (after STRETCH of the first axis), then a hill climb.

// EVOLVE-BLOCK-START
const SEED = 1;
const ITERATIONS = 6000;
const STEP = 0.05;
const STEP_DECAY = 0.999;
const MOVES_PER_STEP = 1;
const OFFSET = [0.1, 0.2];
const STRETCH = 1;
const SOFTNESS = 200;
const JITTER = 0.1;

function init(random) {
  const pts = [];
  for (let a = -6; a <= 6; a++) for (let b = -6; b <= 6; b++) pts.push([a + b / 2, (b * Math.sqrt(3)) / 2]);
  const key = (p) => p.reduce((s, v, k) => s + (k === 0 ? STRETCH : 1) * (v - (OFFSET[k] || 0)) ** 2, 0);
  pts.sort((p, q) => key(p) - key(q));
  // A lattice patch is a strict local optimum for single-point moves; jitter lets the climb leave it.
  return pts.slice(0, 16).flat().map((v) => v + JITTER * (random() - 0.5));
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
  return x.map((v) => (Number.isFinite(v) ? Math.max(-100, Math.min(100, v)) : 0));
}

function quality(x) {
  const n = x.length / 2, d2 = [];
  let lo = Infinity, hi = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
    let s = 0;
    for (let k = 0; k < 2; k++) { const d = x[2 * i + k] - x[2 * j + k]; s += d * d; }
    d2.push(s); lo = Math.min(lo, s); hi = Math.max(hi, s);
  }
  if (!(lo > 0)) return -Infinity;
  const beta = Math.max(1, SOFTNESS);
  let sHi = 0, sLo = 0;
  for (const s of d2) { sHi += Math.exp(beta * (s / hi - 1)); sLo += Math.exp(beta * (1 - s / lo)); }
  const softHi = hi * (1 + Math.log(sHi) / beta), softLo = lo * (1 - Math.log(sLo) / beta);
  return softLo > 0 ? -softHi / softLo : -hi / lo;
}

function output(x) {
  const pts = [];
  for (let i = 0; i < x.length; i += 2) pts.push(x.slice(i, i + 2));
  return { points: pts };
}

function score(x) {
  let lo = Infinity, hi = 0;
  const n = x.length / 2;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
    let s = 0;
    for (let k = 0; k < 2; k++) { const d = x[2 * i + k] - x[2 * j + k]; s += d * d; }
    lo = Math.min(lo, s); hi = Math.max(hi, s);
  }
  return lo > 0 ? -hi / lo : -Infinity;
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
