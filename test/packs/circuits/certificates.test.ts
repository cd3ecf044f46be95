// GA05 solver, certificates, envelopes and both verifiers on a small self-transpose parameter set
// (k = 3, H = 6), where everything runs in milliseconds; exact densities and Monte Carlo serve as
// independent references.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ParamSet } from '../../../src/packs/circuits/params.js';
import { buildTransitions } from '../../../src/packs/circuits/transitions.js';
import { binomialEntropy, binomialPmf, primalPoint, solveGa05 } from '../../../src/packs/circuits/ga05.js';
import { bernstein, extractCertificate, lipschitzUpper, localLipschitzUpper, maxConstraintUpper, phiAt, potentialSpread } from '../../../src/packs/circuits/certificate.js';
import { buildEnvelope, envelopeUpper } from '../../../src/packs/circuits/envelope.js';
import { verifySize } from '../../../src/packs/circuits/verify-size.js';
import { tameLeftDensity, leftDensity } from '../../../src/packs/circuits/densities.js';
import { lyapunovMC } from '../../../src/packs/circuits/lyapunov.js';
import { buildTame } from '../../../src/packs/circuits/tame.js';
import { leftDegreeByWeight } from '../../../src/packs/circuits/sergeev.js';
import { checkCertFile } from '../../../src/packs/circuits/certify.js';
import type { CertFile } from '../../../src/packs/circuits/certfile.js';

const TINY: ParamSet = { name: 'tiny', k: 3, H: 6, blocks: [0, 2, 5, 7], mult: [1, 2, 2, 1], Z: 1.2599210498948732, alpha: 0.4, beta: 0.4 };
const EPS = 1e-8;

test('one state: the GA05 optimum is exact, Φ* − E_k = Σ_j P_j log₂ d_j', () => {
  const x: ParamSet = { ...TINY, H: 1, blocks: [2], mult: [1] };
  const t = buildTransitions(x);
  const d = leftDegreeByWeight(3, 2);
  for (const p of [0.2, 0.45]) {
    const s = solveGa05(t, p);
    const P = binomialPmf(3, p);
    const want = P.reduce((acc, pj, j) => acc + pj * Math.log2(d[j]), 0);
    assert.ok(Math.abs(s.phi - binomialEntropy(3, p) - want) < 1e-8, `p=${p}: ${s.phi - binomialEntropy(3, p)} vs ${want}`);
  }
});

test('primal measure from the Perron vectors matches the dual value (zero duality gap)', () => {
  const t = buildTransitions(TINY);
  const s = solveGa05(t, 0.3, { tol: 1e-12, gradTol: 1e-11, fTol: 0 });
  const pr = primalPoint(t, 0.3, s.a);
  assert.ok(pr.marginalError < 1e-6, `marginal error ${pr.marginalError}`);
  assert.ok(pr.flowError < 1e-9, `flow error ${pr.flowError}`);
  assert.ok(Math.abs(pr.psi - s.phi) < 1e-6, `primal ${pr.psi} vs dual ${s.phi}`);
});

test('certificates are ε-valid, rigorously; a tampered one is rejected', () => {
  const t = buildTransitions(TINY);
  const s = solveGa05(t, 0.35);
  const { cert, maxS } = extractCertificate(t, s.a, s.w, 0.35, { eps: EPS });
  assert.ok(maxS <= 1 - EPS && maxS > 1 - 2e-8, `max S = ${maxS}`);
  assert.equal(maxConstraintUpper(t, cert), maxS);
  const worse = { ...cert, a: cert.a.map((v) => v - 1e-6) };
  assert.ok(maxConstraintUpper(t, worse) > 1 - EPS);
  // The certified value at p is within the shift of the optimum.
  const P = binomialPmf(3, 0.35);
  let phi = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) phi += P[i] * P[j] * cert.a[i * 4 + j];
  assert.ok(phi >= s.phi && phi - s.phi < 1e-7, `certificate Φ ${phi} vs optimum ${s.phi}`);
});

test('certificate theorem: exact densities of C_X(km, h) obey f ≤ Φ̃_a(p) + Γ(b)/(km); Monte Carlo λ/k ≤ Φ̃', () => {
  const t = buildTransitions(TINY);
  const p = 0.3;
  const s = solveGa05(t, p);
  const { cert } = extractCertificate(t, s.a, s.w, p, { eps: EPS });
  const bern = bernstein(cert.a, 3);
  const phiT = (q: number): number => (phiAt(bern, q).hi - binomialEntropy(3, q)) / 3;
  const gamma = potentialSpread(cert);
  for (const q of [0.1, 0.3, 0.6]) {
    for (let m = 1; m <= 3; m++) {
      for (const h of [0, 3, 5]) {
        const f = tameLeftDensity(t, h, m, q);
        assert.ok(f <= phiT(q) + gamma / (3 * m) + 1e-12, `q=${q} m=${m} h=${h}: ${f}`);
      }
    }
  }
  const mc = lyapunovMC(t, p, { steps: 20000, runs: 4, seed: 'tiny' });
  assert.ok(mc.perBit - 4 * mc.se <= phiT(p), `MC ${mc.perBit} ± ${mc.se} vs bound ${phiT(p)}`);
  // Independent exact check of the density path: explicit C_X(6, h) against Prop 3.2 enumeration.
  const c = buildTame(TINY, 6, 2);
  assert.ok(Math.abs(leftDensity(c, 6, 0.37) - tameLeftDensity(t, 2, 2, 0.37)) < 1e-12);
});

test('Bernstein form encloses Σ P_iP_j a_ij and the Lipschitz bound dominates observed slopes', () => {
  const a = Array.from({ length: 16 }, (_, q) => Math.sin(q * 1.7) * 3 + q * 0.1);
  const bern = bernstein(a, 3);
  let slope = 0;
  let prev = NaN;
  for (let i = 0; i <= 1000; i++) {
    const p = i / 1000;
    const P = binomialPmf(3, p);
    let direct = 0;
    for (let x = 0; x < 4; x++) for (let y = 0; y < 4; y++) direct += P[x] * P[y] * a[x * 4 + y];
    const e = phiAt(bern, p);
    assert.ok(e.lo <= direct + 1e-13 && direct - 1e-13 <= e.hi && e.hi - e.lo < 1e-12);
    if (i > 0) slope = Math.max(slope, Math.abs(direct - prev) * 1000);
    prev = direct;
  }
  assert.ok(lipschitzUpper(bern, 3, 0) * 3 >= slope, `bound ${lipschitzUpper(bern, 3, 0) * 3} < observed ${slope}`);
  // Local bounds: dominate the slope observed on their interval, never exceed the global bound.
  for (const [lo, hi] of [[0, 0.1], [0.3, 0.35], [0.8, 1]]) {
    let s = 0;
    for (let i = 0; i < 200; i++) {
      const p0 = lo + ((hi - lo) * i) / 200, p1 = lo + ((hi - lo) * (i + 1)) / 200;
      s = Math.max(s, Math.abs(phiAt(bern, p1).hi - phiAt(bern, p0).hi) / (p1 - p0));
    }
    const L = localLipschitzUpper(bern, 3, lo, hi, 0) * 3;
    assert.ok(L >= s - 1e-9 && L <= lipschitzUpper(bern, 3, 0) * 3 + 1e-9, `[${lo}, ${hi}]: ${L} vs ${s}`);
  }
});

function tinyFile(threshold: number): CertFile {
  const t = buildTransitions(TINY);
  const lattice = [0.2, 0.35, 0.5, 0.7];
  const pool = lattice.map((p) => { const s = solveGa05(t, p); return extractCertificate(t, s.a, s.w, p, { eps: EPS }).cert; });
  return {
    format: 'evolab-circuits-certificate', version: 1, kind: 'size', epsilon: EPS, eta: 0.01, mStar: 1e11, lipschitz: 40,
    threshold, claim: threshold + 1e-6, verifier: { subdivisions: 20 },
    families: { tiny: { params: TINY, lattice, assign: [0, 1, 2, 3], pool } },
  };
}

test('V_size accepts above the envelope maximum, rejects below it, and check catches tampering', () => {
  const file = tinyFile(10);
  const r = checkCertFile(file);
  assert.ok(r.certified, r.problems.join('; '));
  const M = r.size!.maxM;
  // Independent float scan of ℓ + h on a fine grid must stay below the certified maximum.
  const env = buildEnvelope(3, file.families.tiny.lattice.map((p, i) => ({ ...file.families.tiny.pool[i], p })), 0.01);
  for (let i = 0; i <= 2000; i++) {
    const p = i / 2000;
    const h = p === 0 || p === 1 ? 0 : -p * Math.log2(p) - (1 - p) * Math.log2(1 - p);
    assert.ok(envelopeUpper(env, p) + h <= M + 1e-12);
  }
  const below = checkCertFile({ ...file, threshold: M - 1e-3, claim: M });
  assert.equal(below.certified, false);
  const tampered = structuredClone(file);
  tampered.families.tiny.pool[1].b[3] -= 0.01; // raises S at node (0, 3) by a factor 2^0.01
  const tr = checkCertFile(tampered);
  assert.equal(tr.certified, false);
  assert.match(tr.problems.join(' '), /not ε-valid/);
  assert.equal(checkCertFile({ ...file, claim: 9 }).certified, false);
  const notSelfT = structuredClone(file);
  notSelfT.families.tiny.params = { ...TINY, mult: [2, 1, 2, 1] };
  assert.equal(checkCertFile(notSelfT).certified, false);
  assert.ok(verifySize(env, { subdivisions: 5, lipschitz: 40, threshold: 10 }).accepted);
});
