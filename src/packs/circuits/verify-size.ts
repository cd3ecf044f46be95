// V_size: every lattice interval of the size family is cut into equal parts [a, b], and on each
// M[a,b] = ℓ(b) + Lip·(b − a) + h(min(max(½, a), b)) must not exceed the threshold. The last term
// is the maximum of the concave binary entropy on [a, b]. All terms are rounded upwards.
import * as I from '../../core/interval.js';
import { binaryEntropyIv, clippedEntropyAt, envelopeUpper, type Envelope } from './envelope.js';

export interface SizeVerdict {
  accepted: boolean;
  /** Upper bound of max M over all parts: the certified exponent bound when accepted. */
  maxM: number;
  /** The part attaining maxM. */
  at: { a: number; b: number; ell: number; h: number };
  parts: number;
  failures: number;
  firstFailure?: { a: number; b: number; M: number };
  /** Float estimate of max over the lattice points and part ends of ℓ + h (no Lipschitz term). */
  peakEstimate: { p: number; value: number };
}

export function verifySize(env: Envelope, opts: { subdivisions: number; lipschitz: number | 'local'; threshold: number }): SizeVerdict {
  const { subdivisions: S, lipschitz: lip, threshold } = opts;
  if (!Number.isInteger(S) || S < 1) throw new RangeError(`subdivisions must be a positive integer, got ${S}`);
  const ends = [0, ...env.points, 1];
  let maxM = -Infinity;
  let at = { a: 0, b: 0, ell: 0, h: 0 };
  let failures = 0;
  let firstFailure: SizeVerdict['firstFailure'];
  let peak = { p: 0, value: -Infinity };
  let parts = 0;
  for (let iv = 0; iv + 1 < ends.length; iv++) {
    const lo = ends[iv], hi = ends[iv + 1];
    // Parts lie inside the lattice interval, so the local bound of its certificates applies.
    const lipIv = lip === 'local' ? env.localLip[iv] : lip;
    let a = lo;
    for (let j = 1; j <= S; j++) {
      const b = j === S ? hi : lo + ((hi - lo) * j) / S;
      if (!(b > a)) continue; // an empty part (possible only through rounding) covers nothing
      const ell = envelopeUpper(env, b, iv, clippedEntropyAt(env.ce, b));
      const hp = Math.min(Math.max(0.5, a), b);
      const h = binaryEntropyIv(hp).hi;
      const width = I.up(b - a);
      const M = I.up(I.up(ell + I.up(lipIv * width)) + h);
      parts++;
      if (M > maxM) { maxM = M; at = { a, b, ell, h }; }
      if (ell + h > peak.value) peak = { p: b, value: ell + h };
      if (!(M <= threshold)) { failures++; firstFailure ??= { a, b, M }; }
      a = b;
    }
  }
  return { accepted: failures === 0, maxM, at, parts, failures, firstFailure, peakEstimate: peak };
}
