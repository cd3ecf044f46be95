// Prompt sampler: builds the system and user messages for one mutation, with stochastic wording.
import type { Rng } from '../../core/rng.js';
import type { CandidateRecord, StageResult } from '../candidate.js';
import type { Problem } from '../problem.js';
import type { Language } from '../sandbox/runtimes.js';
import type { ChatMessage } from './client.js';
import { markerLanguage, parseProgram } from '../blocks.js';
import { fenceUntrusted, head, quoteUntrusted, scrub, tail } from './scrub.js';

/** A failed attempt on some parent, remembered by the mutator and shown in later prompts. */
export interface AttemptNote {
  seq: number;
  status: string;
  reason: string;
}

export interface PromptInput {
  problem: Problem;
  parent: CandidateRecord;
  inspirations: CandidateRecord[];
  ancestors: CandidateRecord[];
  /** Recent failed children of this parent (diff failures, crashes), newest first. */
  attempts: AttemptNote[];
  mode: 'diff' | 'full';
  instruction: { id: string; text: string } | null;
  extraInstructions: string;
  maxInspirations: number;
  maxAncestors: number;
  feedbackMaxChars: number;
}

export interface BuiltPrompt {
  messages: ChatMessage[];
  /** Which template alternatives were drawn (stored for analysis). */
  variant: Record<string, number | string>;
  inspirationSeqs: number[];
}

const PERSONAS = [
  'You are an expert {LANG} developer and applied mathematician. You improve programs in an evolutionary search: each of your changes is run and scored automatically.',
  'Act as an expert software engineer and numerical analyst. Your edits to a program are executed and scored by an automatic verifier, and the best programs survive.',
  'You are a research engineer working on a hard optimisation problem. A program produces candidate solutions; you propose changes to it, which are then executed and scored.',
];

const TASKS = [
  'Suggest a new idea that improves the score of the current program.',
  'Propose a change that should raise the score of the current program.',
  'Improve the current program. Think about why it scores as it does, then change it.',
];

function fmt(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(12))) : String(v);
}

export function formatMetrics(problem: Problem, metrics: Record<string, number>): string {
  const keys = Object.keys(metrics);
  if (keys.length === 0) return '(none)';
  const dir = new Map(problem.metrics.map((m) => [m.name, m.direction]));
  return keys.map((k) => `${k} = ${fmt(metrics[k])}${dir.has(k) ? ` (${dir.get(k) === 'max' ? 'higher' : 'lower'} is better)` : ''}`).join('; ');
}

/** What the prompt says about each language: its name, fence tag, marker comment and program rules. */
const LANGUAGE_TEXT: Record<Language, { name: string; tag: string; marker: string; program: string }> = {
  javascript: {
    name: 'JavaScript',
    tag: 'javascript',
    marker: '//',
    program: '- The program is a JavaScript ES module with no imports; it may use only JavaScript built-ins (no I/O, no network, no timers beyond the time limit). Keep `export function run(input)` working and returning plain JSON-like data.',
  },
  python: {
    name: 'Python',
    tag: 'python',
    marker: '#',
    program: '- The program is a Python module; it may import the standard library and numpy, but it has no network, can write only to its scratch folder, and runs under a time and memory limit. Keep `def run(input)` (or `main()`) working and returning plain JSON-like data (numbers, strings, lists, dicts with string keys; numpy arrays are converted).',
  },
};

type LanguageText = (typeof LANGUAGE_TEXT)[Language];

/** The problem's language as the prompt describes it; a command-template language by its command. */
function languageOf(problem: Problem): LanguageText {
  if (problem.language) return LANGUAGE_TEXT[problem.language];
  if (!problem.languageName) return LANGUAGE_TEXT.javascript;
  return {
    name: problem.languageName,
    tag: '',
    marker: markerLanguage(problem.initialProgram) === 'python' ? '#' : '//',
    program: `- The program is run as ${problem.languageName}; it reads its input (JSON) on stdin and prints its output data as JSON on stdout; it has no network. Keep that contract.`,
  };
}

function fence(code: string, lang: LanguageText): string {
  // A fence longer than any backtick run inside the code keeps it intact.
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((r) => r.length));
  const f = '`'.repeat(longest + 1);
  return `${f}${lang.tag}\n${code.endsWith('\n') ? code : code + '\n'}${f}`;
}

function blocksOnly(source: string, max: number): string {
  try {
    const b = parseProgram(source).blocks;
    return head(b.map((x, i) => (b.length > 1 ? `// --- EVOLVE block ${i + 1} ---\n` : '') + x).join(''), max);
  } catch {
    return head(source, max);
  }
}

/** One line saying what change produced a candidate: the model's own explanation, else the diff's first real line. */
function changeOf(c: CandidateRecord): string {
  const llm = c.mutatorData?.llm as { explanation?: unknown } | undefined;
  if (llm && typeof llm.explanation === 'string' && llm.explanation.trim()) return head(llm.explanation.trim().split('\n')[0], 160);
  const line = c.diff.split('\n').find((l) => l.trim() !== '' && !/^\s*(<{5,}|={5,}|>{5,})/.test(l));
  return line ? head(line.trim(), 120) : '';
}

function stageLine(s: StageResult, crashed: boolean): string {
  const m = Object.keys(s.metrics).length ? ` ${Object.entries(s.metrics).map(([k, v]) => `${k}=${fmt(v)}`).join(', ')}` : '';
  return `- stage ${s.stage}: ${s.valid ? 'passed' : 'rejected'}${s.reason ? ` (${reasonText(crashed ? 'crashed' : 'valid', head(s.reason, 300))})` : ''}${m}, ${Math.round(s.ms)} ms`;
}

/**
 * Reasons of crashed and invalid programs can quote the program's own messages or data (an
 * exception, an evaluator's error about the output): they are marked as such.
 */
function reasonText(status: string, reason: string): string {
  return status === 'crashed' || status === 'invalid' ? quoteUntrusted(reason) : reason;
}

function diagnosticOf(data: Record<string, unknown> | null): string | null {
  if (!data) return null;
  const d = data.diagnostic ?? (data.llm as Record<string, unknown> | undefined)?.diagnostic;
  return typeof d === 'string' && d ? d : null;
}

/** Execution feedback about the parent and recent failed attempts on it, capped and scrubbed. */
export function feedbackSection(parent: CandidateRecord, attempts: AttemptNote[], maxChars: number): string {
  const parts: string[] = [];
  if (parent.status !== 'valid' || parent.reason) parts.push(`Status of the current program: ${parent.status}${parent.reason ? ` — ${reasonText(parent.status, head(parent.reason, 500))}` : ''}`);
  const diag = diagnosticOf(parent.mutatorData);
  if (diag) parts.push(`Note on the change that produced it: ${head(diag, 500)}`);
  if (parent.stages.length > 0) parts.push('Evaluation stages:\n' + parent.stages.map((st) => stageLine(st, parent.status === 'crashed' || parent.status === 'invalid')).join('\n'));
  if (parent.stderrTail.trim()) parts.push('Last lines it printed:\n' + fenceUntrusted('program-output', scrub(tail(parent.stderrTail.trim(), Math.floor(maxChars / 3)))));
  if (attempts.length > 0) {
    parts.push(
      'Recent attempts to change this program that failed (avoid repeating them):\n' +
        attempts.map((a) => `- attempt #${a.seq}: ${a.status}${a.reason ? ` — ${reasonText(a.status, head(a.reason, 400))}` : ''}`).join('\n'),
    );
  }
  if (parts.length === 0) return '';
  return head(scrub(parts.join('\n\n')), maxChars);
}

function formatRules(mode: 'diff' | 'full', blockCount: number, lang: LanguageText): string {
  const common = [
    'Rules:',
    `- Change only the code between the \`${lang.marker} EVOLVE-BLOCK-START\` and \`${lang.marker} EVOLVE-BLOCK-END\` lines; never edit or remove those marker lines.`,
    lang.program,
    '- Keep the output format the verifier expects; every metric is recomputed from the output, so do not try to report scores.',
  ];
  if (mode === 'diff') {
    return [
      'Describe your idea in one or two sentences, then give the change as one or more SEARCH/REPLACE blocks exactly in this form:',
      '',
      '<<<<<<< SEARCH',
      '(lines copied exactly from the current program, including indentation)',
      '=======',
      '(the lines that replace them)',
      '>>>>>>> REPLACE',
      '',
      ...common,
      '- The SEARCH part must match a contiguous piece of the current program character for character, and should be just long enough to be unique.',
      '- Do not rewrite the whole program; use several small blocks for several changes.',
    ].join('\n');
  }
  return [
    `Describe your idea in one or two sentences, then give the complete new contents of ${blockCount === 1 ? 'the EVOLVE block' : `each of the ${blockCount} EVOLVE blocks, in order,`} as ${blockCount === 1 ? 'one fenced code block' : `${blockCount} fenced code blocks`} (\`\`\`${lang.tag} … \`\`\`), without the marker lines.`,
    '',
    ...common,
  ].join('\n');
}

export function buildPrompt(input: PromptInput, rng: Rng): BuiltPrompt {
  const { problem, parent } = input;
  const persona = rng.int(PERSONAS.length);
  const task = rng.int(TASKS.length);
  const ascending = rng.float() < 0.5;
  const blockCount = (() => {
    try {
      return parseProgram(parent.source).blocks.length;
    } catch {
      return 1;
    }
  })();

  const language = languageOf(problem);
  const primary = problem.metrics.find((m) => m.name === problem.primaryMetric);
  const system = [
    PERSONAS[persona].replace('{LANG}', language.name),
    '',
    `Problem: ${problem.title}`,
    problem.description.trim(),
    '',
    'Metrics:',
    ...problem.metrics.map((m) => `- ${m.name} (${m.direction === 'max' ? 'maximise' : 'minimise'}): ${m.description}`),
    primary ? `Programs are ranked by ${primary.name}.` : '',
    input.extraInstructions.trim() ? `\n${input.extraInstructions.trim()}` : '',
  ]
    .filter((l, i, a) => !(l === '' && a[i - 1] === ''))
    .join('\n');

  const sections: string[] = [];
  sections.push(`# Current program (#${parent.seq}, generation ${parent.generation})\nMetrics: ${formatMetrics(problem, parent.metrics)}\n\n${fence(parent.source, language)}`);

  const anc = input.ancestors.slice(0, input.maxAncestors).reverse();
  if (anc.length > 0) {
    const rows = anc.map((a) => {
      const what = changeOf(a);
      return `- #${a.seq} (${a.status}): ${formatMetrics(problem, a.metrics)}${what ? ` — change: ${what}` : ''}`;
    });
    rows.push(`- #${parent.seq} (current): ${formatMetrics(problem, parent.metrics)}`);
    sections.push(`# How the current program evolved (oldest first)\n${rows.join('\n')}`);
  }

  const insp = input.inspirations.filter((c) => c.seq !== parent.seq).slice(0, input.maxInspirations);
  // FunSearch shows programs in ascending order of score; both orders are sampled.
  const shown = ascending ? [...insp].reverse() : insp;
  if (shown.length > 0) {
    const items = shown.map((c, i) => `## Program ${String.fromCharCode(65 + i)} (#${c.seq})\nMetrics: ${formatMetrics(problem, c.metrics)}\n\n${fence(blocksOnly(c.source, 4000), language)}`);
    sections.push(`# Other programs for inspiration (EVOLVE blocks only, ${ascending ? 'weakest' : 'strongest'} first)\n\n${items.join('\n\n')}`);
  }

  const fb = feedbackSection(parent, input.attempts, input.feedbackMaxChars);
  if (fb) sections.push(`# Feedback from execution\n${fb}`);
  if (input.instruction) sections.push(`# Guidance\n${input.instruction.text}`);
  sections.push(`# Task\n${TASKS[task]}\n\n${formatRules(input.mode, blockCount, language)}`);

  return {
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: sections.join('\n\n') },
    ],
    variant: { persona, task, order: ascending ? 'ascending' : 'descending' },
    inspirationSeqs: shown.map((c) => c.seq),
  };
}
