// Replays recorded changes from a JSONL file, one per iteration: {"diff": "..."} or
// {"blocks": ["...", ...]}, optionally with "parent": seq. Used for demos and tests.
import { readFileSync } from 'node:fs';
import { StopRun, type MutationContext, type Mutator, type Proposal } from '../mutator.js';

export interface ReplayStep {
  diff?: string;
  blocks?: string[];
  parent?: number;
  summary?: string;
}

export function readReplayFile(file: string): ReplayStep[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`--replay: cannot read ${file}: ${(e as Error).message}`);
  }
  return text.split('\n').flatMap((line, i) => {
    if (line.trim() === '') return [];
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new Error(`--replay ${file}, line ${i + 1}: not valid JSON`);
    }
    const step = v as ReplayStep;
    const okDiff = typeof step.diff === 'string';
    const okBlocks = Array.isArray(step.blocks) && step.blocks.every((b) => typeof b === 'string');
    if (!okDiff && !okBlocks) throw new Error(`--replay ${file}, line ${i + 1}: expected {"diff": string} or {"blocks": [string, …]}`);
    if (step.parent !== undefined && !(Number.isInteger(step.parent) && step.parent >= 0)) {
      throw new Error(`--replay ${file}, line ${i + 1}: "parent" must be a non-negative integer`);
    }
    return [step];
  });
}

/** Steps are taken in order by the candidate's sequence number (seq 1 uses the first line). */
export function createReplayMutator(steps: ReplayStep[]): Mutator {
  return {
    name: 'replay',
    parentFor: (seq: number) => steps[seq - 1]?.parent,
    async propose(ctx: MutationContext): Promise<Proposal> {
      const step = steps[ctx.seq - 1];
      if (!step) throw new StopRun(`replay file has no line for candidate ${ctx.seq}`);
      return { diff: step.diff, blocks: step.blocks, summary: step.summary ?? `replay line ${ctx.seq}` };
    },
  };
}
