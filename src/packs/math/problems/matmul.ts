// Matrix multiplication tensor decompositions as engine problems. The start is exact and valid:
// Strassen's 7-term scheme on every full 2×2×2 block of the ⟨n,m,p⟩ index cube and the naive
// product elsewhere, so the rank is nmp − ⌊n/2⌋⌊m/2⌋⌊p/2⌋. The Strassen table sits in the block.
import type { Problem } from '../../../engine/problem.js';
import { MATMUL_SHAPES, matmulVerifiers } from '../verify/matmul.js';
import { mathProblem } from './make.js';
import { initialProgram } from '../../initial-program.js';

export const matmulProblems: Problem[] = MATMUL_SHAPES.map(([n, m, p], i) =>
  mathProblem({
    verifier: matmulVerifiers[i],
    title: `Matrix multiplication tensor <${n},${m},${p}>: rank of a decomposition`,
    description:
      `Return {n: ${n}, m: ${m}, p: ${p}, rank, factors: [U, V, W]} with U (${n * m}×R), V (${m * p}×R), W (${p * n}×R), entries finite doubles or [re, im] pairs, reconstructing the <${n},${m},${p}> tensor exactly; the score is R.`,
    metric: 'rank',
    metricDescription: 'number of rank-one terms (scalar multiplications)',
    descriptors: [
      { name: 'density', min: 0, max: 1, bins: 10, description: 'fraction of non-zero factor entries' },
      { name: 'complexFraction', min: 0, max: 1, bins: 4, description: 'fraction of entries with a non-zero imaginary part' },
    ],
    initialProgram: initialProgram(import.meta.url, matmulVerifiers[i].id),
  }),
);
