// Meta-prompt evolution: a small population of instruction texts placed in mutation prompts.
// Each text is scored by the success of the children it produced (UCB1 on the same reward as
// the model bandit); every few proposals the LLM writes a new text from the best ones.
// The whole population is plain data (`state()`), stored in the run and restorable.
import type { Rng } from '../../core/rng.js';
import type { ChatMessage } from './client.js';

export interface Instruction {
  id: string;
  text: string;
  parentId: string | null;
  origin: 'seed' | 'evolved';
  /** Proposal count when it was created. */
  bornAt: number;
  n: number;
  rewardSum: number;
}

export interface MetaPromptState {
  items: Instruction[];
  nextId: number;
  proposals: number;
}

export const SEED_INSTRUCTIONS: readonly string[] = [
  'Make one focused, well-reasoned change that you expect to improve the primary metric. Prefer a small edit whose effect you can predict.',
  'Step back and consider a different algorithm or construction for the evolved part; a bolder structural change is welcome if it can beat the current score.',
  'Look for weaknesses in the current approach (numerical precision, poor initialisation, too few iterations, unused symmetry) and fix the most important one.',
  'Combine the strongest ideas from the inspiration programs with the current program, keeping what already works.',
];

const MAX_TEXT = 600;

export interface MetaPromptPopulation {
  pick(rng: Rng, exploration: number): Instruction;
  update(id: string, reward: number): void;
  /** Counts a mutation proposal; true when a new instruction is due. */
  tick(): boolean;
  /** Messages asking the LLM for a new instruction, built from the best texts and their success. */
  evolvePrompt(problemSummary: string, rng: Rng): { messages: ChatMessage[]; parentId: string };
  /** Extracts an instruction from the answer; null when unusable. */
  parse(answer: string): string | null;
  /** Adds an evolved text; `id` is given when replaying a stored run. */
  add(text: string, parentId: string | null, id?: string): Instruction;
  get(id: string): Instruction | undefined;
  state(): MetaPromptState;
  restore(state: MetaPromptState): void;
}

function mean(i: Instruction): number {
  return i.n > 0 ? i.rewardSum / i.n : 0;
}

export function createMetaPromptPopulation(opts: { populationSize: number; evolveEvery: number }): MetaPromptPopulation {
  let s: MetaPromptState = {
    items: SEED_INSTRUCTIONS.map((text, k) => ({ id: `seed-${k}`, text, parentId: null, origin: 'seed', bornAt: 0, n: 0, rewardSum: 0 })),
    nextId: 1,
    proposals: 0,
  };

  const prune = (keep: string): void => {
    while (s.items.length > opts.populationSize) {
      // Drop the weakest text that has had a fair trial; young texts are spared until then.
      const tried = s.items.filter((i) => i.id !== keep && i.n >= 3);
      const pool = tried.length > 0 ? tried : s.items.filter((i) => i.id !== keep);
      const worst = pool.reduce((a, b) => (mean(b) < mean(a) || (mean(b) === mean(a) && b.bornAt < a.bornAt) ? b : a));
      s.items = s.items.filter((i) => i !== worst);
    }
  };

  return {
    pick(rng, exploration) {
      const untried = s.items.filter((i) => i.n === 0);
      if (untried.length > 0) return untried[rng.int(untried.length)];
      const N = s.items.reduce((t, i) => t + i.n, 0);
      let best = -Infinity;
      let pool: Instruction[] = [];
      for (const i of s.items) {
        const v = mean(i) + exploration * Math.sqrt(Math.log(N) / i.n);
        if (v > best) {
          best = v;
          pool = [i];
        } else if (v === best) pool.push(i);
      }
      return pool[rng.int(pool.length)];
    },
    update(id, reward) {
      const i = s.items.find((x) => x.id === id);
      if (!i) return; // pruned meanwhile
      i.n++;
      i.rewardSum += reward;
    },
    tick() {
      s.proposals++;
      return s.proposals % opts.evolveEvery === 0;
    },
    evolvePrompt(problemSummary, rng) {
      const ranked = [...s.items].sort((a, b) => mean(b) - mean(a) || b.n - a.n);
      const shown = ranked.slice(0, 4);
      // The parent is usually the best text, sometimes another shown one, to keep variety.
      const parent = rng.float() < 0.7 ? shown[0] : shown[rng.int(shown.length)];
      const lines = shown.map((i) => `- [${i.id}] success ${i.n > 0 ? mean(i).toFixed(2) : 'untried'} over ${i.n} use(s): ${i.text}`);
      const user = [
        'Programmers improve a program step by step. Before each step they read one short instruction.',
        'Below are the instructions used so far, with their average success (0 = the change broke the program, 0.5 = no gain, 1 = clear improvement).',
        '',
        lines.join('\n'),
        '',
        `The problem: ${problemSummary}`,
        '',
        `Write ONE new instruction, a variation of [${parent.id}] that you expect to lead to better programs. Be concrete about what to try, under 80 words, no code.`,
        'Answer with the instruction only, inside <instruction>…</instruction>.',
      ].join('\n');
      return {
        parentId: parent.id,
        messages: [
          { role: 'system', content: 'You write concise, actionable guidance for programmers working on optimisation problems.' },
          { role: 'user', content: user },
        ],
      };
    },
    parse(answer) {
      const noThink = answer.replace(/<think(?:ing)?>[\s\S]*?<\/think(?:ing)?>/gi, '');
      const m = /<instruction>([\s\S]*?)<\/instruction>/i.exec(noThink);
      let t = (m ? m[1] : noThink).replace(/^```[^\n]*\n?|```\s*$/g, '').trim();
      t = t.replace(/\s+/g, ' ');
      if (t.length < 10 || /<{5,}|>{5,}/.test(t)) return null;
      return t.length > MAX_TEXT ? t.slice(0, MAX_TEXT - 1) + '…' : t;
    },
    add(text, parentId, id) {
      const stored = id !== undefined ? /^mp-(\d+)$/.exec(id) : null;
      if (stored) s.nextId = Math.max(s.nextId, Number(stored[1]) + 1);
      const item: Instruction = { id: id ?? `mp-${s.nextId++}`, text, parentId, origin: 'evolved', bornAt: s.proposals, n: 0, rewardSum: 0 };
      s.items.push(item);
      prune(item.id);
      return item;
    },
    get: (id) => s.items.find((i) => i.id === id),
    state: () => JSON.parse(JSON.stringify(s)) as MetaPromptState,
    restore(state) {
      if (!state || !Array.isArray(state.items) || state.items.length === 0) throw new TypeError('meta-prompt state must have a non-empty items array');
      s = JSON.parse(JSON.stringify(state)) as MetaPromptState;
    },
  };
}
