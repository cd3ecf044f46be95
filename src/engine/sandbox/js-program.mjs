// The candidate-program pieces shared by the one-shot harness (a V8 context in a fresh Node
// process) and the pooled host (a fresh isolated-vm isolate per candidate): turning the module
// into a script that returns run(), and the prelude that gives it a console and encodes its output.
export const LOG_CAP = 64 * 1024;

// `export function run` / `export const run = …` become plain declarations; other exports are refused.
// The program runs in a function scope, like a module's, inside an outer scope that binds every
// built-in (Math, Float64Array, undefined, …) to a local: global lookups in a separate V8 context
// go through interceptors and are tens of times slower in hot loops, local ones are not.
export function toScript(source, builtins = []) {
  const stripped = source.replace(/^(\s*)export\s+(?=(?:async\s+)?function\b|const\b|let\b|var\b|class\b)/gm, '$1');
  if (/^\s*export\b/m.test(stripped)) {
    throw new Error('only `export function run(input)` (or `export const run = …`) is supported; found another export form');
  }
  const binds = builtins.length ? `const ${builtins.map((n) => `${n} = globalThis.${n}`).join(', ')};` : '';
  return `(function () {\n${binds}\nreturn (function () {\n'use strict';\n${stripped}\n;return typeof run === 'function' ? run : undefined;\n})();\n})()`;
}

// Built inside the context so no object from this realm (whose constructors would lead back to
// process) is reachable from candidate code. Non-finite numbers are tagged so the verifier can
// name them; typed arrays become plain arrays.
export const PRELUDE = `(() => {
  const logs = []; let size = 0; let dropped = 0;
  const fmt = (a) => a.map((x) => { try { return typeof x === 'string' ? x : JSON.stringify(x); } catch { return String(x); } }).join(' ');
  const push = (a) => { const s = fmt(a); if (size + s.length > ${LOG_CAP}) { dropped += s.length; return; } size += s.length + 1; logs.push(s); };
  globalThis.console = { log: (...a) => push(a), info: (...a) => push(a), warn: (...a) => push(a), error: (...a) => push(a), debug: (...a) => push(a) };
  // Captured before the program runs, so overriding these built-ins cannot change how its output is encoded.
  const isFinite = Number.isFinite, isArray = Array.isArray, isView = ArrayBuffer.isView, keys = Object.keys, S = String, def = Object.defineProperty;
  const push1 = (o, x) => { o[o.length] = x; };
  const encode = (v, depth) => {
    if (depth > 64) throw new Error('output nests deeper than 64 levels');
    if (typeof v === 'number') return isFinite(v) ? v : { $num: S(v) };
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'undefined') return null;
    if (typeof v === 'bigint') return { $bigint: S(v) };
    if (isView(v) || isArray(v)) { const o = []; for (let i = 0; i < v.length; i++) push1(o, encode(v[i], depth + 1)); return o; }
    if (typeof v === 'object') { const o = {}; const ks = keys(v); for (let i = 0; i < ks.length; i++) def(o, ks[i], { value: encode(v[ks[i]], depth + 1), enumerable: true, writable: true, configurable: true }); return o; }
    throw new Error('output contains a ' + typeof v + ', which is not data');
  };
  const stringify = JSON.stringify;
  return {
    logs: () => logs.join('\\n') + (dropped ? '\\n[' + dropped + ' characters of console output dropped]' : ''),
    serialise: (v) => stringify(encode(v, 0)),
  };
})()`;

