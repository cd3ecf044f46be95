// The built-in mutator: an evolution strategy over the numeric parameters of the blocks.
// Each candidate carries its own step size σ (self-adaptive ES): a child's σ is its parent's
// times a log-normal factor, nudged by the 1/5 success rule (grow after a child beats its
// parent, shrink slowly otherwise). Selection in the database then favours lineages whose step
// sizes work. With some probability the parameters recombine with an inspiration that declares
// the same parameters. All randomness comes from the run's RNG, so runs are reproducible.
import { markerLanguage, parseProgram } from '../blocks.js';
import type { CandidateRecord } from '../candidate.js';
import type { MutationContext, Mutator, Proposal } from '../mutator.js';
import { allLiterals, findParameters, findPythonParameters, formatNumber, substitute, type Parameter } from './parameters.js';

export interface OfflineConfig {
  /** Initial relative step size. */
  sigma: number;
  minSigma: number;
  maxSigma: number;
  /** Probability of recombining with an inspiration before mutating. */
  crossoverRate: number;
  /** Mean number of parameters changed per child (at least one always changes). */
  meanChanges: number;
}

export const DEFAULT_OFFLINE: OfflineConfig = { sigma: 0.2, minSigma: 1e-6, maxSigma: 2, crossoverRate: 0.2, meanChanges: 2 };

interface BlockParams {
  text: string;
  params: Parameter[];
}

function blockParams(source: string): BlockParams[] {
  const blocks = parseProgram(source).blocks;
  if (markerLanguage(source) === 'python') return blocks.map((text) => ({ text, params: findPythonParameters(text) }));
  const declared = blocks.map((text) => ({ text, params: findParameters(text) }));
  if (declared.some((b) => b.params.length > 0)) return declared;
  return blocks.map((text) => ({ text, params: allLiterals(text) }));
}

function sigmaOf(rec: CandidateRecord, fallback: number): number {
  const s = rec.mutatorData?.sigma;
  return typeof s === 'number' && Number.isFinite(s) && s > 0 ? s : fallback;
}

export function createOfflineMutator(config: OfflineConfig = DEFAULT_OFFLINE): Mutator & { successes: Map<number, number[]> } {
  // Per parent: [children, children that beat it]; rebuilt from the stored history on resume.
  const successes = new Map<number, number[]>();
  return {
    name: 'offline',
    successes,
    async propose(ctx: MutationContext): Promise<Proposal> {
      const { rng, parent } = ctx;
      const blocks = blockParams(parent.source);
      const flat = blocks.flatMap((b, bi) => b.params.map((p) => ({ bi, p })));
      if (flat.length === 0) return { summary: 'no numeric parameters to change', blocks: blocks.map((b) => b.text) };

      // Step size: inherited, adjusted by the parent's record (1/5 rule), then log-normally mutated.
      const [tries, wins] = successes.get(parent.seq) ?? [0, 0];
      const rule = Math.exp((wins - 0.2 * tries) / Math.max(1, flat.length) * 0.8);
      const tau = 1 / Math.sqrt(2 * Math.max(1, flat.length));
      let sigma = sigmaOf(parent, config.sigma) * rule * Math.exp(tau * rng.normal());
      sigma = Math.min(config.maxSigma, Math.max(config.minSigma, sigma));

      const values = new Map<string, number>(flat.map(({ bi, p }) => [`${bi}:${p.start}`, p.value]));
      const notes: string[] = [];

      // Recombination with an inspiration that declares the same parameters.
      const mates = ctx.inspirations.filter((r) => r.seq !== parent.seq);
      if (mates.length > 0 && rng.float() < config.crossoverRate) {
        const mate = mates[rng.int(mates.length)];
        const other = blockParams(mate.source).flatMap((b) => b.params);
        if (other.length === flat.length && other.every((p, i) => p.name === flat[i].p.name)) {
          let taken = 0;
          flat.forEach(({ bi, p }, i) => {
            if (rng.float() < 0.5) { values.set(`${bi}:${p.start}`, other[i].value); taken++; }
          });
          notes.push(`recombined ${taken} of ${flat.length} parameters with #${mate.seq}`);
        }
      }

      // Perturb a geometric number of parameters (mean `meanChanges`, at least one).
      const p = Math.min(1, config.meanChanges / flat.length);
      const chosen = flat.filter(() => rng.float() < p);
      if (chosen.length === 0) chosen.push(flat[rng.int(flat.length)]);
      for (const { bi, p: param } of chosen) {
        const key = `${bi}:${param.start}`;
        const x = values.get(key)!;
        const scale = Math.max(Math.abs(x), param.integer ? 1 : 1e-3);
        let y = x + sigma * scale * rng.normal();
        if (param.integer) {
          y = Math.round(y);
          if (y === x) y = x + (rng.float() < 0.5 ? -1 : 1);
        }
        values.set(key, y);
        notes.push(`${param.name}: ${formatNumber(x, param.integer)} → ${formatNumber(y, param.integer)}`);
      }

      const newBlocks = blocks.map((b, bi) =>
        substitute(b.text, b.params.map((param) => ({ param, value: values.get(`${bi}:${param.start}`)! })).filter(({ param, value }) => value !== param.value)),
      );
      return { blocks: newBlocks, summary: notes.join('; '), data: { sigma } };
    },
    observe(child: CandidateRecord, parent: CandidateRecord): void {
      const entry = successes.get(parent.seq) ?? [0, 0];
      entry[0]++;
      if (child.status === 'valid' && child.fitness > parent.fitness) entry[1]++;
      successes.set(parent.seq, entry);
    },
  };
}
