// The saved form of a trained network (JSON), its validation and a fast inference path.
// Only the normalised weights Ŵ are stored: they are what inference uses and what the
// certificate is computed from, so a saved file can be checked without trusting its producer.
import { groupSortInPlace } from './groupsort.js';
import type { Activation, Net, NormChoice } from './network.js';
import { effectiveLayers } from './network.js';
import { isNormKind } from './norms.js';

export const MODEL_FORMAT = 'evolab-lipschitz-network';

export interface SavedModel {
  format: typeof MODEL_FORMAT;
  version: 1;
  task: 'regression' | 'classification';
  /** Input column names, in the order the network reads them. */
  inputs: string[];
  norm: NormChoice;
  lambda: number;
  monotone: number[];
  groupSize: number;
  activation: Activation;
  /** Ŵ ([out][in]) and b per layer, input to output. */
  layers: Array<{ w: number[][]; b: number[] }>;
  /** The network reads z = (x − inputShift)·inputScale (inputScale > 0 keeps monotone directions). */
  inputShift: number[];
  inputScale: number[];
  /** Regression output: y = outputShift + outputScale·f(z). */
  outputShift: number;
  outputScale: number;
  /** Classification output: P(y = 1) = sigmoid(temperature·f(z)). */
  temperature: number;
}

export interface Scaling {
  inputShift: number[];
  inputScale: number[];
  outputShift: number;
  outputScale: number;
}

export function saveModel(net: Net, task: SavedModel['task'], inputs: string[], scaling: Scaling, temperature = 1): SavedModel {
  const c = net.config;
  return {
    format: MODEL_FORMAT, version: 1, task, inputs: [...inputs],
    norm: c.norm, lambda: c.lambda, monotone: [...c.monotone], groupSize: c.groupSize, activation: c.activation,
    layers: effectiveLayers(net),
    inputShift: [...scaling.inputShift], inputScale: [...scaling.inputScale],
    outputShift: scaling.outputShift, outputScale: scaling.outputScale, temperature,
  };
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function finiteArray(v: unknown, len: number, field: string): number[] {
  if (!Array.isArray(v) || v.length !== len || !v.every(finite)) throw new TypeError(`${field} must be an array of ${len} finite numbers`);
  return v as number[];
}

/** Checks parsed JSON against the saved-model schema; errors name the field. */
export function validateModel(obj: unknown): SavedModel {
  if (typeof obj !== 'object' || obj === null) throw new TypeError('model must be a JSON object');
  const m = obj as Record<string, unknown>;
  if (m.format !== MODEL_FORMAT) throw new TypeError(`format must be "${MODEL_FORMAT}"`);
  if (m.version !== 1) throw new TypeError('version must be 1');
  if (m.task !== 'regression' && m.task !== 'classification') throw new TypeError('task must be "regression" or "classification"');
  if (!Array.isArray(m.inputs) || m.inputs.length < 1 || !m.inputs.every((s) => typeof s === 'string')) throw new TypeError('inputs must be a non-empty array of column names');
  const d = m.inputs.length;
  if (m.norm !== 'none' && !isNormKind(m.norm)) throw new TypeError('norm must be one of one, inf, one-inf, two-inf, none');
  if (!finite(m.lambda) || m.lambda <= 0) throw new TypeError('lambda must be a positive number');
  const mono = finiteArray(m.monotone, d, 'monotone');
  if (mono.some((v) => v !== -1 && v !== 0 && v !== 1)) throw new TypeError('monotone entries must be -1, 0 or 1');
  if (m.activation !== 'groupsort' && m.activation !== 'relu') throw new TypeError('activation must be "groupsort" or "relu"');
  if (!Number.isInteger(m.groupSize) || (m.groupSize as number) < 1) throw new TypeError('groupSize must be a positive integer');
  if (!Array.isArray(m.layers) || m.layers.length < 1) throw new TypeError('layers must be a non-empty array');
  let width = d;
  m.layers.forEach((layer: unknown, l: number) => {
    const L = layer as { w?: unknown; b?: unknown };
    if (!Array.isArray(L?.w) || L.w.length < 1) throw new TypeError(`layers[${l}].w must be a non-empty matrix`);
    L.w.forEach((row: unknown, r: number) => finiteArray(row, width, `layers[${l}].w[${r}]`));
    finiteArray(L.b, L.w.length, `layers[${l}].b`);
    width = L.w.length;
    const last = l === (m.layers as unknown[]).length - 1;
    if (!last && m.activation === 'groupsort' && width % (m.groupSize as number) !== 0) throw new TypeError(`groupSize must divide the width ${width} of layers[${l}]`);
  });
  if (width !== 1) throw new TypeError('the last layer must have exactly one output');
  const scale = finiteArray(m.inputScale, d, 'inputScale');
  if (scale.some((s) => s <= 0)) throw new TypeError('inputScale entries must be positive');
  finiteArray(m.inputShift, d, 'inputShift');
  if (!finite(m.outputShift)) throw new TypeError('outputShift must be a finite number');
  if (!finite(m.outputScale) || m.outputScale <= 0) throw new TypeError('outputScale must be a positive number');
  if (!finite(m.temperature) || m.temperature <= 0) throw new TypeError('temperature must be a positive number');
  return obj as SavedModel;
}

/** f(z) for n rows of normalised inputs z (row-major n×d), residual included. */
export function evalNetwork(m: SavedModel, z: ArrayLike<number>, n: number): Float64Array {
  const d = m.inputs.length;
  let cur = Float64Array.from(z as ArrayLike<number>);
  let width = d;
  m.layers.forEach((layer, l) => {
    const out = layer.w.length;
    const next = new Float64Array(n * out);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < out; j++) {
        const row = layer.w[j];
        let s = layer.b[j];
        for (let t = 0; t < width; t++) s += row[t] * cur[i * width + t];
        next[i * out + j] = s;
      }
    }
    if (l < m.layers.length - 1) {
      if (m.activation === 'groupsort') groupSortInPlace(next, m.groupSize);
      else for (let i = 0; i < next.length; i++) if (next[i] < 0) next[i] = 0;
    }
    cur = next;
    width = out;
  });
  const f = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += m.monotone[j] * z[i * d + j];
    f[i] = cur[i] + m.lambda * s;
  }
  return f;
}

/** Raw input rows → normalised row-major buffer. */
export function normaliseInputs(m: SavedModel, rows: number[][]): Float64Array {
  const d = m.inputs.length;
  const z = new Float64Array(rows.length * d);
  rows.forEach((r, i) => {
    if (r.length !== d) throw new RangeError(`row ${i} has ${r.length} values, model expects ${d}`);
    for (let j = 0; j < d; j++) z[i * d + j] = (r[j] - m.inputShift[j]) * m.inputScale[j];
  });
  return z;
}

/** Predictions in target units: regression values, or P(class 1) for classification. */
export function predict(m: SavedModel, rows: number[][]): number[] {
  const f = evalNetwork(m, normaliseInputs(m, rows), rows.length);
  return Array.from(f, (v) => (m.task === 'regression' ? m.outputShift + m.outputScale * v : 1 / (1 + Math.exp(-m.temperature * v))));
}
