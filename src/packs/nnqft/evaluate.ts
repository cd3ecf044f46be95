// Batched evaluation: draws `count` independent networks and writes φ at P points into out[net·P + p].
import type { Rng } from '../../core/rng.js';
import { erfFast as erf } from '../../core/special.js';
import type { ArchSpec, BDist } from './arch.js';
import { fillNormals, studentVector, uniformBall } from './sampling.js';

const PI_M31 = Math.PI * 2 ** -31;

export interface Scratch { normals: Float64Array; b: Float64Array }

export function makeScratch(spec: ArchSpec, count: number): Scratch {
  return { normals: new Float64Array(count * spec.N * (spec.d + 2)), b: new Float64Array(spec.d) };
}

/** X is the row-major P×d point matrix. */
export function evaluateBatch(spec: ArchSpec, rng: Rng, count: number, X: Float64Array, P: number, out: Float64Array, scratch = makeScratch(spec, count)): void {
  out.fill(0, 0, count * P);
  switch (spec.kind) {
    case 'cos': return cosNet(spec.d, spec.N, spec.sigmaA, spec.sigmaB, rng, count, X, P, out, scratch);
    case 'gauss': return expNet(spec.d, spec.N, Math.sqrt(spec.sigmaA * spec.sigmaA / 2), spec.sigmaB, spec.sigmaC, false, rng, count, X, P, out, scratch);
    case 'gauss-sl': return expNet(spec.d, spec.N, spec.sigmaW, spec.sigmaW, spec.sigmaB, true, rng, count, X, P, out, scratch);
    case 'erf': case 'relu': return singleLayer(spec.kind, spec.d, spec.N, spec.sigmaW, spec.sigmaB, rng, count, X, P, out, scratch);
    case 'free': return cosFamily(spec.d, spec.N, spec.sigmaA, { family: 'ball', scale: spec.cutoff }, spec.mass, 1, 'identity', rng, count, X, P, out, scratch);
    case 'cauchy': return cosFamily(1, spec.N, spec.sigmaA, { family: 'cauchy', scale: spec.mass }, 0, 0, 'identity', rng, count, X, P, out, scratch);
    case 'user': return cosFamily(spec.d, spec.N, spec.sigmaA, spec.b, spec.F.mass, spec.F.power, spec.activation, rng, count, X, P, out, scratch);
  }
}

function cosNet(d: number, N: number, sigmaA: number, sigmaB: number, rng: Rng, count: number, X: Float64Array, P: number, out: Float64Array, s: Scratch): void {
  const per = N * (d + 1);
  const g = s.normals;
  fillNormals(rng, g, count * per);
  const sa = sigmaA / Math.sqrt(N), sb = sigmaB / Math.sqrt(d);
  let k = 0;
  for (let net = 0; net < count; net++) {
    const o = net * P;
    for (let i = 0; i < N; i++) {
      const a = sa * g[k];
      // c ~ U[−π, π) from one 32-bit word: the phase needs no more resolution.
      const c = PI_M31 * rng.u32() - Math.PI;
      if (d === 1) {
        const b = sb * g[k + 1];
        for (let p = 0; p < P; p++) out[o + p] += a * Math.cos(b * X[p] + c);
      } else {
        for (let p = 0; p < P; p++) {
          let t = c;
          for (let j = 0; j < d; j++) t += sb * g[k + 1 + j] * X[p * d + j];
          out[o + p] += a * Math.cos(t);
        }
      }
      k += d + 1;
    }
  }
}

// Normalised exponential neurons exp(w·x + c − σ_c² − σ_w²|x|²/d): the duality Gauss-net (no output bias)
// and the single-hidden-layer Gauss-net (σ_c plays b₀'s σ_b, with output bias b₁ ~ N(0, σ_b²)).
function expNet(d: number, N: number, sOut: number, sigmaW: number, sigmaC: number, outputBias: boolean, rng: Rng, count: number, X: Float64Array, P: number, out: Float64Array, s: Scratch): void {
  const per = N * (d + 2);
  const g = s.normals;
  fillNormals(rng, g, count * per);
  const sa = sOut / Math.sqrt(N), sw = sigmaW / Math.sqrt(d);
  const offset = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    let x2 = 0;
    for (let j = 0; j < d; j++) x2 += X[p * d + j] ** 2;
    offset[p] = sigmaC * sigmaC + (sigmaW * sigmaW * x2) / d;
  }
  let k = 0;
  for (let net = 0; net < count; net++) {
    const o = net * P;
    for (let i = 0; i < N; i++) {
      const a = sa * g[k], c = sigmaC * g[k + 1];
      for (let p = 0; p < P; p++) {
        let t = c - offset[p];
        for (let j = 0; j < d; j++) t += sw * g[k + 2 + j] * X[p * d + j];
        out[o + p] += a * Math.exp(t);
      }
      k += d + 2;
    }
    if (outputBias) { const b1 = sigmaC * rng.normal(); for (let p = 0; p < P; p++) out[o + p] += b1; }
  }
}

function singleLayer(kind: 'erf' | 'relu', d: number, N: number, sigmaW: number, sigmaB: number, rng: Rng, count: number, X: Float64Array, P: number, out: Float64Array, s: Scratch): void {
  const per = N * (d + 2);
  const g = s.normals;
  fillNormals(rng, g, count * per);
  const s1 = sigmaW / Math.sqrt(N), s0 = sigmaW / Math.sqrt(d);
  let k = 0;
  for (let net = 0; net < count; net++) {
    const o = net * P;
    for (let i = 0; i < N; i++) {
      const a = s1 * g[k], b0 = sigmaB * g[k + 1];
      for (let p = 0; p < P; p++) {
        let z = b0;
        for (let j = 0; j < d; j++) z += s0 * g[k + 2 + j] * X[p * d + j];
        out[o + p] += a * (kind === 'erf' ? erf(z) : z > 0 ? z : 0);
      }
      k += d + 2;
    }
    const b1 = sigmaB * rng.normal();
    for (let p = 0; p < P; p++) out[o + p] += b1;
  }
}

/** Draws b into s.b. */
export function drawB(rng: Rng, d: number, dist: BDist, out: Float64Array): void {
  switch (dist.family) {
    case 'normal': { const sd = dist.scale / Math.sqrt(d); for (let j = 0; j < d; j++) out[j] = sd * rng.normal(); return; }
    case 'ball': return uniformBall(rng, d, dist.scale, out);
    case 'cauchy':
      if (d === 1) { out[0] = dist.scale * Math.tan(Math.PI * (rng.float() - 0.5)); return; }
      return studentVector(rng, d, dist.scale, 1, out);
    case 'student': return studentVector(rng, d, dist.scale, dist.nu, out);
  }
}

function activate(act: string, z: number): number {
  switch (act) {
    case 'tanh': return Math.tanh(z);
    case 'erf': return erf(z);
    case 'relu': return z > 0 ? z : 0;
    default: return z;
  }
}

function cosFamily(d: number, N: number, sigmaA: number, dist: BDist, mass: number, power: number, act: string, rng: Rng, count: number, X: Float64Array, P: number, out: Float64Array, s: Scratch): void {
  const sa = sigmaA / Math.sqrt(N);
  const b = s.b;
  for (let net = 0; net < count; net++) {
    const o = net * P;
    for (let i = 0; i < N; i++) {
      const a = sa * rng.normal();
      drawB(rng, d, dist, b);
      const c = Math.PI * (2 * rng.float() - 1);
      let F = 1;
      if (power !== 0) { let b2 = 0; for (let j = 0; j < d; j++) b2 += b[j] * b[j]; F = Math.pow(b2 + mass * mass, -power / 2); }
      for (let p = 0; p < P; p++) {
        let t = c;
        for (let j = 0; j < d; j++) t += b[j] * X[p * d + j];
        const l = F * Math.cos(t);
        out[o + p] += a * (act === 'identity' ? l : activate(act, l));
      }
    }
  }
}
