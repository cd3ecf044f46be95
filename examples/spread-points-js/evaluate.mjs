// Scores the points a program returned: runs in a jail of its own and sees only that data.
export function verify(output, input) {
  const pts = output && output.points;
  if (!Array.isArray(pts) || pts.length !== input.n) return { valid: false, reason: `expected ${input.n} points`, metrics: {} };
  for (const [i, p] of pts.entries()) {
    if (!Array.isArray(p) || p.length !== 2 || !p.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1)) {
      return { valid: false, reason: `point ${i} is not inside [0, 1]^2`, metrics: {} };
    }
  }
  let best = Infinity;
  for (let i = 0; i < pts.length; i++) for (let j = i + 1; j < pts.length; j++) best = Math.min(best, Math.hypot(pts[i][0] - pts[j][0], pts[i][1] - pts[j][1]));
  const mean = pts.reduce((a, p) => a + p[0], 0) / pts.length;
  const spread = Math.sqrt(pts.reduce((a, p) => a + (p[0] - mean) ** 2, 0) / pts.length);
  return { metrics: { minDistance: best }, features: { spread } };
}
