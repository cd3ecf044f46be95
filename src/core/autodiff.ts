// Reverse-mode automatic differentiation over row-major Float64Array (or Float32Array) matrices.
// A tape records one backward closure per operation; `backward` replays them in reverse.
// Operations are coarse (whole matrix products, whole activations) so the per-op overhead
// stays small next to the arithmetic, which is what makes small dense networks fast in JS.

/** Storage of a tensor: float64 by default; float32 halves memory (arithmetic is still done in doubles). */
export type Vec = Float64Array | Float32Array;
export type DType = 'f64' | 'f32';

export interface Tensor {
  rows: number;
  cols: number;
  data: Vec;
  /** Gradient of the final scalar with respect to `data` (same layout and type); accumulated by `backward`. */
  grad: Vec;
  /** False for constants (inputs, targets): backward skips work that only feeds them. */
  needsGrad: boolean;
}

export interface Tape {
  ops: Array<() => void>;
}

export function createTape(): Tape {
  return { ops: [] };
}

function checkShape(rows: number, cols: number, what: string): void {
  if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(cols) || cols < 1) {
    throw new RangeError(`${what}: shape must be positive integers, got ${rows}x${cols}`);
  }
}

function alloc(n: number, f32: boolean): Vec {
  return f32 ? new Float32Array(n) : new Float64Array(n);
}

/** A matrix; `needsGrad` marks trainable parameters or inputs whose gradient is wanted. */
export function tensor(rows: number, cols: number, data?: ArrayLike<number>, needsGrad = false, dtype: DType = 'f64'): Tensor {
  checkShape(rows, cols, 'tensor');
  if (dtype !== 'f64' && dtype !== 'f32') throw new RangeError(`tensor: dtype must be 'f64' or 'f32', got ${String(dtype)}`);
  const d = alloc(rows * cols, dtype === 'f32');
  if (data !== undefined) {
    if (data.length !== rows * cols) throw new RangeError(`tensor: data length ${data.length} != ${rows}x${cols}`);
    d.set(data);
  }
  return { rows, cols, data: d, grad: alloc(rows * cols, dtype === 'f32'), needsGrad };
}

/** A trainable parameter (needsGrad = true). */
export function param(rows: number, cols: number, data?: ArrayLike<number>, dtype: DType = 'f64'): Tensor {
  return tensor(rows, cols, data, true, dtype);
}

/** Output storage: float32 only when every input is float32, so mixing never loses precision silently. */
function result(rows: number, cols: number, needsGrad: boolean, ...inputs: Tensor[]): Tensor {
  const f32 = inputs.length > 0 && inputs.every((t) => t.data instanceof Float32Array);
  return { rows, cols, data: alloc(rows * cols, f32), grad: alloc(rows * cols, f32), needsGrad };
}

/** Runs the recorded backward closures after seeding d(loss)/d(loss) = 1. */
export function backward(tape: Tape, loss: Tensor): void {
  if (loss.rows * loss.cols !== 1) throw new RangeError(`backward: loss must be 1x1, got ${loss.rows}x${loss.cols}`);
  loss.grad[0] += 1;
  for (let i = tape.ops.length - 1; i >= 0; i--) tape.ops[i]();
  tape.ops.length = 0;
}

export function zeroGrad(ts: Tensor[]): void {
  for (const t of ts) t.grad.fill(0);
}

/** An operation defined by the caller: `forward` already filled `out.data`; `back` reads out.grad. */
export function custom(tape: Tape, inputs: Tensor[], out: Tensor, back: () => void): Tensor {
  out.needsGrad = inputs.some((t) => t.needsGrad);
  if (out.needsGrad) tape.ops.push(back);
  return out;
}

/** Σ_t a[ao+t]·b[bo+t]; four accumulators pipeline better than one serial chain. */
function dot(a: Vec, ao: number, b: Vec, bo: number, len: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, t = 0;
  for (; t + 3 < len; t += 4) {
    s0 += a[ao + t] * b[bo + t];
    s1 += a[ao + t + 1] * b[bo + t + 1];
    s2 += a[ao + t + 2] * b[bo + t + 2];
    s3 += a[ao + t + 3] * b[bo + t + 3];
  }
  for (; t < len; t++) s0 += a[ao + t] * b[bo + t];
  return s0 + s1 + (s2 + s3);
}

function transpose(a: Vec, rows: number, cols: number): Vec {
  const out = a instanceof Float32Array ? new Float32Array(rows * cols) : new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = a[r * cols + c];
  return out;
}

/** Y = X·Wᵀ + b (W stored [out, in] as in common frameworks; b is 1×out or omitted). */
export function linear(tape: Tape, x: Tensor, w: Tensor, b?: Tensor): Tensor {
  const n = x.rows, k = x.cols, m = w.rows;
  if (w.cols !== k) throw new RangeError(`linear: x is ${n}x${k} but W is ${m}x${w.cols}`);
  if (b && (b.rows !== 1 || b.cols !== m)) throw new RangeError(`linear: bias must be 1x${m}`);
  const y = result(n, m, x.needsGrad || w.needsGrad || (b?.needsGrad ?? false), x, w);
  const X = x.data, W = w.data, Y = y.data;
  for (let i = 0; i < n; i++) {
    const xo = i * k, yo = i * m;
    for (let j = 0; j < m; j++) {
      const wo = j * k;
      Y[yo + j] = (b ? b.data[j] : 0) + dot(X, xo, W, wo, k);
    }
  }
  if (y.needsGrad) {
    tape.ops.push(() => {
      const G = y.grad;
      // Both gradients as contiguous dot products over transposed copies (cheap next to the products).
      if (x.needsGrad) {
        const GX = x.grad, WT = transpose(W, m, k);
        for (let i = 0; i < n; i++) for (let t = 0; t < k; t++) GX[i * k + t] += dot(G, i * m, WT, t * m, m);
      }
      if (w.needsGrad) {
        const GW = w.grad, GT = transpose(G, n, m), XT = transpose(X, n, k);
        for (let j = 0; j < m; j++) for (let t = 0; t < k; t++) GW[j * k + t] += dot(GT, j * n, XT, t * n, n);
      }
      if (b && b.needsGrad) {
        const GB = b.grad;
        for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) GB[j] += G[i * m + j];
      }
    });
  }
  return y;
}

function unary(tape: Tape, x: Tensor, f: (v: number) => number, df: (v: number, y: number) => number): Tensor {
  const y = result(x.rows, x.cols, x.needsGrad, x);
  const X = x.data, Y = y.data;
  for (let i = 0; i < X.length; i++) Y[i] = f(X[i]);
  if (y.needsGrad) {
    tape.ops.push(() => {
      const G = y.grad, GX = x.grad;
      for (let i = 0; i < X.length; i++) GX[i] += G[i] * df(X[i], Y[i]);
    });
  }
  return y;
}

export function relu(tape: Tape, x: Tensor): Tensor {
  const y = result(x.rows, x.cols, x.needsGrad, x);
  const X = x.data, Y = y.data;
  for (let i = 0; i < X.length; i++) Y[i] = X[i] > 0 ? X[i] : 0;
  if (y.needsGrad) {
    tape.ops.push(() => {
      const G = y.grad, GX = x.grad;
      for (let i = 0; i < X.length; i++) if (X[i] > 0) GX[i] += G[i];
    });
  }
  return y;
}

export const tanh = (tape: Tape, x: Tensor): Tensor => unary(tape, x, Math.tanh, (_v, y) => 1 - y * y);
export const sigmoid = (tape: Tape, x: Tensor): Tensor =>
  unary(tape, x, (v) => 1 / (1 + Math.exp(-v)), (_v, y) => y * (1 - y));

function binary(tape: Tape, a: Tensor, b: Tensor, sign: number): Tensor {
  if (a.rows !== b.rows || a.cols !== b.cols) throw new RangeError(`add: shapes ${a.rows}x${a.cols} and ${b.rows}x${b.cols} differ`);
  const y = result(a.rows, a.cols, a.needsGrad || b.needsGrad, a, b);
  for (let i = 0; i < y.data.length; i++) y.data[i] = a.data[i] + sign * b.data[i];
  if (y.needsGrad) {
    tape.ops.push(() => {
      if (a.needsGrad) for (let i = 0; i < y.grad.length; i++) a.grad[i] += y.grad[i];
      if (b.needsGrad) for (let i = 0; i < y.grad.length; i++) b.grad[i] += sign * y.grad[i];
    });
  }
  return y;
}

export const add = (tape: Tape, a: Tensor, b: Tensor): Tensor => binary(tape, a, b, 1);
export const sub = (tape: Tape, a: Tensor, b: Tensor): Tensor => binary(tape, a, b, -1);

/** Element-wise product of equal shapes. */
export function mul(tape: Tape, a: Tensor, b: Tensor): Tensor {
  if (a.rows !== b.rows || a.cols !== b.cols) throw new RangeError('mul: shapes differ');
  const y = result(a.rows, a.cols, a.needsGrad || b.needsGrad, a, b);
  for (let i = 0; i < y.data.length; i++) y.data[i] = a.data[i] * b.data[i];
  if (y.needsGrad) {
    tape.ops.push(() => {
      for (let i = 0; i < y.grad.length; i++) {
        if (a.needsGrad) a.grad[i] += y.grad[i] * b.data[i];
        if (b.needsGrad) b.grad[i] += y.grad[i] * a.data[i];
      }
    });
  }
  return y;
}

export function scale(tape: Tape, x: Tensor, c: number): Tensor {
  return unary(tape, x, (v) => c * v, () => c);
}

/** Sum of all entries as a 1×1 tensor (mean when `mean` is true). */
export function sum(tape: Tape, x: Tensor, mean = false): Tensor {
  const y = result(1, 1, x.needsGrad);
  const c = mean ? 1 / x.data.length : 1;
  let s = 0;
  for (let i = 0; i < x.data.length; i++) s += x.data[i];
  y.data[0] = s * c;
  if (y.needsGrad) tape.ops.push(() => { const g = y.grad[0] * c; for (let i = 0; i < x.grad.length; i++) x.grad[i] += g; });
  return y;
}

function checkTarget(pred: Tensor, target: ArrayLike<number>, what: string): void {
  if (target.length !== pred.data.length) throw new RangeError(`${what}: target length ${target.length} != prediction size ${pred.data.length}`);
}

/** Mean squared error against constant targets. */
export function mse(tape: Tape, pred: Tensor, target: ArrayLike<number>): Tensor {
  checkTarget(pred, target, 'mse');
  const n = pred.data.length;
  const y = result(1, 1, pred.needsGrad);
  let s = 0;
  for (let i = 0; i < n; i++) { const d = pred.data[i] - target[i]; s += d * d; }
  y.data[0] = s / n;
  if (y.needsGrad) tape.ops.push(() => {
    const g = (2 * y.grad[0]) / n;
    for (let i = 0; i < n; i++) pred.grad[i] += g * (pred.data[i] - target[i]);
  });
  return y;
}

/** Mean binary cross-entropy of sigmoid(τ·logit) against labels in [0, 1] (τ = temperature). */
export function bceWithLogits(tape: Tape, logits: Tensor, labels: ArrayLike<number>, tau = 1): Tensor {
  checkTarget(logits, labels, 'bceWithLogits');
  const n = logits.data.length;
  const y = result(1, 1, logits.needsGrad);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const z = tau * logits.data[i];
    // log(1 + e^z) − y z, written to avoid overflow for large |z|.
    s += Math.max(z, 0) - labels[i] * z + Math.log1p(Math.exp(-Math.abs(z)));
  }
  y.data[0] = s / n;
  if (y.needsGrad) tape.ops.push(() => {
    const g = y.grad[0] / n;
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-tau * logits.data[i]));
      logits.grad[i] += g * tau * (p - labels[i]);
    }
  });
  return y;
}

/** Mean hinge loss max(0, m − y·ŷ) with labels ±1 and per-sample margins (or one margin). */
export function hinge(tape: Tape, pred: Tensor, labels: ArrayLike<number>, margin: number | ArrayLike<number> = 1): Tensor {
  checkTarget(pred, labels, 'hinge');
  const n = pred.data.length;
  const mAt = (i: number): number => (typeof margin === 'number' ? margin : margin[i]);
  const y = result(1, 1, pred.needsGrad);
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.max(0, mAt(i) - labels[i] * pred.data[i]);
  y.data[0] = s / n;
  if (y.needsGrad) tape.ops.push(() => {
    const g = y.grad[0] / n;
    for (let i = 0; i < n; i++) if (mAt(i) - labels[i] * pred.data[i] > 0) pred.grad[i] -= g * labels[i];
  });
  return y;
}

/**
 * Central finite-difference gradient of `f` with respect to `values` (changed in place and
 * restored). Used to check analytic gradients.
 */
export function finiteDifference(f: () => number, values: Vec, h = 1e-6): Float64Array {
  const g = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    values[i] = v + h; const fp = f();
    values[i] = v - h; const fm = f();
    values[i] = v;
    g[i] = (fp - fm) / (2 * h);
  }
  return g;
}
