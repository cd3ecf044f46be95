// ε-linear representation error of a U-AND construction, per case (00 both off, 01 one on, 11 both on),
// over sampled s-sparse inputs. Read-offs are summarised on the fly; no C(m,2) table is ever stored.
import type { UandModel } from './model.js';
import { emptyErrStats, mergeErrStats, pushErr, summarize, type CaseSummary, type ErrStats } from './errstats.js';
import { checkInt, objStream, sampleSparse, type Seed } from './sampling.js';

export type CaseKey = '00' | '01' | '11' | '00risk';
export const CASES: CaseKey[] = ['00', '01', '11', '00risk'];

export interface MeasureOptions {
  /** Number of active features per input (exact), or the maximum when sMin is given. */
  s: number;
  /** Smallest sparsity when inputs have variable sparsity (uniform in [sMin, s]). */
  sMin?: number;
  /** Number of sampled inputs. */
  inputs: number;
  /** Seed of the inputs (independent of the construction's seed). */
  inputSeed: Seed;
  /** (active, inactive) pairs per input: a number to sample, or 'all' (uses the construction's fast path when present). */
  pairs01?: number | 'all';
  /** Uniform random (inactive, inactive) pairs per input. */
  pairs00?: number;
  /** At-risk (inactive, inactive) pairs per input, from the construction's riskPairs. */
  risk00?: number;
  /** Draw the partner features of 01 and 00 pairs from a fixed random pool of this size (lets constructions cache per-feature data). */
  pool?: number;
  /** Evaluate inputs start, start + stride, … (worker split). */
  start?: number;
  stride?: number;
}

export interface MeasureResult { cases: Record<CaseKey, ErrStats>; emptyReads: number; inputs: number }

export function measureUand(model: UandModel, opts: MeasureOptions): MeasureResult {
  const m = model.m;
  const sMax = checkInt('s', opts.s, 2, m - 2);
  const sMin = checkInt('sMin', opts.sMin ?? sMax, 2, sMax);
  const inputs = checkInt('inputs', opts.inputs, 1);
  const pairs01 = opts.pairs01 ?? 'all';
  const pairs00 = checkInt('pairs00', opts.pairs00 ?? 200, 0);
  const risk00 = checkInt('risk00', opts.risk00 ?? 50, 0);
  const cases = { '00': emptyErrStats(), '01': emptyErrStats(), '11': emptyErrStats(), '00risk': emptyErrStats() };
  const row = new Float64Array(m);
  const isActive = new Uint8Array(m);
  const before = model.emptyReads;
  let count = 0;
  const pool = opts.pool ? sampleSparse(objStream(opts.inputSeed, 'measure-pool'), m, checkInt('pool', opts.pool, sMax + 3, m)) : null;
  for (let t = opts.start ?? 0; t < inputs; t += opts.stride ?? 1) {
    const rng = objStream(opts.inputSeed, 'measure-input', t);
    const s = sMin + rng.int(sMax - sMin + 1);
    const act = sampleSparse(rng, m, s);
    for (const k of act) isActive[k] = 1;
    const a = model.activate(act);
    const pick = (n: number): number => rng.int(n);
    for (let i = 0; i < s; i++) for (let j = i + 1; j < s; j++) pushErr(cases['11'], model.read(a, act[i], act[j]) - 1);
    if (pairs01 === 'all' && model.readRow) {
      for (const k of act) {
        model.readRow(a, k, row);
        for (let l = 0; l < m; l++) if (!isActive[l]) pushErr(cases['01'], row[l]);
      }
    } else {
      const n01 = pairs01 === 'all' ? s * (m - s) : checkInt('pairs01', pairs01, 0);
      for (let j = 0; j < n01; j++) {
        const k = act[pick(s)];
        let l = pool ? pool[pick(pool.length)] : pick(m);
        while (isActive[l]) l = pool ? pool[pick(pool.length)] : pick(m);
        pushErr(cases['01'], model.read(a, k, l));
      }
    }
    for (let j = 0; j < pairs00; j++) {
      const draw = (): number => (pool ? pool[pick(pool.length)] : pick(m));
      let k = draw(), l = draw();
      while (isActive[k]) k = draw();
      while (isActive[l] || l === k) l = draw();
      pushErr(cases['00'], model.read(a, k, l));
    }
    if (risk00 > 0 && model.riskPairs) {
      for (const [k, l] of model.riskPairs(a, act, risk00, pick)) pushErr(cases['00risk'], model.read(a, k, l));
    }
    for (const k of act) isActive[k] = 0;
    count++;
  }
  return { cases, emptyReads: model.emptyReads - before, inputs: count };
}

export function mergeResults(rs: MeasureResult[]): MeasureResult {
  const out: MeasureResult = { cases: { '00': emptyErrStats(), '01': emptyErrStats(), '11': emptyErrStats(), '00risk': emptyErrStats() }, emptyReads: 0, inputs: 0 };
  for (const r of rs) {
    for (const c of CASES) out.cases[c] = mergeErrStats(out.cases[c], r.cases[c]);
    out.emptyReads += r.emptyReads;
    out.inputs += r.inputs;
  }
  return out;
}

export interface MeasureSummary { cases: Record<CaseKey, CaseSummary>; emptyReads: number; inputs: number }

export function summarizeResult(r: MeasureResult): MeasureSummary {
  const cases = {} as Record<CaseKey, CaseSummary>;
  for (const c of CASES) cases[c] = summarize(r.cases[c]);
  return { cases, emptyReads: r.emptyReads, inputs: r.inputs };
}
