// Packs 12 unit hexagons into the smallest regular hexagon. run() returns {inner_hexagons: [[x, y, angle°], …],
// outer_center, outer_side_length, outer_angle_degrees}; touching inner hexagons are rejected.

// EVOLVE-BLOCK-START
// Axial hex-grid cells (a, b): centre = SPACING·(1.5a, (√3/2)a + √3 b).
const CELLS = [[0,0],[1,0],[0,1],[-1,1],[-1,0],[0,-1],[1,-1],[2,-1],[1,1],[-1,2],[-2,1],[-1,-1]];
const SPACING = 1.02;
const ANGLE = 0;
const TWIST = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const OUTER_ANGLE_STEPS = 120;
const CENTER_ITERATIONS = 40;
// Compaction: random moves of one inner hexagon (position ± MOVE, angle ± TURN degrees), kept
// when no two hexagons touch and the outer side shrinks.
const SEED = 5;
const MOVES = 1500;
const MOVE = 0.05;
const TURN = 3;
const MOVE_DECAY = 0.998;
// EVOLVE-BLOCK-END

const N = 12;

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

function vertices(x, y, s, deg) {
  const out = [];
  const base = deg * (Math.PI / 180);
  for (let i = 0; i < 6; i++) {
    const a = base + (2 * Math.PI * i) / 6;
    out.push([x + s * Math.cos(a), y + s * Math.sin(a)]);
  }
  return out;
}

function normals(v) {
  return v.map((p, i) => {
    const q = v[(i + 1) % 6];
    const ex = q[0] - p[0], ey = q[1] - p[1];
    const m = Math.sqrt(ey * ey + ex * ex);
    return [-ey / m, ex / m];
  });
}

function intersect(a, b) {
  for (const ax of [...normals(a), ...normals(b)]) {
    let l1 = Infinity, h1 = -Infinity, l2 = Infinity, h2 = -Infinity;
    for (const p of a) { const d = p[0] * ax[0] + p[1] * ax[1]; l1 = Math.min(l1, d); h1 = Math.max(h1, d); }
    for (const p of b) { const d = p[0] * ax[0] + p[1] * ax[1]; l2 = Math.min(l2, d); h2 = Math.max(h2, d); }
    if (!(h1 >= l2 && h2 >= l1)) return false;
  }
  return true;
}

// Smallest side of a hexagon with this centre and rotation containing all points.
function sideFor(points, cx, cy, deg) {
  let worst = 0;
  for (let k = 0; k < 6; k++) {
    const a = (deg + 30 + 60 * k) * (Math.PI / 180);
    const nx = Math.cos(a), ny = Math.sin(a);
    for (const p of points) worst = Math.max(worst, (p[0] - cx) * nx + (p[1] - cy) * ny);
  }
  return (worst * 2) / Math.sqrt(3);
}

export function run() {
  const cells = [];
  for (let i = 0; i < N; i++) cells.push(CELLS[i % CELLS.length] || [i, 0]);
  let spacing = Math.max(1.0001, SPACING);
  let inner;
  let ok = false;
  // Spread the cluster until no two hexagons touch.
  for (let attempt = 0; attempt < 400 && !ok; attempt++) {
    inner = cells.map(([a, b], i) => [spacing * 1.5 * a, spacing * ((Math.sqrt(3) / 2) * a + Math.sqrt(3) * b), ANGLE + (TWIST[i] || 0)]);
    const polys = inner.map(([x, y, d]) => vertices(x, y, 1, d));
    ok = true;
    for (let i = 0; i < N && ok; i++) for (let j = i + 1; j < N && ok; j++) if (intersect(polys[i], polys[j])) ok = false;
    spacing *= 1.01;
  }
  // Coinciding cells cannot be spread apart: fall back to a row (centres 2.1 apart never touch).
  if (!ok) inner = cells.map((_, i) => [2.1 * i, 0, ANGLE + (TWIST[i] || 0)]);
  const pts = inner.flatMap(([x, y, d]) => vertices(x, y, 1, d));
  let best = { side: Infinity, cx: 0, cy: 0, deg: 0 };
  const steps = Math.max(1, Math.min(720, Math.round(OUTER_ANGLE_STEPS)));
  const gx = pts.reduce((s, p) => s + p[0], 0) / pts.length, gy = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  for (let t = 0; t < steps; t++) {
    const deg = (60 * t) / steps;
    let cx = gx, cy = gy, side = sideFor(pts, cx, cy, deg), h = 0.5;
    for (let it = 0; it < Math.min(200, Math.round(CENTER_ITERATIONS)); it++) {
      let moved = false;
      for (const [dx, dy] of [[h, 0], [-h, 0], [0, h], [0, -h]]) {
        const s = sideFor(pts, cx + dx, cy + dy, deg);
        if (s < side) { side = s; cx += dx; cy += dy; moved = true; }
      }
      if (!moved) h /= 2;
    }
    if (side < best.side) best = { side, cx, cy, deg };
  }
  // Compaction at the chosen outer rotation; the centre follows by pattern search.
  const random = makeRandom(SEED);
  const fit = (points, cx, cy, deg) => {
    let side = sideFor(points, cx, cy, deg), h = 0.25;
    for (let it = 0; it < 30; it++) {
      let moved = false;
      for (const [dx, dy] of [[h, 0], [-h, 0], [0, h], [0, -h]]) {
        const s = sideFor(points, cx + dx, cy + dy, deg);
        if (s < side) { side = s; cx += dx; cy += dy; moved = true; }
      }
      if (!moved) h /= 2;
    }
    return { side, cx, cy };
  };
  let polys = inner.map(([x, y, d]) => vertices(x, y, 1, d));
  let move = MOVE, turn = TURN;
  const moves = Math.max(0, Math.min(20000, Math.round(MOVES)));
  for (let t = 0; t < moves; t++) {
    const i = Math.floor(random() * N);
    const cand = [inner[i][0] + move * (2 * random() - 1), inner[i][1] + move * (2 * random() - 1), inner[i][2] + turn * (2 * random() - 1)];
    const poly = vertices(cand[0], cand[1], 1, cand[2]);
    let ok = true;
    for (let j = 0; j < N && ok; j++) if (j !== i && intersect(poly, polys[j])) ok = false;
    if (ok) {
      const trial = polys.slice();
      trial[i] = poly;
      const f = fit(trial.flat(), best.cx, best.cy, best.deg);
      if (f.side <= best.side) {
        inner[i] = cand;
        polys = trial;
        best = { side: f.side, cx: f.cx, cy: f.cy, deg: best.deg };
      }
    }
    move *= MOVE_DECAY;
    turn *= MOVE_DECAY;
  }
  // A relative margin of 1e-9 keeps every vertex inside under the verifier's rounding.
  return {
    inner_hexagons: inner,
    outer_center: [best.cx, best.cy],
    outer_side_length: best.side * (1 + 1e-9),
    outer_angle_degrees: best.deg,
  };
}
