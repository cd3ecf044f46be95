// `--mutator mixed`: interleaves two mutators (typically offline and LLM) by a fixed ratio.
// The choice uses one draw from the run's stream; each child is routed back to the mutator
// that proposed it, so both keep learning from their own children.
import type { CandidateRecord } from '../candidate.js';
import type { MutationContext, Mutator, Proposal } from '../mutator.js';

export function createMixedMutator(primary: Mutator, secondary: Mutator, secondaryShare: number): Mutator {
  if (!(secondaryShare >= 0 && secondaryShare <= 1)) throw new RangeError(`mixed: the LLM share must be in [0, 1], got ${secondaryShare}`);
  if (primary.name === secondary.name) throw new Error(`mixed: the two mutators need different names (both '${primary.name}')`);
  const byName = new Map([primary, secondary].map((m) => [m.name, m]));
  return {
    name: 'mixed',
    async propose(ctx: MutationContext): Promise<Proposal> {
      const m = ctx.rng.float() < secondaryShare ? secondary : primary;
      const p = await m.propose(ctx);
      return { ...p, summary: p.summary ?? m.name, data: { ...(p.data ?? {}), via: m.name } };
    },
    observe(child: CandidateRecord, parent: CandidateRecord) {
      const via = child.mutatorData?.via;
      const m = typeof via === 'string' ? byName.get(via) : undefined;
      m?.observe?.(child, parent);
    },
  };
}
