// Runs one candidate program inside the jailed child process.
// stdin: {"source": program text, "input": stage input} as JSON; fd 3: the result channel.
//
// The program is plain JavaScript that exports run(input). It is evaluated in a fresh V8 context
// holding only JavaScript built-ins: no process, require, import(), fetch, timers, eval or
// new Function. This layer sits inside the process-level limits (permission model, scrubbed
// environment, network namespace, kill on timeout/memory/output) that the parent enforces.
import { writeSync } from 'node:fs';
import vm from 'node:vm';
import { LOG_CAP, PRELUDE, toScript } from './js-program.mjs';

const CHANNEL = 3;
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
