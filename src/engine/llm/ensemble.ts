// Model choice: weighted random sampling, or a cost-aware UCB1 bandit rewarded by the children's success.
import type { Rng } from '../../core/rng.js';
import type { CandidateRecord } from '../candidate.js';

export interface Arm {
  name: string;
  weight: number;
}

export interface ArmStats {
  /** Proposals whose outcome was observed. */
  n: number;
  rewardSum: number;
  costSum: number;
}

export type EnsembleState = Record<string, ArmStats>;

export interface Ensemble {
  pick(rng: Rng): string;
  update(name: string, reward: number, costUsd: number): void;
  /** UCB scores (or weights) per model, for diagnostics. */
  scores(): Record<string, number>;
  state(): EnsembleState;
  /** Restores statistics by model name; models no longer configured are dropped, new ones start fresh. */
  restore(state: EnsembleState): void;
}

/**
 * Reward in [0, 1] for a child relative to its parent (orientation: larger fitness is better).
 * Not valid → 0; valid → 0.5 + 0.5·tanh(relative improvement / 1%), so equal fitness gives 0.5,
 * a 1% gain about 0.88 and any gain from an invalid parent 1. Bounded, as UCB1 assumes.
 */
export function childReward(child: Pick<CandidateRecord, 'status' | 'fitness'>, parent: Pick<CandidateRecord, 'fitness'>): number {
  if (child.status !== 'valid' || !Number.isFinite(child.fitness)) return 0;
  if (!Number.isFinite(parent.fitness)) return 1;
  const rel = (child.fitness - parent.fitness) / Math.max(Math.abs(parent.fitness), 1e-12);
  return 0.5 + 0.5 * Math.tanh(rel / 0.01);
}

function weighted(rng: Rng, arms: Arm[]): string {
  const total = arms.reduce((s, a) => s + a.weight, 0);
  let u = rng.float() * total;
  for (const a of arms) {
    u -= a.weight;
    if (u < 0) return a.name;
  }
  return arms[arms.length - 1].name;
}

export function createEnsemble(arms: Arm[], opts: { selection: 'weighted' | 'ucb'; exploration: number; costAware: number }): Ensemble {
  if (arms.length === 0) throw new Error('ensemble needs at least one model');
  let stats: EnsembleState = Object.fromEntries(arms.map((a) => [a.name, { n: 0, rewardSum: 0, costSum: 0 }]));

  const ucbScores = (): Record<string, number> => {
    const N = arms.reduce((s, a) => s + stats[a.name].n, 0);
    const meanCost = (a: Arm): number => (stats[a.name].n > 0 ? stats[a.name].costSum / stats[a.name].n : 0);
    const maxCost = Math.max(...arms.map(meanCost));
    const out: Record<string, number> = {};
    for (const a of arms) {
      const s = stats[a.name];
      if (s.n === 0) {
        out[a.name] = Infinity;
        continue;
      }
      const bonus = opts.exploration * Math.sqrt(Math.log(Math.max(N, 1)) / s.n);
      // Cost enters normalised to the dearest model, so costAware is a reward-scale trade-off.
      const penalty = maxCost > 0 ? opts.costAware * (meanCost(a) / maxCost) : 0;
      out[a.name] = s.rewardSum / s.n + bonus - penalty;
    }
    return out;
  };

  return {
    pick(rng) {
      if (arms.length === 1) return arms[0].name;
      if (opts.selection === 'weighted') return weighted(rng, arms);
      const sc = ucbScores();
      const best = Math.max(...Object.values(sc));
      const tied = arms.filter((a) => sc[a.name] === best);
      // Ties (every untried model at first) are broken by the configured weights.
      return tied.length === 1 ? tied[0].name : weighted(rng, tied);
    },
    update(name, reward, costUsd) {
      const s = stats[name];
      if (!s) return; // a model from an older configuration
      if (!(reward >= 0 && reward <= 1)) throw new RangeError(`ensemble reward must be in [0, 1], got ${reward}`);
      s.n++;
      s.rewardSum += reward;
      s.costSum += Number.isFinite(costUsd) && costUsd > 0 ? costUsd : 0;
    },
    scores: () => (opts.selection === 'ucb' ? ucbScores() : Object.fromEntries(arms.map((a) => [a.name, a.weight]))),
    state: () => JSON.parse(JSON.stringify(stats)) as EnsembleState,
    restore(state) {
      const next: EnsembleState = {};
      for (const a of arms) {
        const s = state[a.name];
        next[a.name] = s && Number.isFinite(s.n) ? { n: s.n, rewardSum: s.rewardSum, costSum: s.costSum } : { n: 0, rewardSum: 0, costSum: 0 };
      }
      stats = next;
    },
  };
}
