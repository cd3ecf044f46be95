// Places input.n points on a jittered grid, then pushes close pairs apart for a few rounds.
// EVOLVE-BLOCK-START
const COLUMNS = 4;
const MARGIN = 0.1;
const JITTER = 0.05;
const ROUNDS = 20;
const STEP = 0.02;
const SEED = 3;
// EVOLVE-BLOCK-END

function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function run(input) {
  const n = input.n;
  const rand = random(Math.round(SEED));
  const cols = Math.max(1, Math.round(COLUMNS));
  const rows = Math.ceil(n / cols);
  const span = (k, count) => (count === 1 ? 0.5 : MARGIN + ((1 - 2 * MARGIN) * k) / (count - 1));
  const pts = [];
  for (let i = 0; i < n; i++) pts.push([span(i % cols, cols) + JITTER * (rand() - 0.5), span(Math.floor(i / cols), rows) + JITTER * (rand() - 0.5)]);
  for (let r = 0; r < Math.min(Math.max(0, Math.round(ROUNDS)), 500); r++) {
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pts[i][0] - pts[j][0], dy = pts[i][1] - pts[j][1];
        const d = Math.hypot(dx, dy) + 1e-12;
        const push = STEP / d;
        pts[i][0] += dx * push * 0.01; pts[i][1] += dy * push * 0.01;
        pts[j][0] -= dx * push * 0.01; pts[j][1] -= dy * push * 0.01;
      }
    }
    for (const p of pts) { p[0] = Math.min(1, Math.max(0, p[0])); p[1] = Math.min(1, Math.max(0, p[1])); }
  }
  return { points: pts };
}
