// Every math verifier, looked up by problem id (the `problem` field of the published data files)
// or alias.
import type { MathVerifier } from './types.js';
import { autocorrelationVerifiers } from './autocorrelation.js';
import { uncertaintyVerifiers } from './uncertainty.js';
import { erdosVerifiers } from './erdos.js';
import { sumsDifferencesVerifiers } from './sums-differences.js';
import { hexagonVerifiers } from './hexagon.js';
import { distanceRatioVerifiers } from './distance-ratio.js';
import { heilbronnVerifiers } from './heilbronn.js';
import { kissingVerifiers } from './kissing.js';
import { matmulVerifiers } from './matmul.js';
import { circleVerifiers } from './circle-packing.js';

export type { MathVerifier, VerifyResult } from './types.js';

export const verifiers: MathVerifier[] = [
  ...autocorrelationVerifiers,
  ...uncertaintyVerifiers,
  ...erdosVerifiers,
  ...sumsDifferencesVerifiers,
  ...hexagonVerifiers,
  ...distanceRatioVerifiers,
  ...heilbronnVerifiers,
  ...kissingVerifiers,
  ...matmulVerifiers,
  ...circleVerifiers,
];

export function findVerifier(idOrAlias: string): MathVerifier | undefined {
  return verifiers.find((v) => v.id === idOrAlias || (v.aliases ?? []).includes(idOrAlias));
}

export function verifierIds(): string[] {
  return verifiers.map((v) => v.id);
}
