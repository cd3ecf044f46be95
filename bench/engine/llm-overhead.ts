// Orchestration overhead of one LLM-driven mutation, excluding model latency: the scripted
// server answers at once, so the time measured is prompt building, the SDK's HTTP round trip on
// 127.0.0.1, answer parsing and bookkeeping. Usage: npx tsx bench/engine/llm-overhead.ts [iterations]
import { createRng } from '../../src/core/rng.js';
import type { CandidateRecord } from '../../src/engine/candidate.js';
import type { Problem } from '../../src/engine/problem.js';
import { createChatClient } from '../../src/engine/llm/client.js';
import { parseLlmConfig } from '../../src/engine/llm/config.js';
import { createLlmMutator } from '../../src/engine/llm/mutator.js';
import { buildPrompt } from '../../src/engine/llm/prompt.js';
import { parseAnswer } from '../../src/engine/llm/response.js';
import { startScriptedLlmServer } from '../../test/helpers/scripted-llm-server.js';

const N = Number(process.argv[2] ?? 300);

// A program of realistic size: ~60 lines in the block, like a circle-packing constructor.
const body = Array.from({ length: 60 }, (_, i) => `  const c${i} = [${(i * 0.0137).toFixed(4)}, ${(1 - i * 0.011).toFixed(4)}, ${(0.05 + i * 0.001).toFixed(4)}];`).join('\n');
const SOURCE = `// Packing constructor.\nexport function run(input) {\n  // EVOLVE-BLOCK-START\n${body}\n  const all = [${Array.from({ length: 60 }, (_, i) => `c${i}`).join(', ')}];\n  // EVOLVE-BLOCK-END\n  return { circles: all };\n}\n`;

const problem: Problem = {
  id: 'bench',
  pack: 'bench',
  title: 'Circle packing (benchmark stand-in)',
  description: 'Place 60 circles in the unit square maximising the sum of radii.',
  initialProgram: SOURCE,
  metrics: [{ name: 'sum_radii', direction: 'max', description: 'sum of radii' }],
  primaryMetric: 'sum_radii',
  descriptors: [],
  verify: () => ({ valid: true, metrics: { sum_radii: 1 } }),
};

function rec(seq: number, fitness: number): CandidateRecord {
  return {
    seq, hash: `h${seq}`, source: SOURCE, parentSeq: seq > 0 ? seq - 1 : null, island: 0, generation: seq, status: 'valid',
    diff: '<<<<<<< SEARCH\n  const c1 = [0.0137, 0.9890, 0.0510];\n=======\n  const c1 = [0.0140, 0.9890, 0.0510];\n>>>>>>> REPLACE\n',
    mutator: 'llm', metrics: { sum_radii: fitness }, features: {}, fitness, reason: null,
    stderrTail: 'warning: slow convergence at iteration 812\n'.repeat(20),
    stages: [{ stage: 'quick', valid: true, metrics: { sum_radii: fitness }, ms: 12 }, { stage: 'full', valid: true, metrics: { sum_radii: fitness }, ms: 140 }],
    timings: { mutateMs: 0, runMs: 150, verifyMs: 2 }, output: null, mutatorData: null, createdAt: '2026-01-01T00:00:00.000Z',
  };
}

const ANSWER = 'Nudge circle 1 right to free space near the corner.\n\n<<<<<<< SEARCH\n  const c1 = [0.0137, 0.9890, 0.0510];\n=======\n  const c1 = [0.0152, 0.9890, 0.0512];\n>>>>>>> REPLACE\n';

function stats(xs: number[]): { median: number; p95: number; mean: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)], mean: xs.reduce((a, b) => a + b, 0) / xs.length };
}

const f = (x: number): string => x.toFixed(3);

async function main(): Promise<void> {
  const srv = await startScriptedLlmServer([{ content: ANSWER, usage: { prompt_tokens: 3000, completion_tokens: 120 } }]);
  try {
    const config = parseLlmConfig({ baseUrl: srv.url, models: 'bench-model', diffMode: 'diff', maxInspirations: 5, prices: { 'bench-model': { inputPerMTok: 1, outputPerMTok: 4 } } });
    const mutator = createLlmMutator(config);
    const client = createChatClient({ baseUrl: srv.url, apiKeyEnv: null, timeoutMs: 10_000, maxRetries: 0, retryBaseMs: 0, retryMaxMs: 0 });
    const parent = rec(9, 2.5);
    const inspirations = [rec(20, 2.6), rec(21, 2.55), rec(22, 2.4), rec(23, 2.3), rec(24, 2.2)];
    const ancestors = [rec(8, 2.45), rec(7, 2.4), rec(6, 2.3), rec(5, 2.1)];
    const rng = createRng('bench');
    const promptIn = { problem, parent, inspirations, ancestors, attempts: [], mode: 'diff' as const, instruction: null, extraInstructions: '', maxInspirations: 5, maxAncestors: 4, feedbackMaxChars: 3000 };

    const propose: number[] = [];
    const prompt: number[] = [];
    const parse: number[] = [];
    const http: number[] = [];
    const raw: number[] = [];
    let promptChars = 0;
    let dataBytes = 0;
    for (let i = -20; i < N; i++) {
      let t = performance.now();
      const built = buildPrompt(promptIn, rng);
      const tp = performance.now() - t;
      t = performance.now();
      parseAnswer(ANSWER, { mode: 'diff', blockCount: 1 });
      const tr = performance.now() - t;
      t = performance.now();
      await client.complete({ model: 'bench-model', messages: built.messages, temperature: 0.7, maxTokens: 100, random: () => 0.5 });
      const th = performance.now() - t;
      t = performance.now();
      const res = await fetch(`${srv.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'bench-model', messages: built.messages }) });
      await res.json();
      const tf = performance.now() - t;
      t = performance.now();
      const p = await mutator.propose({ problem, parent, inspirations, ancestors, rng, seq: 100 + i });
      const tm = performance.now() - t;
      if (i >= 0) {
        prompt.push(tp); parse.push(tr); http.push(th); raw.push(tf); propose.push(tm);
        promptChars = built.messages.reduce((n, m) => n + m.content.length, 0);
        dataBytes = Buffer.byteLength(JSON.stringify(p.data));
      }
    }
    const rows: [string, number[]][] = [['propose() end to end', propose], ['  build prompt', prompt], ['  parse answer', parse], ['  SDK HTTP round trip (127.0.0.1)', http], ['  plain fetch round trip, same body', raw]];
    console.log(`node ${process.version}, ${N} iterations after 20 warm-up; prompt ${promptChars} chars, stored data ${dataBytes} bytes per candidate`);
    console.log('| step | median ms | p95 ms | mean ms |');
    console.log('|---|---|---|---|');
    for (const [name, xs] of rows) {
      const s = stats(xs);
      console.log(`| ${name} | ${f(s.median)} | ${f(s.p95)} | ${f(s.mean)} |`);
    }
    console.log(`ledger after the run: ${mutator.progress()}`);
  } finally {
    await srv.close();
  }
}

await main();
