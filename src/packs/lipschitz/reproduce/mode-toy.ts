// Thesis §3.3 simple model (Eqs. 3.23–3.24): signal x1 ~ N(1,1), backgrounds N(0,1) and N(−4,1);
// x2 = exp(−(m − 0.2)²/(2·0.1²)); signal m ~ N(0.2, 0.1) or U(−1, 1) equally; background
// m = 1 − 2√U (type 1) or −1 + 2√U (type 2). A classifier trained with BCE + α·MoDe[ℓ] on background.
import type { Tensor } from '../../../core/autodiff.js';
import { add, backward, bceWithLogits, createTape, scale, sigmoid, tensor } from '../../../core/autodiff.js';
import { adam, gatherRows, miniBatches } from '../../../core/optim.js';
import { createRng } from '../../../core/rng.js';
import { modeLossOp } from '../mode.js';
import { createNet, forward, parameters } from '../network.js';
import type { Series } from './svg.js';
import { linePlot } from './svg.js';

export interface Events { x: Float64Array; y: Float64Array; m: Float64Array; n: number }

/** `modified` replaces x2 by exp(m) + 2m (Eq. 3.25), for which the optimal classifier is non-linear in m. */
export function simpleModel(n: number, seed: string, modified = false): Events {
  const r = createRng(seed);
  const x = new Float64Array(2 * n), y = new Float64Array(n), m = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const sig = i % 2 === 0;
    let mass: number, x1: number;
    if (sig) {
      mass = r.float() < 0.5 ? 0.2 + 0.1 * r.normal() : 2 * r.float() - 1;
      x1 = 1 + r.normal();
    } else if (r.float() < 0.5) {
      mass = 1 - 2 * Math.sqrt(r.float()); x1 = r.normal();
    } else {
      mass = -1 + 2 * Math.sqrt(r.float()); x1 = -4 + r.normal();
    }
    x[2 * i] = x1; x[2 * i + 1] = modified ? Math.exp(mass) + 2 * mass : Math.exp(-((mass - 0.2) ** 2) / (2 * 0.01));
    y[i] = sig ? 1 : 0; m[i] = mass;
  }
  return { x, y, m, n };
}

export interface ModeToyRow {
  name: string;
  auc: number;
  /** Slope of background FPR(m) from a least-squares line over 10 mass bins, at 50% signal efficiency. */
  fprSlope50: number;
  /** RMS residual of FPR(m) about that line, relative to the mean FPR: the non-linear (sculpted) part. */
  fprNonlinearity50: number;
  fpr50: number[];
}

function auc(score: ArrayLike<number>, y: Float64Array): number {
  const idx = Array.from({ length: score.length }, (_, i) => i).sort((a, b) => score[a] - score[b]);
  let rank = 0, sumPos = 0, nPos = 0;
  for (const i of idx) { rank++; if (y[i] === 1) { sumPos += rank; nPos++; } }
  const nNeg = y.length - nPos;
  return (sumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

function fprByMass(score: ArrayLike<number>, ev: Events, eff: number, bins: number): { centres: number[]; fpr: number[] } {
  const sig = Array.from(score).filter((_, i) => ev.y[i] === 1).sort((a, b) => a - b);
  const cut = sig[Math.floor((1 - eff) * sig.length)];
  const pass = new Array(bins).fill(0), tot = new Array(bins).fill(0);
  for (let i = 0; i < ev.n; i++) {
    if (ev.y[i] === 1) continue;
    const b = Math.min(bins - 1, Math.max(0, Math.floor(((ev.m[i] + 1) / 2) * bins)));
    tot[b]++; if (score[i] >= cut) pass[b]++;
  }
  return { centres: tot.map((_, b) => -1 + (2 * b + 1) / bins), fpr: pass.map((p, b) => p / Math.max(1, tot[b])) };
}

function slope(x: number[], y: number[]): number {
  const mx = x.reduce((a, b) => a + b, 0) / x.length, my = y.reduce((a, b) => a + b, 0) / y.length;
  return x.reduce((a, v, i) => a + (v - mx) * (y[i] - my), 0) / x.reduce((a, v) => a + (v - mx) ** 2, 0);
}

function train(ev: Events, inputs: 1 | 2, order: number | null, alpha: number, epochs: number, seed: number) {
  const net = createNet({ inputs, hidden: [16, 16], norm: 'none', lambda: 1, monotone: new Array(inputs).fill(0), groupSize: 2, activation: 'relu', vectorwise: true }, createRng(`mode-init:${seed}`));
  const opt = adam(parameters(net), { lr: 3e-3 });
  const order_ = createRng(`mode-batches:${seed}`);
  const cols = (e: Events, idx: number[]) => (inputs === 2 ? gatherRows(e.x, 2, idx) : Float64Array.from(idx, (i) => e.x[2 * i]));
  for (let e = 0; e < epochs; e++) {
    for (const idx of miniBatches(order_, ev.n, 2000)) {
      const t = createTape();
      const logit = forward(t, net, tensor(idx.length, inputs, cols(ev, idx)));
      let loss: Tensor = bceWithLogits(t, logit, idx.map((i) => ev.y[i]));
      if (order !== null) {
        const bkg = idx.map((i, k) => [i, k]).filter(([i]) => ev.y[i] === 0);
        const s = sigmoid(t, logit);
        // Background scores as their own tensor so the MoDe gradient flows back into s.
        const sb = tensor(bkg.length, 1, bkg.map(([, k]) => s.data[k]));
        sb.needsGrad = true;
        // Recorded before the MoDe op so that, replayed in reverse, it runs after sb.grad is filled.
        t.ops.push(() => { for (let j = 0; j < bkg.length; j++) s.grad[bkg[j][1]] += sb.grad[j]; });
        const md = modeLossOp(t, sb, bkg.map(([i]) => ev.m[i]), { order, bins: 10, integral: 'exact' });
        loss = add(t, loss, scale(t, md, alpha));
      }
      backward(t, loss);
      opt.step();
    }
  }
  return (evx: Events) => forward(createTape(), net, tensor(evx.n, inputs, cols(evx, Array.from({ length: evx.n }, (_, i) => i)))).data;
}

/** Trains one classifier (MoDe[order] with weight alpha, or plain BCE when order is null) and scores it on `te`. */
export function modeRun(tr: Events, te: Events, name: string, inputs: 1 | 2, order: number | null, alpha: number, epochs: number): ModeToyRow {
  const f = train(tr, inputs, order, alpha, epochs, 1)(te);
  const { centres, fpr } = fprByMass(f, te, 0.5, 10);
  const mean = fpr.reduce((a, b) => a + b, 0) / fpr.length;
  const b = slope(centres, fpr);
  const rms = Math.sqrt(fpr.reduce((a, v, i) => a + (v - mean - b * centres[i]) ** 2, 0) / fpr.length);
  return { name, auc: auc(f, te.y), fprSlope50: b, fprNonlinearity50: rms / mean, fpr50: fpr };
}

export function modeToy(nTrain: number, epochs: number, alpha: number[], svgOut: (name: string, svg: string) => void): ModeToyRow[] {
  const tr = simpleModel(nTrain, 'mode-train'), te = simpleModel(nTrain, 'mode-test');
  const runs: Array<[string, 1 | 2, number | null, string]> = [
    ['unconstrained (x1, x2)', 2, null, '#d62728'], ['m-agnostic (x1 only)', 1, null, '#333'],
    ...alpha.flatMap((a): Array<[string, 1 | 2, number | null, string]> => [[`MoDe[0] α=${a}`, 2, 0, '#1f77b4'], [`MoDe[1] α=${a}`, 2, 1, '#2ca02c']]),
  ];
  const rows: ModeToyRow[] = [], series: Series[] = [];
  for (const [name, inputs, order, color] of runs) {
    const row = modeRun(tr, te, name, inputs, order, Number(/α=(\d+)/.exec(name)?.[1] ?? 0), epochs);
    rows.push(row);
    series.push({ x: row.fpr50.map((_, b) => -1 + (2 * b + 1) / row.fpr50.length), y: row.fpr50, color, label: name });
  }
  svgOut('mode-fpr.svg', linePlot(series, { title: 'Background FPR vs mass at 50% signal efficiency', xLabel: 'mass m', yLabel: 'false-positive rate' }));
  return rows;
}

/** Eq. 3.25: with x2 = exp(m) + 2m, compare MoDe[1] and MoDe[2] with the m-agnostic classifier. */
export function modeModified(nTrain: number, epochs: number, alpha: number, svgOut: (name: string, svg: string) => void): ModeToyRow[] {
  const tr = simpleModel(nTrain, 'mode-mod-train', true), te = simpleModel(nTrain, 'mode-mod-test', true);
  const runs: Array<[string, 1 | 2, number | null, string]> = [
    ['unconstrained (x1, x2)', 2, null, '#d62728'], ['m-agnostic (x1 only)', 1, null, '#333'],
    [`MoDe[1] α=${alpha}`, 2, 1, '#2ca02c'], [`MoDe[2] α=${alpha}`, 2, 2, '#9467bd'],
  ];
  const rows = runs.map(([name, inputs, order]) => modeRun(tr, te, name, inputs, order, order === null ? 0 : alpha, epochs));
  svgOut('mode-modified-fpr.svg', linePlot(rows.map((r, k) => ({ x: r.fpr50.map((_, b) => -1 + (2 * b + 1) / r.fpr50.length), y: r.fpr50, color: runs[k][3], label: r.name })),
    { title: 'Modified model (Eq. 3.25): background FPR vs mass at 50% signal efficiency', xLabel: 'mass m', yLabel: 'false-positive rate' }));
  return rows;
}
