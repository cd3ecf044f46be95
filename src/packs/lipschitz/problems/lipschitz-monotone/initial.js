// Trains a monotonic Lipschitz classifier on input.train and returns its weights.
// run(input) -> {norm, activation, groupSize, layers: [{w: [[...]], b: [...]}]}
// The network's output is f(x) = g(x) + lambda * sum_i c_i x_i with c = input.monotone, and
// class 1 is predicted when f(x) >= 0. The verifier requires prod_l ||W_l|| <= lambda.

// EVOLVE-BLOCK-START
const HIDDEN = [16, 16];
const GROUP = 2;
const EPOCHS = 120;
const BATCH = 32;
const LR = 0.01;
const LR_END = 0.1;
const TAU = 4;
const INIT_SCALE = 1;
const SEED = 1;
const NORM = 'one';
// EVOLVE-BLOCK-END

function rng(seed) {
  let a = (seed * 2654435761) >>> 0 || 1;
  return () => { a ^= a << 13; a >>>= 0; a ^= a >>> 17; a ^= a << 5; a >>>= 0; return a / 4294967296; };
}

// Scale each group (column for 'one', row for 'inf', entry for 'one-inf') to abs-sum <= c.
function project(W, rows, cols, c, kind) {
  if (kind === 'one') {
    for (let k = 0; k < cols; k++) {
      let s = 0; for (let j = 0; j < rows; j++) s += Math.abs(W[j * cols + k]);
      if (s > c) for (let j = 0; j < rows; j++) W[j * cols + k] *= c / s;
    }
  } else if (kind === 'inf') {
    for (let j = 0; j < rows; j++) {
      let s = 0; for (let k = 0; k < cols; k++) s += Math.abs(W[j * cols + k]);
      if (s > c) for (let k = 0; k < cols; k++) W[j * cols + k] *= c / s;
    }
  } else {
    for (let i = 0; i < W.length; i++) W[i] = Math.max(-c, Math.min(c, W[i]));
  }
}

export function run(input) {
  const X = input.train.x, Y = input.train.y, lambda = input.lambda, mono = input.monotone;
  const n = X.length, d = X[0].length;
  const group = Math.max(1, Math.min(8, Math.round(GROUP)));
  const hidden = HIDDEN.map((h) => Math.max(group, Math.min(64, Math.round(h / group) * group))).slice(0, 4);
  const sizes = [d, ...hidden, 1], L = sizes.length - 1;
  const kindOf = (l) => (NORM === 'one' ? 'one' : l === 0 ? 'one-inf' : 'inf');
  const budget = Math.pow(lambda, 1 / L) * (1 - 1e-9);
  const rand = rng(Math.round(SEED));
  const W = [], B = [], mW = [], vW = [], mB = [], vB = [];
  for (let l = 0; l < L; l++) {
    const fin = sizes[l], fout = sizes[l + 1], a = INIT_SCALE / Math.sqrt(fin);
    W.push(Float64Array.from({ length: fout * fin }, () => (2 * rand() - 1) * a));
    B.push(Float64Array.from({ length: fout }, () => (2 * rand() - 1) * a));
    mW.push(new Float64Array(fout * fin)); vW.push(new Float64Array(fout * fin));
    mB.push(new Float64Array(fout)); vB.push(new Float64Array(fout));
    project(W[l], fout, fin, budget, kindOf(l));
  }
  const epochs = Math.max(1, Math.min(1000, Math.round(EPOCHS)));
  const batch = Math.max(1, Math.min(n, Math.round(BATCH)));
  let t = 0;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let e = 0; e < epochs; e++) {
    for (let i = n - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); const q = order[i]; order[i] = order[j]; order[j] = q; }
    const lr = LR * (1 - (1 - LR_END) * e / Math.max(1, epochs - 1));
    for (let s = 0; s < n; s += batch) {
      const idx = order.slice(s, s + batch), m = idx.length;
      const gW = W.map((w) => new Float64Array(w.length)), gB = B.map((b) => new Float64Array(b.length));
      for (const r of idx) {
        // Forward, keeping pre-sort activations and the sort permutation for the backward pass.
        const acts = [X[r]], perms = [];
        let z = X[r];
        for (let l = 0; l < L; l++) {
          const fin = sizes[l], fout = sizes[l + 1], out = new Array(fout);
          for (let j = 0; j < fout; j++) { let v = B[l][j]; for (let k = 0; k < fin; k++) v += W[l][j * fin + k] * z[k]; out[j] = v; }
          if (l < L - 1) {
            const perm = new Array(fout), sorted = new Array(fout);
            for (let g0 = 0; g0 < fout; g0 += group) {
              const ids = [];
              for (let k = 0; k < group; k++) { // insertion sort of the group's indices by value
                let q = k; ids.push(g0 + k);
                while (q > 0 && out[ids[q - 1]] > out[g0 + k]) { ids[q] = ids[q - 1]; q--; }
                ids[q] = g0 + k;
              }
              for (let k = 0; k < group; k++) { sorted[g0 + k] = out[ids[k]]; perm[g0 + k] = ids[k]; }
            }
            perms.push(perm); z = sorted;
          } else z = out;
          acts.push(z);
        }
        let f = z[0];
        for (let k = 0; k < d; k++) f += lambda * mono[k] * X[r][k];
        // d/df of BCE(sigmoid(TAU f), y).
        const p = 1 / (1 + Math.exp(-TAU * f));
        let gz = [TAU * (p - Y[r]) / m];
        for (let l = L - 1; l >= 0; l--) {
          const fin = sizes[l], fout = sizes[l + 1], zin = acts[l];
          const gin = new Array(fin).fill(0);
          for (let j = 0; j < fout; j++) {
            const g = gz[j]; if (g === 0) continue;
            gB[l][j] += g;
            for (let k = 0; k < fin; k++) { gW[l][j * fin + k] += g * zin[k]; gin[k] += g * W[l][j * fin + k]; }
          }
          if (l > 0) { const perm = perms[l - 1], pre = new Array(fin); for (let k = 0; k < fin; k++) pre[perm[k]] = gin[k]; gz = pre; }
        }
      }
      t++;
      const c1 = 1 - Math.pow(0.9, t), c2 = 1 - Math.pow(0.999, t);
      const upd = (P, G, M, V) => { for (let i = 0; i < P.length; i++) { M[i] = 0.9 * M[i] + 0.1 * G[i]; V[i] = 0.999 * V[i] + 0.001 * G[i] * G[i]; P[i] -= lr * (M[i] / c1) / (Math.sqrt(V[i] / c2) + 1e-8); } };
      for (let l = 0; l < L; l++) { upd(W[l], gW[l], mW[l], vW[l]); upd(B[l], gB[l], mB[l], vB[l]); project(W[l], sizes[l + 1], sizes[l], budget, kindOf(l)); }
    }
  }
  return {
    norm: NORM === 'one' ? 'one' : 'one-inf', activation: 'groupsort', groupSize: group,
    layers: W.map((w, l) => ({ w: Array.from({ length: sizes[l + 1] }, (_, j) => Array.from(w.subarray(j * sizes[l], (j + 1) * sizes[l]))), b: Array.from(B[l]) })),
  };
}
