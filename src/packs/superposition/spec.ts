// Serializable descriptions of the U-AND constructions, so worker threads can rebuild the same model.
import type { UandModel } from './model.js';
import { buildSparseUand, type SparseUandParams } from './uand-sparse.js';
import { buildRandomUand, type RandomUandParams } from './uand-random.js';

export const CONSTRUCTIONS = ['sparse', 'superposed', 'random', 'random-superposed'] as const;
export type ConstructionName = (typeof CONSTRUCTIONS)[number];

export type ModelSpec =
  | ({ construction: 'sparse' | 'superposed' } & Omit<SparseUandParams, 'superposed'>)
  | ({ construction: 'random' | 'random-superposed' } & Omit<RandomUandParams, 'superposed'>);

export function buildModel(spec: ModelSpec): UandModel {
  switch (spec.construction) {
    case 'sparse': return buildSparseUand({ ...spec, superposed: false });
    case 'superposed': return buildSparseUand({ ...spec, superposed: true });
    case 'random': return buildRandomUand({ ...spec, superposed: false });
    case 'random-superposed': return buildRandomUand({ ...spec, superposed: true });
    default: throw new RangeError(`construction must be one of ${CONSTRUCTIONS.join(', ')}, got ${JSON.stringify((spec as { construction: unknown }).construction)}`);
  }
}
