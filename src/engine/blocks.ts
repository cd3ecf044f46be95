// EVOLVE-BLOCK regions: a program is fixed text and block bodies interleaved,
// fixed[0] block[0] fixed[1] … block[k-1] fixed[k]. Only block bodies may change.

export const BLOCK_START = '// EVOLVE-BLOCK-START';
export const BLOCK_END = '// EVOLVE-BLOCK-END';
/** Marker lines as comments of either syntax: `// EVOLVE-BLOCK-START` (JavaScript) or `# EVOLVE-BLOCK-START` (Python). */
const START_LINE = /^(?:\/\/|#)\s*EVOLVE-BLOCK-START/;
const END_LINE = /^(?:\/\/|#)\s*EVOLVE-BLOCK-END/;

export interface ParsedProgram {
  /** Fixed text around the blocks; `fixed.length === blocks.length + 1`. Marker lines belong to the fixed text. */
  fixed: string[];
  /** Bodies of the blocks (the lines between the markers, each ending in a newline). */
  blocks: string[];
}

export class ProgramFormatError extends Error {}

/** Splits a program into fixed text and block bodies; throws ProgramFormatError on unbalanced markers. */
export function parseProgram(source: string): ParsedProgram {
  const lines = source.split(/(?<=\n)/); // keep line endings
  const fixed: string[] = [];
  const blocks: string[] = [];
  let current = '';
  let inBlock = false;
  lines.forEach((line, i) => {
    const t = line.trim();
    if (START_LINE.test(t)) {
      if (inBlock) throw new ProgramFormatError(`line ${i + 1}: EVOLVE-BLOCK-START inside an open block`);
      fixed.push(current + line);
      current = '';
      inBlock = true;
    } else if (END_LINE.test(t)) {
      if (!inBlock) throw new ProgramFormatError(`line ${i + 1}: EVOLVE-BLOCK-END without a matching START`);
      blocks.push(current);
      current = line;
      inBlock = false;
    } else {
      current += line;
    }
  });
  if (inBlock) throw new ProgramFormatError('EVOLVE-BLOCK-START without a matching END');
  if (blocks.length === 0) throw new ProgramFormatError('program has no EVOLVE-BLOCK regions');
  fixed.push(current); // END marker of the last block and the tail
  return { fixed, blocks };
}

export function renderProgram(p: ParsedProgram): string {
  let out = p.fixed[0];
  for (let i = 0; i < p.blocks.length; i++) out += p.blocks[i] + p.fixed[i + 1];
  return out;
}

/** True when `text` contains a block marker (edits must never add or remove markers). */
export function containsMarker(text: string): boolean {
  return text.includes('EVOLVE-BLOCK-START') || text.includes('EVOLVE-BLOCK-END');
}

/** The comment syntax of a program's markers: `#` is Python, `//` JavaScript. */
export function markerLanguage(source: string): 'javascript' | 'python' {
  const m = /^[ \t]*(\/\/|#)\s*EVOLVE-BLOCK-START/m.exec(source);
  return m && m[1] === '#' ? 'python' : 'javascript';
}
