// Finds the tunable numbers in a block: literals in declarations whose initialiser is made only of
// numbers (`const STEPS = 120;`, `const ROWS = [5, 5, 6];`). Other literals are code structure
// (loop bounds, indices) that a blind perturbation would only break. When a block declares no
// such parameters, every numeric literal counts.
import { tokenize, type Token } from '../js-tokens.js';

export interface Parameter {
  /** Declaration name and position inside it, e.g. `ROWS[2]` or `STEPS`. */
  name: string;
  value: number;
  integer: boolean;
  /** Character span in the block text, including a leading unary minus. */
  start: number;
  end: number;
}

const DECL = new Set(['const', 'let', 'var']);
const LITERAL_PUNCT = new Set(['[', ']', ',', '-', '+']);

function significant(tokens: Token[]): Token[] {
  return tokens.filter((t) => t.type !== 'space' && t.type !== 'comment');
}

function isInteger(text: string): boolean {
  return /^[0-9_]+$/.test(text);
}

function literal(tokens: Token[], i: number, name: string): Parameter | null {
  const t = tokens[i];
  if (t.type !== 'number' || t.text.endsWith('n') || /^0[xXbBoO]/.test(t.text)) return null;
  const value = Number(t.text.replace(/_/g, ''));
  if (!Number.isFinite(value)) return null;
  const prev = tokens[i - 1];
  const before = tokens[i - 2];
  const unary = prev?.text === '-' && (before === undefined || ['=', ',', '[', '(', ':'].includes(before.text));
  return {
    name,
    value: unary ? -value : value,
    integer: isInteger(t.text),
    start: unary ? prev.start : t.start,
    end: t.start + t.text.length,
  };
}

/** Parameters declared at any depth as `const|let|var NAME = <numbers, arrays of numbers>;`. */
export function findParameters(block: string): Parameter[] {
  const tokens = significant(tokenize(block));
  const out: Parameter[] = [];
  for (let i = 0; i + 3 < tokens.length; i++) {
    if (!(tokens[i].type === 'ident' && DECL.has(tokens[i].text) && tokens[i + 1].type === 'ident' && tokens[i + 2].text === '=')) continue;
    // Only declarations that start a statement: `for (let i = 0; …)` is loop structure.
    if (i > 0 && ![';', '{', '}'].includes(tokens[i - 1].text)) continue;
    const name = tokens[i + 1].text;
    let j = i + 3;
    const found: Parameter[] = [];
    let ok = true;
    let index = 0;
    const isArray = tokens[j].text === '[';
    for (; j < tokens.length && tokens[j].text !== ';' && !(tokens[j].type === 'ident' && DECL.has(tokens[j].text)); j++) {
      const t = tokens[j];
      if (t.type === 'number') {
        const p = literal(tokens, j, isArray ? `${name}[${index++}]` : name);
        if (!p) { ok = false; break; }
        found.push(p);
      } else if (!LITERAL_PUNCT.has(t.text)) {
        ok = false;
        break;
      }
    }
    if (ok && found.length > 0) out.push(...found);
  }
  return out;
}

/** Every numeric literal of the block (fallback when no parameters are declared). */
export function allLiterals(block: string): Parameter[] {
  const tokens = significant(tokenize(block));
  const out: Parameter[] = [];
  tokens.forEach((t, i) => {
    const p = t.type === 'number' ? literal(tokens, i, `literal@${t.start}`) : null;
    if (p) out.push(p);
  });
  return out;
}

/** Writes a number with 12 significant digits (enough for a mutation step), keeping integers integral. */
export function formatNumber(value: number, integer: boolean): string {
  if (integer) return String(Math.round(value));
  const s = String(Number(value.toPrecision(12)));
  return /[.eE]/.test(s) ? s : `${s}.0`;
}

/** Replaces parameter values in a block (spans from the same block text; applied right to left). */
export function substitute(block: string, changes: { param: Parameter; value: number }[]): string {
  let out = block;
  for (const { param, value } of [...changes].sort((a, b) => b.param.start - a.param.start)) {
    out = out.slice(0, param.start) + formatNumber(value, param.integer) + out.slice(param.end);
  }
  return out;
}

const PY_NUMBER = /^[-+]?(?:\d[\d_]*\.?[\d_]*(?:[eE][-+]?\d+)?|\.\d[\d_]*(?:[eE][-+]?\d+)?)$/;

/**
 * Python parameters: top-level-looking assignments `NAME = <number>` or `NAME = [<numbers>]` on
 * one line (an optional trailing comment), at any indentation.
 */
export function findPythonParameters(block: string): Parameter[] {
  const out: Parameter[] = [];
  let offset = 0;
  for (const line of block.split(/(?<=\n)/)) {
    const m = /^([ \t]*)([A-Za-z_]\w*)[ \t]*=[ \t]*([^#\n]*?)[ \t]*(#.*)?\r?\n?$/.exec(line);
    if (m) {
      const rhs = m[3];
      const rhsStart = offset + line.indexOf(rhs, m[1].length + m[2].length);
      const isList = /^\[.*\]$/.test(rhs);
      const items = isList ? rhs.slice(1, -1).split(',') : [rhs];
      const found: Parameter[] = [];
      let pos = isList ? 1 : 0;
      for (const [k, raw] of items.entries()) {
        const text = raw.trim();
        if (!PY_NUMBER.test(text.replace(/^[-+]/, '')) && !PY_NUMBER.test(text)) { found.length = 0; break; }
        const start = rhsStart + pos + raw.indexOf(text);
        found.push({ name: isList ? `${m[2]}[${k}]` : m[2], value: Number(text.replace(/_/g, '')), integer: /^[-+]?[\d_]+$/.test(text), start, end: start + text.length });
        pos += raw.length + 1;
      }
      if (found.every((p) => Number.isFinite(p.value))) out.push(...found);
    }
    offset += line.length;
  }
  return out;
}
