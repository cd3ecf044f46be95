// Extracts a proposal from a model's answer: SEARCH/REPLACE blocks or full rewrites of the EVOLVE blocks.
// Only extraction and structural checks happen here; the engine applies the edits and reports mismatches.

export interface Edit {
  search: string;
  replace: string;
}

export type ParsedAnswer =
  | { kind: 'diff'; diff: string; edits: Edit[]; notes: string[]; explanation: string }
  | { kind: 'blocks'; blocks: string[]; notes: string[]; explanation: string }
  | { kind: 'empty' | 'refusal' | 'malformed' | 'truncated'; diagnostic: string };

export interface ParseOptions {
  /** What the prompt asked for; the other form is still accepted when the answer clearly uses it. */
  mode: 'diff' | 'full';
  /** Number of EVOLVE blocks in the parent (a full rewrite must give that many). */
  blockCount: number;
  finishReason?: string | null;
  refusal?: string | null;
}

const SEARCH = /^\s*<{5,9}\s*SEARCH\b.*$/;
const DIVIDER = /^\s*={5,9}\s*$/;
const REPLACE = /^\s*>{5,9}\s*REPLACE\b.*$/;
const MARKER_IN_EDIT = /EVOLVE-BLOCK-(START|END)/;
const REFUSAL = /^\s*(i'?m sorry|i am sorry|sorry,|i can(no|')t|i cannot|i won'?t|i am unable|i'm unable|as an ai\b|i apologi[sz]e)/i;

/** Reasoning sections some local models emit before the answer. */
export function stripReasoning(text: string): string {
  return text.replace(/<think(?:ing)?>[\s\S]*?<\/think(?:ing)?>/gi, '').replace(/^[\s\S]*?<\/think(?:ing)?>/i, '');
}

/** Renders edits in the canonical SEARCH/REPLACE form the engine applies. */
export function formatDiff(edits: Edit[]): string {
  return edits.map((e) => `<<<<<<< SEARCH\n${e.search}=======\n${e.replace}>>>>>>> REPLACE\n`).join('\n');
}

function withNewline(s: string): string {
  return s === '' || s.endsWith('\n') ? s : s + '\n';
}

/** SEARCH/REPLACE blocks of an answer, or a diagnostic naming the first structural error. */
export function extractEdits(text: string): { edits: Edit[]; notes: string[] } | { error: string } | null {
  const lines = text.split('\n');
  const edits: Edit[] = [];
  const notes: string[] = [];
  let state: 'out' | 'search' | 'replace' = 'out';
  let search: string[] = [];
  let replace: string[] = [];
  let n = 0;
  for (const [i, line] of lines.entries()) {
    if (state === 'out') {
      if (SEARCH.test(line)) {
        state = 'search';
        search = [];
        n++;
      } else if (DIVIDER.test(line) && n === 0 && /<{5}|>{5}/.test(text)) {
        return { error: `line ${i + 1}: '=======' outside a SEARCH/REPLACE block` };
      }
    } else if (state === 'search') {
      if (DIVIDER.test(line)) {
        state = 'replace';
        replace = [];
      } else if (SEARCH.test(line) || REPLACE.test(line)) {
        return { error: `block ${n}: SEARCH section not closed by '=======' before line ${i + 1}` };
      } else search.push(line);
    } else {
      if (REPLACE.test(line)) {
        state = 'out';
        const s = search.map((l) => l + '\n').join('');
        const r = replace.map((l) => l + '\n').join('');
        if (s.trim() === '') return { error: `block ${n}: empty SEARCH section (it must copy existing lines of the current program exactly)` };
        if (MARKER_IN_EDIT.test(s) || MARKER_IN_EDIT.test(r)) return { error: `block ${n}: edits must stay inside the EVOLVE blocks and must not touch the EVOLVE-BLOCK marker lines` };
        if (s === r) notes.push(`block ${n}: SEARCH and REPLACE are identical (dropped)`);
        else edits.push({ search: s, replace: r });
      } else if (SEARCH.test(line)) {
        return { error: `block ${n}: missing '>>>>>>> REPLACE' before the next SEARCH on line ${i + 1}` };
      } else if (DIVIDER.test(line)) {
        return { error: `block ${n}: second '=======' on line ${i + 1}` };
      } else replace.push(line);
    }
  }
  if (state === 'search') return { error: `block ${n}: SEARCH section not closed by '=======' (answer ended)` };
  if (state === 'replace') return { error: `block ${n}: missing '>>>>>>> REPLACE' (answer ended)` };
  if (n === 0) return null;
  if (edits.length === 0) return { error: 'every SEARCH/REPLACE block was a no-op' };
  return { edits, notes };
}

/** Fenced code blocks (```lang … ```), contents only. */
export function fencedBlocks(text: string): string[] {
  const out: string[] = [];
  const re = /^[ \t]*(`{3,}|~{3,})[^\n`]*\n([\s\S]*?)^[ \t]*\1[ \t]*$/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push(m[2]);
  return out;
}

/** Contents between EVOLVE-BLOCK markers found in an answer (a model returning the whole program). */
function markedBlocks(text: string): string[] | { error: string } {
  const out: string[] = [];
  let cur: string[] | null = null;
  for (const line of text.split('\n')) {
    if (/EVOLVE-BLOCK-START/.test(line)) {
      if (cur) return { error: 'EVOLVE-BLOCK-START inside an open block in the rewrite' };
      cur = [];
    } else if (/EVOLVE-BLOCK-END/.test(line)) {
      if (!cur) return { error: 'EVOLVE-BLOCK-END without START in the rewrite' };
      out.push(cur.map((l) => l + '\n').join(''));
      cur = null;
    } else if (cur) {
      if (/^[ \t]*(`{3,}|~{3,})/.test(line)) continue;
      cur.push(line);
    }
  }
  if (cur) return { error: 'an EVOLVE block in the rewrite is never closed (answer cut off?)' };
  return out;
}

function explanationOf(text: string): string {
  const first = text.split(/<{5,9}\s*SEARCH|^[ \t]*```/m)[0].trim();
  return first.length > 400 ? first.slice(0, 399) + '…' : first;
}

function extractRewrite(text: string, blockCount: number): { blocks: string[] } | { error: string } | null {
  if (/EVOLVE-BLOCK-(START|END)/.test(text)) {
    const b = markedBlocks(text);
    if (!Array.isArray(b)) return b;
    if (b.length !== blockCount) return { error: `the rewrite has ${b.length} EVOLVE block(s); the program has ${blockCount}` };
    return { blocks: b };
  }
  const f = fencedBlocks(text).filter((s) => s.trim() !== '');
  if (f.length === 0) return null;
  if (f.length !== blockCount) return { error: `expected ${blockCount} fenced code block(s), one per EVOLVE block, found ${f.length}` };
  return { blocks: f.map(withNewline) };
}

/** Classifies and extracts a model answer. */
export function parseAnswer(raw: string, opts: ParseOptions): ParsedAnswer {
  if (opts.refusal) return { kind: 'refusal', diagnostic: `the model refused: ${opts.refusal.slice(0, 200)}` };
  if (opts.finishReason === 'content_filter') return { kind: 'refusal', diagnostic: 'the answer was stopped by a content filter' };
  const text = stripReasoning(raw.replace(/\r\n/g, '\n'));
  if (text.trim() === '') {
    return opts.finishReason === 'length'
      ? { kind: 'truncated', diagnostic: 'the answer was cut off at maxTokens before any content (raise maxTokens or shorten the prompt)' }
      : { kind: 'empty', diagnostic: 'empty answer' };
  }
  const cut = opts.finishReason === 'length';
  const explanation = explanationOf(text);
  const edits = extractEdits(text);
  if (edits && 'edits' in edits) return { kind: 'diff', diff: formatDiff(edits.edits), edits: edits.edits, notes: edits.notes, explanation };
  if (edits && 'error' in edits) {
    return cut ? { kind: 'truncated', diagnostic: `answer cut off at maxTokens: ${edits.error}` } : { kind: 'malformed', diagnostic: `malformed SEARCH/REPLACE: ${edits.error}` };
  }
  const rw = extractRewrite(text, opts.blockCount);
  if (rw && 'blocks' in rw) {
    const notes = opts.mode === 'diff' ? ['asked for SEARCH/REPLACE blocks, got a full rewrite'] : [];
    return { kind: 'blocks', blocks: rw.blocks, notes, explanation };
  }
  if (cut) return { kind: 'truncated', diagnostic: 'answer cut off at maxTokens before a complete edit' };
  if (rw && 'error' in rw) return { kind: 'malformed', diagnostic: `malformed rewrite: ${rw.error}` };
  if (REFUSAL.test(text)) return { kind: 'refusal', diagnostic: `the model declined: ${text.trim().slice(0, 200)}` };
  return {
    kind: 'malformed',
    diagnostic: opts.mode === 'diff' ? 'no SEARCH/REPLACE block found in the answer' : `no code found in the answer (expected ${opts.blockCount} fenced code block(s))`,
  };
}
