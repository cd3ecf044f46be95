// Runs one candidate program inside the jailed child process.
// stdin: {"source": program text, "input": stage input} as JSON; fd 3: the result channel.
//
// The program is plain JavaScript that exports run(input). It is evaluated in a fresh V8 context
// holding only JavaScript built-ins: no process, require, import(), fetch, timers, eval or
// new Function. This layer sits inside the process-level limits (permission model, scrubbed
// environment, network namespace, kill on timeout/memory/output) that the parent enforces.
import { writeSync } from 'node:fs';
import vm from 'node:vm';

const CHANNEL = 3;
const LOG_CAP = 64 * 1024;
const stringify = JSON.stringify;

for (const name of ['getBuiltinModule', 'dlopen', 'binding', '_linkedBinding']) {
  try { Object.defineProperty(process, name, { value: undefined, configurable: false, writable: false }); } catch { /* ignore */ }
}

function send(message) {
  writeAll(stringify(message) + '\n');
}

function writeAll(text) {
  const bytes = Buffer.from(text);
  let off = 0;
  while (off < bytes.length) {
    try {
      off += writeSync(CHANNEL, bytes, off, bytes.length - off);
    } catch (e) {
      if (e && e.code === 'EAGAIN') continue;
      throw e;
    }
  }
}

// `export function run` / `export const run = …` become plain declarations; other exports are refused.
// The program runs in a function scope, like a module's, inside an outer scope that binds every
// built-in (Math, Float64Array, undefined, …) to a local: global lookups in a separate V8 context
// go through interceptors and are tens of times slower in hot loops, local ones are not.
function toScript(source, builtins) {
  const stripped = source.replace(/^(\s*)export\s+(?=(?:async\s+)?function\b|const\b|let\b|var\b|class\b)/gm, '$1');
  if (/^\s*export\b/m.test(stripped)) {
    throw new Error('only `export function run(input)` (or `export const run = …`) is supported; found another export form');
  }
  const binds = builtins.map((n) => `${n} = globalThis.${n}`).join(', ');
  return `(function () {\nconst ${binds};\nreturn (function () {\n'use strict';\n${stripped}\n;return typeof run === 'function' ? run : undefined;\n})();\n})()`;
}

// Built inside the context so no object from this realm (whose constructors would lead back to
// process) is reachable from candidate code. Non-finite numbers are tagged so the verifier can
// name them; typed arrays become plain arrays.
const PRELUDE = `(() => {
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

function fail(kind, error, tools) {
  const message = error && error.stack ? String(error.stack) : String(error);
  if (tools) { try { process.stderr.write(String(tools.logs()).slice(-LOG_CAP)); } catch { /* ignore */ } }
  send({ ok: false, kind, error: message.slice(0, 4000) });
  process.exitCode = 1;
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const context = vm.createContext(Object.create(null), { codeGeneration: { strings: false, wasm: true } });
const tools = vm.runInContext(PRELUDE, context);
// import() is refused by a callback that throws an error made inside the context, so the rejection
// a program observes belongs to its own realm (with no callback, Node rejects with a host-realm
// error whose constructor leads back to this process). Needs --experimental-vm-modules on Node 20.
const contextError = vm.runInContext('(m) => new Error(m)', context);
const noImport = () => { throw contextError('dynamic import is not allowed in candidate programs'); };
let run;
try {
  // The input is parsed inside the context so it carries the context's own prototypes.
  vm.runInContext(`globalThis.__input = JSON.parse(${stringify(stringify(request.input ?? null))});`, context, { importModuleDynamically: noImport });
  const builtins = vm.runInContext('Object.getOwnPropertyNames(globalThis)', context)
    .filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'globalThis' && n !== 'eval');
  run = vm.runInContext(toScript(String(request.source), builtins), context, { filename: 'program.js', lineOffset: -4, importModuleDynamically: noImport });
  if (typeof run !== 'function') throw new Error('the program does not export a function run(input)');
} catch (e) {
  fail('load', e, tools);
}
if (typeof run === 'function') {
  const t0 = performance.now();
  try {
    const result = await vm.runInContext('(run) => run(globalThis.__input)', context, { importModuleDynamically: noImport })(run);
    const ms = performance.now() - t0;
    const output = String(tools.serialise(result));
    process.stderr.write(String(tools.logs()));
    writeAll('{"ok":true,"ms":' + stringify(ms) + ',"output":' + output + '}\n');
  } catch (e) {
    fail('run', e, tools);
  }
}
