// JSON for program output data: NaN, ±Infinity and BigInt survive the round trip (tagged as
// {"$num": "NaN"} and {"$bigint": "…"}), so stored outputs re-verify exactly as they were scored.

export function encodeJson(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? { $num: String(x) } : typeof x === 'bigint' ? { $bigint: String(x) } : x));
}

export function decodeJson(s: string): unknown {
  return JSON.parse(s, (_k, x) => {
    if (x && typeof x === 'object' && !Array.isArray(x)) {
      const keys = Object.keys(x);
      if (keys.length === 1 && keys[0] === '$num') return Number(x.$num);
      if (keys.length === 1 && keys[0] === '$bigint') return BigInt(x.$bigint);
    }
    return x;
  });
}
