// The pooled JavaScript runner, inside the OS jail: one long-lived Node process that gives every
// candidate a fresh V8 isolate (isolated-vm) with its own heap and memory limit, then disposes
// it, so no JavaScript object, global or prototype outlives the candidate. Requests and responses
// are `<length>\n<json>` frames on stdin and stdout (the same protocol as the Python fork server).
import ivm from 'isolated-vm';
import { writeSync } from 'node:fs';
import { LOG_CAP, PRELUDE, toScript } from './js-program.mjs';

const stringify = JSON.stringify;

function respond(message) {
  const body = Buffer.from(stringify(message), 'utf8');
  const frame = Buffer.concat([Buffer.from(`${body.length}\n`), body]);
  let off = 0;
  while (off < frame.length) {
    try {
      off += writeSync(1, frame, off, frame.length - off);
    } catch (e) {
      if (e && e.code === 'EAGAIN') continue;
      throw e;
    }
  }
}

function message(e) {
  return e && e.stack ? String(e.stack) : String(e);
}

/** Runs one candidate in a fresh isolate; returns the response frame. */
async function runOne(req) {
  const started = performance.now();
  const isolate = new ivm.Isolate({ memoryLimit: Math.max(8, Math.floor(req.memoryMb)) });
  const left = () => Math.max(1, Math.floor(req.timeoutMs - (performance.now() - started)));
  // Promises the program never settles are cut by this timer (isolated-vm's timeout covers
  // synchronous execution only); disposing the isolate stops whatever still runs in it.
  let timedOut = false;
  let timer;
  const deadline = new Promise((_, reject) => {
    // A little after isolated-vm's own timeout, so the two never race; disposal waits for `finally`.
    timer = setTimeout(() => { timedOut = true; reject(new Error('deadline')); }, req.timeoutMs + 50);
  });
  const guard = (p) => Promise.race([p, deadline]);
  const failure = (kind, e) => {
    // isolated-vm's own timeout ends execution at the deadline (to the millisecond): judged by the clock, not by the error's text.
    if (timedOut || performance.now() - started >= req.timeoutMs - 10) return { status: 0, verdict: { kind: 'timeout', reason: `exceeded the wall-clock limit of ${req.timeoutMs} ms` }, result: '', log: '' };
    if (isolate.isDisposed) return { status: 0, verdict: { kind: 'memory', reason: `ran out of its ${req.memoryMb} MiB isolate memory limit` }, result: '', log: '' };
    return { status: 1, verdict: null, result: stringify({ ok: false, kind, error: message(e).slice(0, 4000) }), log: '' };
  };
  let tools;
  try {
    const context = await isolate.createContext();
    tools = await context.eval(PRELUDE, { reference: true });
    await context.eval(`globalThis.__input = JSON.parse(${stringify(stringify(req.input ?? null))});`);
    let script;
    try {
      script = await isolate.compileScript(toScript(String(req.source)), { filename: 'program.js', lineOffset: -4 });
    } catch (e) {
      return failure('load', e);
    }
    let run;
    try {
      run = await script.run(context, { timeout: left(), reference: true });
      if (run.typeof !== 'function') throw new Error('the program does not export a function run(input)');
    } catch (e) {
      return failure('load', e);
    }
    const caller = await context.eval('(run) => Promise.resolve(run(globalThis.__input))', { reference: true });
    let text;
    try {
      const result = await guard(caller.apply(undefined, [run.derefInto()], { timeout: left(), result: { promise: true, reference: true } }));
      const serialise = await tools.get('serialise', { reference: true });
      text = await serialise.apply(undefined, [result.derefInto()], { timeout: left() });
    } catch (e) {
      const out = failure('run', e);
      out.log = await logsOf(tools);
      return out;
    }
    if (typeof text !== 'string') return failure('run', new Error('the output could not be encoded'));
    if (text.length > req.maxOutputBytes) return { status: 0, verdict: { kind: 'output-limit', reason: `printed more than ${req.maxOutputBytes} bytes` }, result: '', log: '' };
    return { status: 0, verdict: null, result: '{"ok":true,"output":' + text + '}', log: await logsOf(tools) };
  } catch (e) {
    return failure('run', e);
  } finally {
    clearTimeout(timer);
    deadline.catch(() => {});
    if (!isolate.isDisposed) isolate.dispose();
  }
}

async function logsOf(tools) {
  try {
    const logs = await tools.get('logs', { reference: true });
    return String(await logs.apply(undefined, [], { timeout: 1000 })).slice(-LOG_CAP);
  } catch {
    return '';
  }
}

/** Reads `<length>\n<json>` frames from stdin, one request at a time. */
async function* requests() {
  let buf = Buffer.alloc(0);
  let parts = [];
  let pending = 0;
  let need = 0;
  for await (const chunk of process.stdin) {
    parts.push(chunk);
    pending += chunk.length;
    if (buf.length + pending < need) continue; // join once per frame, not once per chunk
    buf = Buffer.concat([buf, ...parts]);
    parts = [];
    pending = 0;
    need = 0;
    for (;;) {
      const nl = buf.indexOf(10);
      if (nl < 0) break;
      const n = Number(buf.subarray(0, nl).toString('latin1'));
      if (buf.length < nl + 1 + n) {
        need = nl + 1 + n;
        break;
      }
      yield JSON.parse(buf.subarray(nl + 1, nl + 1 + n).toString('utf8'));
      buf = buf.subarray(nl + 1 + n);
    }
  }
}

respond({ ready: true, pid: process.pid });
for await (const req of requests()) respond(await runOne(req));
