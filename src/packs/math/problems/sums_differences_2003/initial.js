// Sums versus differences: a set U of non-negative integers with 0 ∈ U maximising
// 1 + ln(|U−U|/|U+U|)/ln(2·max U + 1). run() returns {set}. The start is a base expansion of a
// Sidon digit set (all pairwise sums distinct, so differences dominate):
// U = {Σ_k d_k·BASE^k : d_k ∈ DIGITS}; with BASE > 2·max D each level multiplies |U−U|/|U+U|
// by the digit set's own ratio.

// EVOLVE-BLOCK-START
const DIGITS = [0, 1, 4, 9, 11];
const BASE = 23;
const LEVELS = 3;
const EXTRA = [];
// Local search: TRIES random single-element additions (value below max·REACH) or removals,
// each kept when the score improves.
const SEED = 3;
const TRIES = 150;
const ADD_PROBABILITY = 0.5;
const REACH = 1;
// EVOLVE-BLOCK-END

function score(set) {
  const sums = new Set(), diffs = new Set();
  for (const a of set) for (const b of set) { sums.add(a + b); diffs.add(a - b); }
  const m = Math.max(...set);
  return m > 0 ? 1 + Math.log(diffs.size / sums.size) / Math.log(2 * m + 1) : -Infinity;
}

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

export function run() {
  const digits = [...new Set(DIGITS.map((d) => Math.max(0, Math.round(d))))].sort((a, b) => a - b);
  const base = Math.max(2, Math.round(BASE));
  const levels = Math.max(1, Math.min(4, Math.round(LEVELS)));
  let set = [0];
  let scale = 1;
  for (let l = 0; l < levels; l++) {
    const next = [];
    for (const u of set) for (const d of digits) next.push(u + d * scale);
    set = next;
    scale *= base;
  }
  for (const e of EXTRA) set.push(Math.max(0, Math.round(e)));
  set = [...new Set(set)].filter((u) => u <= 2147483647).sort((a, b) => a - b);
  if (set.length > 2000) set = set.slice(0, 2000);
  const random = makeRandom(SEED);
  let best = score(set);
  const tries = Math.max(0, Math.min(5000, Math.round(TRIES)));
  for (let t = 0; t < tries && set.length < 2000; t++) {
    const m = Math.max(...set);
    let cand;
    if (random() < ADD_PROBABILITY) {
      const v = Math.floor(random() * Math.max(1, m * Math.max(0.01, REACH)));
      if (set.includes(v)) continue;
      cand = [...set, v];
    } else {
      const i = 1 + Math.floor(random() * (set.length - 1));
      cand = set.filter((_, k) => k !== i);
    }
    const s = score(cand);
    if (s > best) { best = s; set = cand; }
  }
  set.sort((a, b) => a - b);
  const m = set[0];
  return { set: set.map((u) => u - m) };
}
