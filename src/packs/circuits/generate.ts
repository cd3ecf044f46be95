// Certificates along a lattice: solve the spectral GA05 program at each point, warm-started from
// the previous point (tolls and both Perron vectors), then extract an ε-valid certificate.
import type { Transitions } from './transitions.js';
import { binomialEntropy, solveGa05 } from './ga05.js';
import { extractCertificate, type Certificate } from './certificate.js';

export interface PointReport {
  p: number;
  /** Optimised dual value Φ (before the certificate shift). */
  phi: number;
  /** Φ of the stored certificate at p (after shift and rounding). */
  phiCert: number;
  /** (Φ_cert − E_k(p))/k, the certified per-bit bound at p (float estimate). */
  ell: number;
  gradNorm: number;
  iterations: number;
  maxS: number;
  ms: number;
}

export interface GenerateOptions {
  eps: number;
  maxIter?: number;
  onPoint?: (r: PointReport, index: number, total: number, cert: Certificate) => void;
}

export function certificatesAlong(t: Transitions, points: number[], opts: GenerateOptions): { certs: Certificate[]; reports: PointReport[] } {
  const certs: Certificate[] = [];
  const reports: PointReport[] = [];
  let prev: { a: Float64Array; w: Float64Array; y: Float64Array } | undefined;
  const K = t.k + 1;
  points.forEach((p, idx) => {
    const t0 = Date.now();
    const sol = solveGa05(t, p, { a0: prev?.a, w0: prev?.w, y0: prev?.y, maxIter: opts.maxIter ?? 40, gradTol: 1e-9, fTol: 1e-12 });
    prev = { a: sol.a, w: sol.w, y: sol.y };
    const { cert, maxS } = extractCertificate(t, sol.a, sol.w, p, { eps: opts.eps });
    certs.push(cert);
    const Pp: number[] = [];
    let c = 1;
    for (let i = 0; i < K; i++) { Pp.push(c * p ** i * (1 - p) ** (K - 1 - i)); c = (c * (K - 1 - i)) / (i + 1); }
    let phiCert = 0;
    for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) phiCert += Pp[i] * Pp[j] * cert.a[i * K + j];
    const r: PointReport = {
      p, phi: sol.phi, phiCert, ell: (phiCert - binomialEntropy(t.k, p)) / t.k, gradNorm: sol.gradNorm,
      iterations: sol.iterations, maxS, ms: Date.now() - t0,
    };
    reports.push(r);
    opts.onPoint?.(r, idx, points.length, cert);
  });
  return { certs, reports };
}

/**
 * A subset of lattice points to solve at: a point is kept when it lies at least spacing(p) beyond
 * the last kept one (spacing 0 keeps every point). The first and last points are always kept.
 */
export function chooseAnchors(points: number[], spacing: (p: number) => number): number[] {
  const out: number[] = [];
  points.forEach((p, i) => {
    if (i === 0 || i === points.length - 1 || p - out[out.length - 1] >= spacing(p) - 1e-12) out.push(p);
  });
  return out;
}

/** For each lattice point, the index of the nearest anchor (certificates are valid for every p). */
export function nearestAnchor(points: number[], anchors: number[]): number[] {
  return points.map((p) => {
    let best = 0;
    for (let i = 1; i < anchors.length; i++) if (Math.abs(anchors[i] - p) < Math.abs(anchors[best] - p)) best = i;
    return best;
  });
}
