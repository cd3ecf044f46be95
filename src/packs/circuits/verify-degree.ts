// V_degree: z(p,q) = min over conv{Q_0..Q_7} of max{a, b} must stay ≤ threshold on [0,1]².
// A rectangle passes when, at every point of a 101×101 grid, an upper bound of z plus
// Lip·(half the largest grid gap) is ≤ threshold; otherwise it is halved (along p at even depth,
// along q at odd depth) down to a maximum depth. Upper bounds come from outward rounding; any
// explicit convex combination of upper-bounded points bounds z from above.
import * as I from '../../core/interval.js';
import { clippedEntropyAt, envelopeUpper, intervalOf, LOCAL_MARGIN, type Envelope } from './envelope.js';

export interface DegreeEnvelopes {
  sonetto: Envelope;
  regulus: Envelope;
  regulusT: Envelope;
}

export interface DegreeOptions {
  threshold: number;
  /** A global Lipschitz constant, or 'local' for the per-interval bounds of the envelopes. */
  lipschitz: number | 'local';
  grid: number;
  maxDepth: number;
}

export interface DegreeVerdict {
  accepted: boolean;
  calls: number;
  gridPoints: number;
  maxDepthReached: number;
  /** Largest upper bound of z over all sampled points of accepted rectangles. */
  maxZ: { z: number; p: number; q: number; by: string };
  /** A rectangle rejected at the maximum depth, if any. */
  rejected?: { p0: number; p1: number; q0: number; q1: number; z: number };
  ms: number;
}

const up = I.up;

/** Upper bounds of the x-coordinates of Q_0..Q_7 at p (index 8·i) — y-coordinates likewise at q. */
/** Local Lipschitz bound of the three envelopes around p (the polynomial points have slope ≤ 1). */
function localLip(env: DegreeEnvelopes, p: number): number {
  let L = 1;
  for (const e of [env.sonetto, env.regulus, env.regulusT]) L = Math.max(L, e.localLip[intervalOf(e, p)]);
  return L;
}

function xCoords(env: DegreeEnvelopes, p: number, out: Float64Array, o: number): void {
  const ent = clippedEntropyAt(env.sonetto.ce, p);
  const om = up(1 - p);
  out[o] = 0;
  out[o + 1] = om;
  out[o + 2] = p;
  out[o + 3] = up(p * om);
  out[o + 4] = up(0.5 * up(1 - I.down(p * p)));
  out[o + 5] = envelopeUpper(env.sonetto, p, undefined, ent);
  out[o + 6] = envelopeUpper(env.regulus, p, undefined, ent);
  out[o + 7] = envelopeUpper(env.regulusT, p, undefined, ent);
}

function yCoords(env: DegreeEnvelopes, q: number, out: Float64Array, o: number): void {
  const ent = clippedEntropyAt(env.sonetto.ce, q);
  const om = up(1 - q);
  out[o] = om;
  out[o + 1] = 0;
  out[o + 2] = q;
  out[o + 3] = up(0.5 * up(1 - I.down(q * q)));
  out[o + 4] = up(q * om);
  out[o + 5] = envelopeUpper(env.sonetto, q, undefined, ent);
  out[o + 6] = envelopeUpper(env.regulusT, q, undefined, ent);
  out[o + 7] = envelopeUpper(env.regulus, q, undefined, ent);
}

/** Upper bound of z from the 8 upper-bounded points; `who` receives the attaining strategy code. */
export function zUpper(X: Float64Array, xo: number, Y: Float64Array, yo: number, who?: { s: number; t: number }): number {
  let best = Infinity;
  for (let s = 0; s < 8; s++) {
    const v = Math.max(X[xo + s], Y[yo + s]);
    if (v < best) { best = v; if (who) { who.s = s; who.t = -1; } }
  }
  for (let s = 0; s < 8; s++) {
    const ds = X[xo + s] - Y[yo + s];
    for (let t = s + 1; t < 8; t++) {
      const dt = X[xo + t] - Y[yo + t];
      if (!((ds < 0 && dt > 0) || (ds > 0 && dt < 0))) continue;
      const th = ds / (ds - dt);
      if (!(th > 0 && th < 1)) continue;
      const w1 = up(1 - th); // ≥ the exact 1 − θ, so the weights sum to at least 1
      const a = up(up(w1 * X[xo + s]) + up(th * X[xo + t]));
      const b = up(up(w1 * Y[yo + s]) + up(th * Y[yo + t]));
      const v = Math.max(a, b);
      if (v < best) { best = v; if (who) { who.s = s; who.t = t; } }
    }
  }
  return best;
}

function gridOf(lo: number, hi: number, n: number): { g: Float64Array; halfGap: number } {
  const g = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) g[i] = i === 0 ? lo : i === n ? hi : ((n - i) * lo + i * hi) / n;
  let gap = 0;
  for (let i = 0; i < n; i++) gap = Math.max(gap, up(g[i + 1] - g[i]));
  return { g, halfGap: up(gap / 2) };
}

export function verifyDegree(env: DegreeEnvelopes, opts: DegreeOptions): DegreeVerdict {
  const t0 = Date.now();
  const n = opts.grid - 1;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`grid must be an integer ≥ 2, got ${opts.grid}`);
  const X = new Float64Array(8 * (n + 1));
  const Y = new Float64Array(8 * (n + 1));
  const XL = new Float64Array(n + 1);
  const YL = new Float64Array(n + 1);
  const local = opts.lipschitz === 'local';
  const v: DegreeVerdict = { accepted: true, calls: 0, gridPoints: 0, maxDepthReached: 0, maxZ: { z: -Infinity, p: 0, q: 0, by: '' }, ms: 0 };
  const who = { s: 0, t: 0 };
  // Explicit stack (depth-first, p-half before q-half) instead of recursion.
  const stack: [number, number, number, number, number][] = [[0, 1, 0, 1, 0]];
  while (stack.length && v.accepted) {
    const [p0, p1, q0, q1, d] = stack.pop()!;
    v.calls++;
    v.maxDepthReached = Math.max(v.maxDepthReached, d);
    const gp = gridOf(p0, p1, n);
    const gq = gridOf(q0, q1, n);
    for (let i = 0; i <= n; i++) {
      xCoords(env, gp.g[i], X, 8 * i);
      yCoords(env, gq.g[i], Y, 8 * i);
      XL[i] = local ? localLip(env, gp.g[i]) : (opts.lipschitz as number);
      YL[i] = local ? localLip(env, gq.g[i]) : (opts.lipschitz as number);
    }
    const half = Math.max(gp.halfGap, gq.halfGap);
    if (local && half > LOCAL_MARGIN) throw new RangeError(`grid half-step ${half} exceeds the local Lipschitz margin ${LOCAL_MARGIN}`);
    let ok = true;
    let localMax = -Infinity, lp = 0, lq = 0;
    for (let i = 0; i <= n && ok; i++) {
      for (let j = 0; j <= n; j++) {
        const z = zUpper(X, 8 * i, Y, 8 * j);
        v.gridPoints++;
        if (z > localMax) { localMax = z; lp = gp.g[i]; lq = gq.g[j]; }
        const slack = up(Math.max(XL[i], YL[j]) * half);
        if (!(up(z + slack) <= opts.threshold)) { ok = false; break; }
      }
    }
    if (ok) {
      if (localMax > v.maxZ.z) {
        const i = Math.round(((lp - p0) / (p1 - p0 || 1)) * n), j = Math.round(((lq - q0) / (q1 - q0 || 1)) * n);
        zUpper(X, 8 * Math.min(n, Math.max(0, i)), Y, 8 * Math.min(n, Math.max(0, j)), who);
        v.maxZ = { z: localMax, p: lp, q: lq, by: who.t < 0 ? `Q${who.s}` : `(Q${who.s}, Q${who.t})` };
      }
      continue;
    }
    if (d >= opts.maxDepth) {
      v.accepted = false;
      v.rejected = { p0, p1, q0, q1, z: localMax };
      break;
    }
    if (d % 2 === 0) {
      const m = (p0 + p1) / 2;
      stack.push([m, p1, q0, q1, d + 1], [p0, m, q0, q1, d + 1]);
    } else {
      const m = (q0 + q1) / 2;
      stack.push([p0, p1, m, q1, d + 1], [p0, p1, q0, m, d + 1]);
    }
  }
  v.ms = Date.now() - t0;
  return v;
}
