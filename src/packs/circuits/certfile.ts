// Certificate files: plain JSON (gzip-compressed when the name ends in .gz) holding everything a
// check needs — parameter sets, verifier constants and the certificates — but no solver state.
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Certificate } from './certificate.js';
import type { ParamSet } from './params.js';

export interface FamilyCertificates {
  params: ParamSet;
  /** Interior lattice points, increasing. */
  lattice: number[];
  /** For each lattice point, the index of its certificate in `pool`. */
  assign: number[];
  /** Distinct certificates (each with the point it was optimised at). */
  pool: Certificate[];
}

export interface CertFile {
  format: 'evolab-circuits-certificate';
  version: 1;
  kind: 'size' | 'degree';
  epsilon: number;
  eta: number;
  /** m* of the circuits C_X(k·m*, 0) whose densities are bounded. */
  mStar: number;
  /**
   * Lipschitz constant the verifier uses (every certificate's global bound must not exceed it), or
   * 'local': per lattice interval, the bound of the certificates used there on that interval.
   */
  lipschitz: number | 'local';
  /** The verifier accepts when every bound is ≤ threshold. */
  threshold: number;
  /** The exponent claimed (strictly above the threshold). */
  claim: number;
  /** Size: subdivisions per lattice interval. Degree: grid points per side and maximum depth. */
  verifier: { subdivisions?: number; grid?: number; maxDepth?: number };
  families: Record<string, FamilyCertificates>;
  /** What the producing run found (informational; `check` recomputes everything). */
  result?: unknown;
}

export function writeCertFile(path: string, c: CertFile): void {
  const text = JSON.stringify(c);
  writeFileSync(path, path.endsWith('.gz') ? gzipSync(text) : text);
}

export function readCertFile(path: string): CertFile {
  const raw = readFileSync(path);
  const text = path.endsWith('.gz') || (raw[0] === 0x1f && raw[1] === 0x8b) ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  let c: CertFile;
  try { c = JSON.parse(text) as CertFile; } catch (e) { throw new Error(`${path}: not valid JSON (${(e as Error).message})`); }
  if (c.format !== 'evolab-circuits-certificate' || c.version !== 1) throw new Error(`${path}: format must be evolab-circuits-certificate version 1`);
  if (c.kind !== 'size' && c.kind !== 'degree') throw new Error(`${path}: kind must be size or degree`);
  if (c.lipschitz !== 'local' && (typeof c.lipschitz !== 'number' || !Number.isFinite(c.lipschitz))) throw new Error(`${path}: field lipschitz must be a finite number or "local"`);
  for (const f of ['epsilon', 'eta', 'mStar', 'threshold', 'claim'] as const) {
    if (typeof c[f] !== 'number' || !Number.isFinite(c[f])) throw new Error(`${path}: field ${f} must be a finite number`);
  }
  if (!c.families || typeof c.families !== 'object') throw new Error(`${path}: field families must be an object`);
  return c;
}
