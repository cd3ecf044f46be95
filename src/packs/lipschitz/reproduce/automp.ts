// AutoMPG (thesis Table A.1; data from vega-datasets): MPG regression, monotone decreasing in
// displacement, horsepower and weight. Random 80/20 splits; test MSE in MPG².
import { createRng, shuffle } from '../../../core/rng.js';
import { certifiedBound, checkMonotone } from '../certify.js';
import { fitRows } from '../fit.js';
import { predict } from '../model.js';
import { AUTOMPG_DECREASING, AUTOMPG_FEATURES, loadAutoMpg } from '../table.js';

export interface AutoMpgResult {
  rows: number;
  splits: number;
  lmnMse: { mean: number; std: number };
  unconstrainedMse: { mean: number; std: number };
  lmnParameters: number;
  /** Monotonicity checks of the unconstrained model in the three features (violations / checked). */
  unconstrainedViolations: number;
  unconstrainedChecked: number;
  lmnViolations: number;
  lmnChecked: number;
  lmnCertified: boolean;
}

const stat = (v: number[]) => {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return { mean: m, std: Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, v.length - 1)) };
};

export function autoMpg(splits: number, epochs: number): AutoMpgResult {
  const t = loadAutoMpg();
  const mono = AUTOMPG_FEATURES.map((f) => (AUTOMPG_DECREASING.includes(f) ? -1 : 0));
  const lmn: number[] = [], free: number[] = [];
  let params = 0, uv = 0, uc = 0, lv = 0, lc = 0, certified = true;
  for (let s = 0; s < splits; s++) {
    const idx = shuffle(createRng(`automp-split:${s}`), t.rows.map((_, i) => i));
    const nt = Math.round(0.8 * idx.length);
    const tr = idx.slice(0, nt).map((i) => t.rows[i]), te = idx.slice(nt).map((i) => t.rows[i]);
    const x = tr.map((r) => r.slice(1)), y = tr.map((r) => r[0]);
    const mse = (p: number[]) => p.reduce((a, v, i) => a + (v - te[i][0]) ** 2, 0) / te.length;
    const a = fitRows(x, y, AUTOMPG_FEATURES, { task: 'regression', lambda: 1, norm: 'one', monotone: mono, epochs, seed: s, hidden: [16, 16] });
    const b = fitRows(x, y, AUTOMPG_FEATURES, { task: 'regression', lambda: 1, norm: 'none', activation: 'relu', monotone: mono.map(() => 0), epochs, seed: s, hidden: [16, 16] });
    lmn.push(mse(predict(a.model, te.map((r) => r.slice(1)))));
    free.push(mse(predict(b.model, te.map((r) => r.slice(1)))));
    params = a.parameters;
    certified &&= certifiedBound(a.model).monotoneCertified;
    const cl = checkMonotone(a.model, { points: 200, seed: s });
    const cu = checkMonotone(b.model, { points: 200, seed: s, radius: 2, directions: mono });
    lv += cl.violations; lc += cl.checked; uv += cu.violations; uc += cu.checked;
  }
  return {
    rows: t.rows.length, splits, lmnMse: stat(lmn), unconstrainedMse: stat(free), lmnParameters: params,
    unconstrainedViolations: uv, unconstrainedChecked: uc, lmnViolations: lv, lmnChecked: lc, lmnCertified: certified,
  };
}
