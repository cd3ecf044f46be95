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

export const DEFAULT_DECODE_LIMITS: DecodeLimits = { maxDepth: 64, maxBigIntDigits: 4096, maxNodes: 20_000_000 };

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

/** Parses and rebuilds output data within `limits`; throws DataDecodeError (or SyntaxError) otherwise. */
export function decodeJson(s: string, limits: DecodeLimits = DEFAULT_DECODE_LIMITS): unknown {
  return new Decoder(limits).value(JSON.parse(s), 0);
}
