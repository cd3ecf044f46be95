// JSON for program output data: NaN, ±Infinity and BigInt survive the round trip (tagged as
// {"$num": "NaN"} and {"$bigint": "…"}), so stored outputs re-verify exactly as they were scored.
// Decoding is bounded: the text comes from a hostile program, so depth, node count and BigInt
// size are capped, and every key becomes an own data property (an own "__proto__" key stays a
// key; it never becomes the object's prototype).

export interface DecodeLimits {
  maxDepth: number;
  /** Decimal digits allowed in one `$bigint` (BigInt() of a long string is quadratic). */
  maxBigIntDigits: number;
  /** Arrays, objects and values in all. */
  maxNodes: number;
}

export const DEFAULT_DECODE_LIMITS: DecodeLimits = { maxDepth: 64, maxBigIntDigits: 4096, maxNodes: 2_000_000 };

export class DataDecodeError extends Error {}

export function encodeJson(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? { $num: String(x) } : typeof x === 'bigint' ? { $bigint: String(x) } : x));
}

const NUMBERS: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

class Decoder {
  private nodes = 0;
  constructor(private readonly limits: DecodeLimits) {}

  value(v: unknown, depth: number): unknown {
    if (++this.nodes > this.limits.maxNodes) throw new DataDecodeError(`output has more than ${this.limits.maxNodes} values`);
    if (v === null || typeof v !== 'object') return v;
    if (depth >= this.limits.maxDepth) throw new DataDecodeError(`output nests deeper than ${this.limits.maxDepth} levels`);
    if (Array.isArray(v)) {
      const out = new Array(v.length);
      for (let i = 0; i < v.length; i++) out[i] = this.value(v[i], depth + 1);
      return out;
    }
    return this.object(v as Record<string, unknown>, depth);
  }

  private object(o: Record<string, unknown>, depth: number): unknown {
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === '$num' && typeof o.$num === 'string') {
      if (!(o.$num in NUMBERS)) throw new DataDecodeError(`{"$num": ${JSON.stringify(o.$num.slice(0, 40))}} is not NaN, Infinity or -Infinity`);
      return NUMBERS[o.$num];
    }
    if (keys.length === 1 && keys[0] === '$bigint' && typeof o.$bigint === 'string') return this.bigint(o.$bigint);
    const out: Record<string, unknown> = {};
    for (const k of keys) Object.defineProperty(out, k, { value: this.value(o[k], depth + 1), enumerable: true, writable: true, configurable: true });
    return out;
  }

  private bigint(s: string): bigint {
    const digits = s.length - (s.startsWith('-') ? 1 : 0);
    if (digits > this.limits.maxBigIntDigits) throw new DataDecodeError(`output holds a BigInt of ${digits} digits; the limit is ${this.limits.maxBigIntDigits}`);
    if (!/^-?[0-9]+$/.test(s)) throw new DataDecodeError(`{"$bigint": …} must hold decimal digits`);
    return BigInt(s);
  }
}

/**
 * Refuses text nested too deep or holding too many values before JSON.parse sees it: V8 takes
 * seconds over millions of nested brackets or small objects, on the engine's own thread. One
 * pass, skipping strings; values are counted by their separators.
 */
function checkShape(s: string, maxDepth: number, maxNodes: number): void {
  let depth = 0;
  let nodes = 1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) {
      for (i++; i < s.length; i++) {
        const d = s.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 || c === 123) {
      nodes++;
      if (++depth > maxDepth) throw new DataDecodeError(`output nests deeper than ${maxDepth - 2} levels`);
    } else if (c === 93 || c === 125) depth--;
    else if (c === 44 && ++nodes > maxNodes) throw new DataDecodeError(`output has more than ${maxNodes - 2} values`);
  }
}

/** Parses and rebuilds output data within `limits`; throws DataDecodeError (or SyntaxError) otherwise. */
export function decodeJson(s: string, limits: DecodeLimits = DEFAULT_DECODE_LIMITS): unknown {
  // +2 levels: the runners' own envelope ({"ok": …, "output": …}) sits around the program's data.
  if (s.length > 4096) checkShape(s, limits.maxDepth + 2, limits.maxNodes + 2);
  return new Decoder(limits).value(JSON.parse(s), 0);
}
