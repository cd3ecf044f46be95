// Signed step function for C3': minimise 2n·max|f∗f|/(∫f)².
// run() returns {heights}; a shaped start is refined by a hill climb on the heights.

// EVOLVE-BLOCK-START
const SEED = 1;
const ITERATIONS = 3000;
const STEP = 0.05;
const STEP_DECAY = 0.999;
const MOVES_PER_STEP = 1;
const STEPS_N = 60;
const BASE = 0.3;
const EDGE = 1;
const POWER = 6;
const WAVE = -0.2;
const FREQ = 1.5;
const NOISE = 0.01;

function init(random) {
  const n = Math.max(2, Math.min(400, Math.round(STEPS_N)));
  const h = [];
  for (let i = 0; i < n; i++) {
    const t = (i + 0.5) / n - 0.5; // position in (-1/2, 1/2)
    h.push(BASE + EDGE * Math.pow(Math.abs(2 * t), POWER) + WAVE * Math.cos(2 * Math.PI * FREQ * t) + NOISE * random());
  }
  return h;
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
  function conv(h) {
    const n = h.length, c = new Array(2 * n - 1).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) c[i + j] += h[i] * h[j];
    return c;
  }
  const s = x.reduce((a, b) => a + b, 0);
  if (s === 0) return -Infinity;
  const c = conv(x);
  const peak = Math.max(...c.map(Math.abs));
  return -Math.abs((2 * x.length * peak) / (s * s));
}

function output(x) {
  return { heights: x };
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
