// Public API of the superposition pack (Hänni et al., "Mathematical Models of Computation in Superposition").
export * from './sampling.js';
export * from './features.js';
export * from './sparse.js';
export * from './circuit.js';
export type { UandModel } from './model.js';
export * from './uand-sparse.js';
export * from './uand-random.js';
export * from './errstats.js';
export * from './measure.js';
export * from './spec.js';
export { measureParallel, measureInline } from './parallel.js';
export * from './ec.js';
export * from './targeted-and.js';
export * from './deep.js';
export * from './balancer.js';
export * from './gadget.js';
export * from './emulate.js';
