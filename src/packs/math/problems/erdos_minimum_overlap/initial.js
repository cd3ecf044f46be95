// Erdős minimum overlap: a step function h on [0, 2] with values in [0, 1] and ∫h = 1, minimising
// max_s Σ h_i (1 − h_{i+s}) · 2/n. run() returns {heights}; heights are multiples of 2^-20 so the
// sum n/2 is exact. A bump-shaped start is refined by a hill climb.

// EVOLVE-BLOCK-START
const SEED = 1;
const ITERATIONS = 2500;
const STEP = 0.1;
const STEP_DECAY = 0.999;
const MOVES_PER_STEP = 1;
const STEPS_N = 50;
const PEAK = 0.9;
const WIDTH = 0.55;
const POWER = 4;
const SKEW = 0;

function init(random) {
  const n = Math.max(4, Math.min(200, Math.round(STEPS_N)));
  const h = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * (i + 0.5)) / n - 1 + SKEW; // centred position in (-1, 1)
    h.push(PEAK * Math.exp(-Math.pow(Math.abs(t) / WIDTH, POWER)));
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
  // Quantise to multiples of 2^-20 in [0, 1], then move units until the sum is exactly n/2.
  const U = 1048576, n = x.length;
  const q = x.map((v) => (Number.isFinite(v) ? Math.max(0, Math.min(U, Math.round(v * U))) : 0));
  let diff = (n / 2) * U - q.reduce((a, b) => a + b, 0);
  for (let pass = 0; pass < 4 && diff !== 0; pass++) {
    for (let i = 0; i < n && diff !== 0; i++) {
      const room = diff > 0 ? U - q[i] : q[i];
      const share = Math.ceil(Math.abs(diff) / (n - i));
      const d = Math.min(room, share);
      q[i] += diff > 0 ? d : -d;
      diff += diff > 0 ? -d : d;
    }
  }
  return q.map((v) => v / U);
}

function quality(x) {
  const n = x.length;
  let best = -Infinity;
  for (let s = -(n - 1); s <= n - 1; s++) {
    let acc = 0;
    for (let i = Math.max(0, -s); i < Math.min(n, n - s); i++) acc += x[i] * (1 - x[i + s]);
    if (acc > best) best = acc;
  }
  return -(best / n) * 2;
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
