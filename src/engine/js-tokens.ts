// A small JavaScript tokenizer: enough to find numeric literals, comments and strings reliably
// (for literal mutation and for normalising code before caching), not a full parser.

export type TokenType = 'number' | 'string' | 'template' | 'comment' | 'regex' | 'ident' | 'punct' | 'space';

export interface Token {
  type: TokenType;
  text: string;
  start: number;
}

const NUMBER = /^(?:0[xX][0-9a-fA-F_]+n?|0[bB][01_]+n?|0[oO][0-7_]+n?|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?n?)/;
const IDENT = /^[A-Za-z_$\u0080-\uffff][\w$\u0080-\uffff]*/;
const PUNCT = /^(?:>>>=|\.\.\.|===|!==|\*\*=|<<=|>>=|>>>|\?\?=|&&=|\|\|=|=>|==|!=|<=|>=|&&|\|\||\?\?|\?\.|\+\+|--|\+=|-=|\*=|\/=|%=|&=|\|=|\^=|<<|>>|\*\*|[{}()[\];,<>+\-*/%&|^!~?:=.@#])/;

function endOfQuoted(src: string, i: number, quote: string): number {
  let j = i + 1;
  while (j < src.length && src[j] !== quote) {
    if (src[j] === '\\') j++;
    else if (src[j] === '\n' && quote !== '`') break;
    j++;
  }
  return Math.min(j + 1, src.length);
}

function endOfRegex(src: string, i: number): number {
  let j = i + 1;
  let inClass = false;
  while (j < src.length && src[j] !== '\n') {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) break;
    j++;
  }
  j++;
  while (j < src.length && /[a-z]/i.test(src[j])) j++;
  return j;
}

/** A '/' starts a regex unless it follows a value (identifier, number, closing bracket). */
function regexAllowed(prev: Token | undefined): boolean {
  if (!prev) return true;
  if (prev.type === 'number' || prev.type === 'string' || prev.type === 'template' || prev.type === 'regex') return false;
  if (prev.type === 'ident') return ['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await'].includes(prev.text);
  return !(prev.text === ')' || prev.text === ']' || prev.text === '}' || prev.text === '++' || prev.text === '--');
}

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let prev: Token | undefined;
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    let end: number;
    let type: TokenType;
    if (/\s/.test(c)) {
      end = i + 1;
      while (end < src.length && /\s/.test(src[end])) end++;
      type = 'space';
    } else if (src.startsWith('//', i)) {
      end = src.indexOf('\n', i);
      if (end < 0) end = src.length;
      type = 'comment';
    } else if (src.startsWith('/*', i)) {
      end = src.indexOf('*/', i + 2);
      end = end < 0 ? src.length : end + 2;
      type = 'comment';
    } else if (c === '"' || c === "'") {
      end = endOfQuoted(src, i, c);
      type = 'string';
    } else if (c === '`') {
      end = endOfQuoted(src, i, '`');
      type = 'template';
    } else if (c === '/' && regexAllowed(prev)) {
      end = endOfRegex(src, i);
      type = 'regex';
    } else {
      const rest = src.slice(i, i + 64);
      const num = /\d/.test(c) || (c === '.' && /\d/.test(src[i + 1] ?? '')) ? NUMBER.exec(rest) : null;
      const id = num ? null : IDENT.exec(rest);
      const p = num || id ? null : PUNCT.exec(rest);
      const m = num ?? id ?? p;
      end = i + (m ? m[0].length : 1);
      type = num ? 'number' : id ? 'ident' : 'punct';
    }
    const tok: Token = { type, text: src.slice(i, end), start: i };
    out.push(tok);
    if (type !== 'space' && type !== 'comment') prev = tok;
    i = end;
  }
  return out;
}

/**
 * Code with comments and blank lines removed and the spacing inside each line collapsed: two
 * programs that differ only in comments, indentation or spacing map to the same text. Line breaks
 * are kept, since automatic semicolon insertion makes them meaningful (`return\n1` ≠ `return 1`).
 */
export function normaliseCode(src: string): string {
  const lines: string[][] = [[]];
  for (const t of tokenize(src)) {
    if (t.type === 'comment') {
      if (t.text.startsWith('/*') && t.text.includes('\n')) lines.push([]); // a block comment spanning lines ends the line
      continue;
    }
    if (t.type === 'space') {
      if (t.text.includes('\n')) lines.push([]);
      continue;
    }
    lines[lines.length - 1].push(t.text);
  }
  return lines.filter((l) => l.length > 0).map((l) => l.join(' ')).join('\n');
}
