// Circle packings as math verifiers (the exact checks live in ../circles.ts).
import { checkPacking, type Container } from '../circles.js';
import { invalid, valid, type MathVerifier } from './types.js';

const NOTE = 'disjointness and containment decided in exact arithmetic on the given doubles (tangency allowed); the score is the floating-point sum of radii';

function circleVerifier(id: string, alias: string, n: number, container: Container): MathVerifier {
  return {
    id,
    aliases: [alias],
    direction: 'max',
    tolerance: 0,
    toleranceNote: NOTE,
    verify(construction: unknown) {
      const r = checkPacking(construction, n, container);
      return r.valid ? valid(r.sumRadii) : invalid(r.reason);
    },
  };
}

export const circleVerifiers: MathVerifier[] = [
  circleVerifier('circle_packing_square_26', 'circle-packing-26', 26, { kind: 'square' }),
  circleVerifier('circle_packing_square_32', 'circle-packing-32', 32, { kind: 'square' }),
  circleVerifier('circle_packing_rectangle_21', 'circle-packing-rect-21', 21, { kind: 'perimeter', perimeter: 4 }),
];
