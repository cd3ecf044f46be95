// Kissing configuration in 11 dimensions: integer vectors C with min |x − y|² ≥ max |x|² (0 ∉ C);
// the score is |C|. run() returns {vectors}. Start: 2·(D11 roots) = all ±2e_i ± 2e_j (220 vectors of
// squared norm 8), then random ±1 vectors of weight WEIGHT added greedily when they keep the condition.

// EVOLVE-BLOCK-START
const ROOT_SCALE = 2;
const WEIGHT = 8;
const TRIES = 20000;
const SEED = 11;
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

const D = 11;

function norm2(v) { let s = 0; for (const x of v) s += x * x; return s; }
function dist2(a, b) { let s = 0; for (let k = 0; k < D; k++) { const d = a[k] - b[k]; s += d * d; } return s; }

export function run() {
  const random = makeRandom(SEED);
  const scale = Math.max(1, Math.min(1000, Math.round(ROOT_SCALE)));
  const vectors = [];
  for (let i = 0; i < D; i++) for (let j = i + 1; j < D; j++)
    for (const si of [-1, 1]) for (const sj of [-1, 1]) {
      const v = new Array(D).fill(0);
      v[i] = si * scale; v[j] = sj * scale;
      vectors.push(v);
    }
  let maxNorm = 2 * scale * scale;
  const w = Math.max(1, Math.min(D, Math.round(WEIGHT)));
  const tries = Math.max(0, Math.min(200000, Math.round(TRIES)));
  for (let t = 0; t < tries; t++) {
    const idx = [];
    for (let k = 0; k < D; k++) idx.push(k);
    for (let k = D - 1; k > 0; k--) { const r = Math.floor(random() * (k + 1)); [idx[k], idx[r]] = [idx[r], idx[k]]; }
    const c = new Array(D).fill(0);
    for (let k = 0; k < w; k++) c[idx[k]] = random() < 0.5 ? -1 : 1;
    const n = norm2(c);
    if (n > maxNorm) continue; // never raise the largest norm: existing pairs stay valid
    let ok = true;
    for (const v of vectors) if (dist2(v, c) < maxNorm) { ok = false; break; }
    if (ok) vectors.push(c);
  }
  return { vectors };
}
