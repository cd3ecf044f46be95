// Analytic-versus-numeric gradient comparison shared by the training-core and network tests.
import type { Tape, Tensor } from '../../src/core/autodiff.js';
import { backward, createTape, finiteDifference, zeroGrad } from '../../src/core/autodiff.js';

/** Max |analytic − numeric| / (1 + |numeric|) over all entries of the given tensors. */
export function gradError(build: (t: Tape) => Tensor, ts: Tensor[], h = 1e-6): number {
  zeroGrad(ts);
  const tape = createTape();
  backward(tape, build(tape));
  let worst = 0;
  for (const t of ts) {
    const analytic = Float64Array.from(t.grad);
    const numeric = finiteDifference(() => build(createTape()).data[0], t.data, h);
    for (let i = 0; i < numeric.length; i++) worst = Math.max(worst, Math.abs(analytic[i] - numeric[i]) / (1 + Math.abs(numeric[i])));
  }
  return worst;
}
