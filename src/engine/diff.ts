// Applying proposed changes to a program's EVOLVE-BLOCK bodies: SEARCH/REPLACE diffs (exact match
// first, then whitespace-tolerant) and full block rewrites. Text outside the blocks never changes.
import { containsMarker, parseProgram, renderProgram, type ParsedProgram } from './blocks.js';

export interface DiffEdit {
  search: string;
  replace: string;
}

export type ApplyResult =
  | { ok: true; source: string; blocks: string[]; tolerant: number }
  | { ok: false; error: string };

const EDIT = /<{7} SEARCH[^\n]*\n([\s\S]*?)\n?={7}[^\n]*\n([\s\S]*?)\n?>{7} REPLACE/g;

/** Extracts the SEARCH/REPLACE pairs from a diff text (other text around them is ignored). */
export function parseDiff(text: string): DiffEdit[] {
  const edits: DiffEdit[] = [];
  for (const m of text.replace(/\r\n/g, '\n').matchAll(EDIT)) edits.push({ search: m[1], replace: m[2] });
  return edits;
}

function preview(s: string): string {
  const first = s.split('\n').find((l) => l.trim() !== '') ?? '';
  return JSON.stringify(first.trim().slice(0, 60));
}

/** Whitespace-tolerant match: same non-blank lines after trimming. Returns [startChar, endChar] in body. */
function tolerantFind(body: string, search: string): [number, number] | null {
  const want = search.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (want.length === 0) return null;
  const lines = body.split(/(?<=\n)/);
  const offsets: number[] = [];
  let pos = 0;
  for (const l of lines) { offsets.push(pos); pos += l.length; }
  for (let i = 0; i < lines.length; i++) {
    let k = 0;
    let j = i;
    while (j < lines.length && k < want.length) {
      const t = lines[j].trim();
      if (t === '') { j++; continue; }
      if (t !== want[k]) break;
      k++; j++;
    }
    if (k === want.length && lines[i].trim() !== '') {
      return [offsets[i], offsets[j - 1] + lines[j - 1].length];
    }
  }
  return null;
}

function withNewline(s: string): string {
  return s === '' || s.endsWith('\n') ? s : s + '\n';
}

/** Applies SEARCH/REPLACE edits in order to the program's blocks. */
export function applyDiff(source: string, diffText: string): ApplyResult {
  const program = parseProgram(source);
  const edits = parseDiff(diffText);
  if (edits.length === 0) {
    return { ok: false, error: 'no SEARCH/REPLACE block found (expected <<<<<<< SEARCH … ======= … >>>>>>> REPLACE)' };
  }
  const blocks = [...program.blocks];
  let tolerant = 0;
  for (let e = 0; e < edits.length; e++) {
    const { search, replace } = edits[e];
    const label = `edit ${e + 1} of ${edits.length} (SEARCH starting ${preview(search)})`;
    if (containsMarker(search) || containsMarker(replace)) {
      return { ok: false, error: `${label}: EVOLVE-BLOCK markers cannot be searched for or replaced` };
    }
    if (search.trim() === '') return { ok: false, error: `${label}: the SEARCH text is empty` };
    let done = false;
    for (let b = 0; b < blocks.length && !done; b++) {
      const at = blocks[b].indexOf(search);
      if (at >= 0) {
        blocks[b] = blocks[b].slice(0, at) + replace + blocks[b].slice(at + search.length);
        done = true;
      }
    }
    for (let b = 0; b < blocks.length && !done; b++) {
      const span = tolerantFind(blocks[b], search);
      if (span) {
        blocks[b] = blocks[b].slice(0, span[0]) + withNewline(replace) + blocks[b].slice(span[1]);
        tolerant++;
        done = true;
      }
    }
    if (!done) {
      const outside = source.includes(search) || tolerantFind(source, search) !== null;
      return {
        ok: false,
        error: outside
          ? `${label}: the SEARCH text is outside the EVOLVE-BLOCK regions, which cannot be changed`
          : `${label}: the SEARCH text matches no EVOLVE-BLOCK region, exactly or ignoring whitespace`,
      };
    }
  }
  const next: ParsedProgram = { fixed: program.fixed, blocks };
  return { ok: true, source: renderProgram(next), blocks, tolerant };
}

/** Replaces every block body (in order) with the given texts. */
export function applyRewrite(source: string, newBlocks: string[]): ApplyResult {
  const program = parseProgram(source);
  if (newBlocks.length !== program.blocks.length) {
    return { ok: false, error: `rewrite gives ${newBlocks.length} block(s); the program has ${program.blocks.length}` };
  }
  for (let i = 0; i < newBlocks.length; i++) {
    if (typeof newBlocks[i] !== 'string') return { ok: false, error: `rewrite block ${i + 1} is not text` };
    if (containsMarker(newBlocks[i])) return { ok: false, error: `rewrite block ${i + 1} contains an EVOLVE-BLOCK marker` };
  }
  const blocks = newBlocks.map(withNewline);
  return { ok: true, source: renderProgram({ fixed: program.fixed, blocks }), blocks, tolerant: 0 };
}

/** A SEARCH/REPLACE text describing how `after` differs from `before`, block by block (for the record). */
export function describeChange(before: string, after: string): string {
  const a = parseProgram(before).blocks;
  const b = parseProgram(after).blocks;
  const parts: string[] = [];
  a.forEach((block, i) => {
    if (block === b[i]) return;
    const x = block.split('\n');
    const y = (b[i] ?? '').split('\n');
    let s = 0;
    while (s < x.length && s < y.length && x[s] === y[s]) s++;
    let e = 0;
    while (e < x.length - s && e < y.length - s && x[x.length - 1 - e] === y[y.length - 1 - e]) e++;
    parts.push(`<<<<<<< SEARCH\n${x.slice(s, x.length - e).join('\n')}\n=======\n${y.slice(s, y.length - e).join('\n')}\n>>>>>>> REPLACE`);
  });
  return parts.join('\n');
}
