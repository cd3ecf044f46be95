// C11 (Thm 8): a deep circuit emulated by alternating gate layers (targeted AND, C7, plus the gate's affine map, C9)
// and error-correction layers (C10). Non-AND inputs of a gate are passed through a residual stream: the gate's
// affine read-off uses the previous EC state directly. Mode 'plain' replaces each EC staircase by the identity
// (the same sparse re-encoding without rounding): the ablation of Thm 8.
import { gateAffine, simulate, type Circuit } from './circuit.js';
import { buildEcLayer, countCollisions, ecApply, ecReadAll, type EcLayer } from './ec.js';
import { checkInt, type Seed } from './sampling.js';
import { buildTargetedAnd, targetedActivate, targetedRead, type TargetedAnd } from './targeted-and.js';

export type DepthMode = 'ec' | 'plain';

export interface DeepEmulator {
  circuit: Circuit;
  d: number;
  s: number;
  mode: DepthMode;
  ec: EcLayer[]; // ec[0] encodes the input; ec[l+1] follows circuit layer l
  and: Array<TargetedAnd | null>; // per circuit layer (null when it has no fan-in-2 gate)
  andEdgeOfGate: Int32Array[]; // per layer: edge index of gate j or −1
  hiddenWidth: number; // ReLUs per gate-layer + EC-layer pair
}

export function buildDeepEmulator(circuit: Circuit, opts: { d: number; s: number; seed: Seed; mode?: DepthMode; kappa?: number }): DeepEmulator {
  const d = checkInt('d', opts.d, 1);
  const s = checkInt('s', opts.s, 1);
  const mode = opts.mode ?? 'ec';
  if (mode !== 'ec' && mode !== 'plain') throw new RangeError(`mode must be 'ec' or 'plain', got ${JSON.stringify(mode)}`);
  const widths = [circuit.inputs, ...circuit.layers.map((l) => l.length)];
  const ec = widths.map((m, l) => buildEcLayer({ m, d, s, seed: opts.seed, tag: `deep-ec-${l}`, kappa: opts.kappa }));
  const and: Array<TargetedAnd | null> = [];
  const andEdgeOfGate: Int32Array[] = [];
  circuit.layers.forEach((layer, l) => {
    const edges: Array<[number, number]> = [];
    const map = new Int32Array(layer.length).fill(-1);
    layer.forEach((g, j) => { if (g.in.length === 2 && gateAffine(g.op).and !== 0) { map[j] = edges.length; edges.push([g.in[0], g.in[1]]); } });
    and.push(edges.length ? buildTargetedAnd({ m: widths[l], d, s, edges, seed: opts.seed, tag: `deep-and-${l}` }) : null);
    andEdgeOfGate.push(map);
  });
  return { circuit, d, s, mode, ec, and, andEdgeOfGate, hiddenWidth: d + 4 * ec[0].a * d };
}

export interface LayerError {
  layer: number; // 0 = input encoding, l = after circuit layer l
  maxErr: number;
  meanAbsErr: number;
  signErrors: number; // features whose read-off is on the wrong side of 1/2
  andMaxErr: number; // worst AND read-off error of the gate layer (NaN for the input)
  collisions: number;
  emptyAnd: number;
}

/** Runs the emulator on one input; read-off errors against the exact simulation, per layer. */
export function runDeep(E: DeepEmulator, input: ArrayLike<number>): LayerError[] {
  const trace = simulate(E.circuit, input);
  const round = E.mode === 'ec';
  const activeOf = (v: Uint8Array): number[] => { const a: number[] = []; v.forEach((x, i) => { if (x) a.push(i); }); return a; };
  // The input is given in the layer-0 code (h0 = Φ^u_0 b, rounded like any EC output).
  let h = ecApply(E.ec[0], trace[0], round);
  let yhat = ecReadAll(E.ec[0], h);
  const errs: LayerError[] = [summary(0, yhat, trace[0], NaN, countCollisions(E.ec[0], activeOf(trace[0])), 0)];
  E.circuit.layers.forEach((layer, l) => {
    const T = E.and[l];
    let andVals: Float64Array | null = null;
    let andErr = 0, empty = 0;
    if (T) {
      const r = targetedRead(T, targetedActivate(T, yhat));
      andVals = r.values; empty = r.empty;
      T.edges.forEach(([k, q], e) => { andErr = Math.max(andErr, Math.abs(r.values[e] - (trace[l][k] & trace[l][q]))); });
    }
    const next = new Float64Array(layer.length);
    layer.forEach((g, j) => {
      const f = gateAffine(g.op);
      let v = f.k + f.a * yhat[g.in[0]];
      if (g.in.length === 2) v += f.b * yhat[g.in[1]];
      if (f.and !== 0) v += f.and * andVals![E.andEdgeOfGate[l][j]];
      next[j] = v;
    });
    h = ecApply(E.ec[l + 1], next, round);
    yhat = ecReadAll(E.ec[l + 1], h);
    errs.push(summary(l + 1, yhat, trace[l + 1], T ? andErr : NaN, countCollisions(E.ec[l + 1], activeOf(trace[l + 1])), empty));
  });
  return errs;
}

function summary(layer: number, yhat: Float64Array, truth: Uint8Array, andMaxErr: number, collisions: number, emptyAnd: number): LayerError {
  let maxErr = 0, sum = 0, signErrors = 0;
  for (let k = 0; k < truth.length; k++) {
    const e = Math.abs(yhat[k] - truth[k]);
    maxErr = Math.max(maxErr, e); sum += e;
    if (e >= 0.5) signErrors++;
  }
  return { layer, maxErr, meanAbsErr: sum / truth.length, signErrors, andMaxErr, collisions, emptyAnd };
}
