// Producing and re-checking the size and degree certificates. `check*` never solves anything: it
// rebuilds the transition matrices from the stored parameter sets, re-verifies every certificate
// with outward rounding, rebuilds the envelopes and re-runs the verifier.
import { buildTransitions } from './transitions.js';
import { family, formatParamSet, minHalfIntegerDistance, transposeParams, validateParamSet, type ParamSet } from './params.js';
import { latticePoints } from './lattice.js';
import { certificatesAlong, chooseAnchors, nearestAnchor, type PointReport } from './generate.js';
import { maxConstraintUpper, negLog2OneMinus, potentialSpread, type Certificate } from './certificate.js';
import { buildEnvelope, continuityFailures, type Envelope } from './envelope.js';
import { verifySize, type SizeVerdict } from './verify-size.js';
import { verifyDegree, type DegreeVerdict } from './verify-degree.js';
import type { CertFile, FamilyCertificates } from './certfile.js';
import * as I from '../../core/interval.js';

export const SIZE_DEFAULTS = { epsilon: 1e-8, eta: 0.01, mStar: 1e11, lipschitz: 13, threshold: 1.244843, claim: 1.244844, subdivisions: 1000 };
export const DEGREE_DEFAULTS = { epsilon: 1e-8, eta: 0.01, mStar: 1e11, lipschitz: 'local' as const, threshold: 0.319865, claim: 0.319866, grid: 101, maxDepth: 30 };

/** Anchor spacing rules: solve densely where the verifier's slack is small. */
export const ANCHOR_RULES: Record<string, (p: number) => number> = {
  jessica: (p) => (Math.abs(p - 0.3713) < 0.0015 ? 0.0003 : p >= 0.34 && p <= 0.4 ? 0.002 : 0),
  sonetto: (p) => (Math.abs(p - 0.32) < 0.004 ? 0.0005 : p >= 0.25 && p <= 0.45 ? 0.01 : 0.04),
  regulus: (p) => (p >= 0.2 && p <= 0.35 ? 0.02 : 0.08),
  'regulus-t': (p) => (p >= 0.3 && p <= 0.45 ? 0.01 : 0.04),
};

export function familyCertificates(name: string, eps: number, onPoint?: (r: PointReport, i: number, n: number) => void, anchors?: number[]): FamilyCertificates {
  const params = family(name);
  const lattice = latticePoints(name);
  const chosen = anchors ?? chooseAnchors(lattice, ANCHOR_RULES[name] ?? (() => 0));
  const { certs } = certificatesAlong(buildTransitions(params), chosen, { eps, onPoint });
  return { params, lattice, assign: nearestAnchor(lattice, chosen), pool: certs };
}

export interface FamilyCheck {
  name: string;
  certificates: number;
  /** Rigorous upper bound of the largest constraint sum S(i,u) over all certificates. */
  maxS: number;
  /** Largest potential spread Γ(b), and the m it requires. */
  maxSpread: number;
  mRequired: number;
  /** Largest Lipschitz bound over the lattice certificates. */
  maxLipschitz: number;
  continuityFailures: number;
  problems: string[];
}

function checkFamily(name: string, fc: FamilyCertificates, c: CertFile): { check: FamilyCheck; env?: Envelope } {
  const problems: string[] = [];
  try { validateParamSet(fc.params); } catch (e) { problems.push((e as Error).message); return { check: emptyCheck(name, problems) }; }
  if (minHalfIntegerDistance(fc.params) < 1e-9) problems.push(`${name}: a raw tilt lies within 1e-9 of a half-integer`);
  const t = buildTransitions(fc.params);
  const { lattice, assign, pool } = fc;
  if (!Array.isArray(lattice) || lattice.length < 1) problems.push(`${name}: lattice must be a nonempty list`);
  for (let r = 0; r < lattice.length; r++) {
    if (!(lattice[r] > 0 && lattice[r] < 1) || (r > 0 && !(lattice[r] > lattice[r - 1]))) { problems.push(`${name}: lattice[${r}] must increase within (0, 1)`); break; }
  }
  if (!Array.isArray(assign) || assign.length !== lattice.length || assign.some((q) => !Number.isInteger(q) || q < 0 || q >= pool.length)) {
    problems.push(`${name}: assign must give a pool index for each of the ${lattice.length} lattice points`);
  }
  if (problems.length) return { check: emptyCheck(name, problems) };
  let maxS = 0, maxSpread = 0;
  const bound = I.down(1 - c.epsilon);
  pool.forEach((cert, q) => {
    let s: number;
    try { s = maxConstraintUpper(t, cert); } catch (e) { problems.push(`${name}: pool[${q}]: ${(e as Error).message}`); return; }
    maxS = Math.max(maxS, s);
    if (!(s <= bound)) problems.push(`${name}: pool[${q}] is not ε-valid (max S ≤ ${s} > 1 − ε)`);
    maxSpread = Math.max(maxSpread, potentialSpread(cert));
  });
  const mRequired = Math.ceil(I.up(maxSpread / negLog2OneMinus(c.epsilon)));
  if (!(mRequired <= c.mStar)) problems.push(`${name}: m* = ${c.mStar} is below the required ${mRequired}`);
  if (problems.length) return { check: { ...emptyCheck(name, problems), maxS, maxSpread, mRequired } };
  const certs: Certificate[] = lattice.map((p, r) => ({ p, a: pool[assign[r]].a, b: pool[assign[r]].b }));
  const env = buildEnvelope(fc.params.k, certs, c.eta);
  const maxLipschitz = c.lipschitz === 'local' ? Math.max(...env.localLip) : Math.max(...env.lip);
  if (c.lipschitz !== 'local' && !(maxLipschitz <= c.lipschitz)) problems.push(`${name}: a certificate's Lipschitz bound ${maxLipschitz} exceeds ${c.lipschitz}`);
  return {
    check: { name, certificates: pool.length, maxS, maxSpread, mRequired, maxLipschitz, continuityFailures: continuityFailures(env).length, problems },
    env,
  };
}

function emptyCheck(name: string, problems: string[]): FamilyCheck {
  return { name, certificates: 0, maxS: NaN, maxSpread: NaN, mRequired: NaN, maxLipschitz: NaN, continuityFailures: 0, problems };
}

function sameParams(a: ParamSet, b: ParamSet): boolean {
  return formatParamSet(a) === formatParamSet(b);
}

export interface CheckResult {
  certified: boolean;
  exponent: number;
  kind: 'size' | 'degree';
  families: FamilyCheck[];
  size?: SizeVerdict;
  degree?: DegreeVerdict;
  problems: string[];
}

export function checkCertFile(c: CertFile): CheckResult {
  const problems: string[] = [];
  if (!(c.claim > c.threshold)) problems.push(`claim ${c.claim} must exceed the threshold ${c.threshold}`);
  if (!(c.epsilon > 0 && c.epsilon < 0.5)) problems.push('epsilon must lie in (0, 0.5)');
  if (c.lipschitz !== 'local' && !(c.lipschitz > 0)) problems.push('lipschitz must be positive or "local"');
  const names = Object.keys(c.families);
  const checks: FamilyCheck[] = [];
  const envs: Record<string, Envelope> = {};
  for (const n of names) {
    const { check, env } = checkFamily(n, c.families[n], c);
    checks.push(check);
    problems.push(...check.problems);
    if (env) envs[n] = env;
  }
  const out: CheckResult = { certified: false, exponent: c.claim, kind: c.kind, families: checks, problems };
  if (c.kind === 'size') {
    if (names.length !== 1) problems.push('a size certificate must hold exactly one family');
    else {
      const fc = c.families[names[0]];
      // The column densities equal the row densities only for a self-transpose parameter set.
      if (!sameParams(fc.params, transposeParams(fc.params))) problems.push(`${names[0]} is not self-transpose`);
      const S = c.verifier.subdivisions ?? 0;
      if (!Number.isInteger(S) || S < 1) problems.push('verifier.subdivisions must be a positive integer');
      if (problems.length === 0) {
        out.size = verifySize(envs[names[0]], { subdivisions: S, lipschitz: c.lipschitz, threshold: c.threshold });
        if (!out.size.accepted) problems.push(`V_size rejects: ${JSON.stringify(out.size.firstFailure)}`);
      }
    }
  } else {
    for (const n of ['sonetto', 'regulus', 'regulus-t']) if (!c.families[n]) problems.push(`a degree certificate needs family ${n}`);
    if (problems.length === 0) {
      if (!sameParams(c.families.sonetto.params, transposeParams(c.families.sonetto.params))) problems.push('sonetto is not self-transpose');
      if (!sameParams(c.families['regulus-t'].params, transposeParams(c.families.regulus.params))) problems.push('regulus-t is not the transpose of regulus');
    }
    const grid = c.verifier.grid ?? 0, maxDepth = c.verifier.maxDepth ?? 0;
    if (!Number.isInteger(grid) || grid < 2 || !Number.isInteger(maxDepth) || maxDepth < 0 || maxDepth > 60) problems.push('verifier.grid (≥ 2) and verifier.maxDepth (0..60) must be integers');
    if (problems.length === 0) {
      out.degree = verifyDegree({ sonetto: envs.sonetto, regulus: envs.regulus, regulusT: envs['regulus-t'] }, { threshold: c.threshold, lipschitz: c.lipschitz, grid, maxDepth });
      if (!out.degree.accepted) problems.push(`V_degree rejects rectangle ${JSON.stringify(out.degree.rejected)}`);
    }
  }
  out.certified = problems.length === 0;
  return out;
}

export function sizeCertFile(fc: FamilyCertificates, name: string): CertFile {
  const d = SIZE_DEFAULTS;
  return {
    format: 'evolab-circuits-certificate', version: 1, kind: 'size', epsilon: d.epsilon, eta: d.eta, mStar: d.mStar,
    lipschitz: d.lipschitz, threshold: d.threshold, claim: d.claim, verifier: { subdivisions: d.subdivisions }, families: { [name]: fc },
  };
}

export function degreeCertFile(fams: Record<string, FamilyCertificates>): CertFile {
  const d = DEGREE_DEFAULTS;
  return {
    format: 'evolab-circuits-certificate', version: 1, kind: 'degree', epsilon: d.epsilon, eta: d.eta, mStar: d.mStar,
    lipschitz: d.lipschitz, threshold: d.threshold, claim: d.claim, verifier: { grid: d.grid, maxDepth: d.maxDepth }, families: fams,
  };
}
