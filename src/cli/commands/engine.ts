// The engine's subcommands: problems, run, resume, best, eval, doctor.
import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Progress, RunSummary } from '../../engine/controller.js';
import { evolve as evolveApi, openRun as openRunApi } from '../../index.js';
import { storedConfig, type RunConfig } from '../../engine/config.js';
import { evaluateProgram } from '../../engine/evaluator.js';
import { sandboxLayers } from '../../engine/sandbox/report.js';
import { pythonRuntime } from '../../engine/sandbox/runtimes.js';
import { refusal, sandboxMode, UNSAFE_ENV } from '../../engine/sandbox/sandbox.js';
import { openSqliteStore } from '../../engine/store/sqlite-store.js';
import type { RunStore } from '../../engine/store/store.js';
import { allProblems } from '../../packs/registry.js';
import type { Mutator } from '../../engine/mutator.js';
import { llmUsageFromRecords } from '../../engine/llm/index.js';
import { action, printJson, UsageError } from '../errors.js';
import { endProgress, progressPrinter } from '../progress.js';
import { reverifyInFreshProcess } from '../reverify.js';
import { buildConfig, createMutator, loadFolderOrExit, problemOfRun, problemOrExit, withLlmFlags, type RunFlags } from '../run-setup.js';
import { looksLikeFolder } from '../../engine/folder/load.js';
import type { Problem } from '../../engine/problem.js';

const STORE_FILE = 'run.db';

/**
 * A folder problem's initial program must evaluate before a run starts, so that a broken
 * evaluator or program is a usage error that leaves no run behind.
 */
async function preflight(problem: Problem): Promise<void> {
  if (problem.language === 'python') {
    try {
      pythonRuntime();
    } catch (e) {
      throw new UsageError(`${problem.origin?.path ?? problem.id}: ${(e as Error).message}`);
    }
  }
  const ev = await evaluateProgram(problem, problem.initialProgram);
  if (ev.status !== 'valid') {
    const log = ev.stderrTail.trim() ? `\n${ev.stderrTail.trim().split('\n').slice(-8).join('\n')}` : '';
    throw new UsageError(`${problem.origin?.path ?? problem.id}: the initial program does not evaluate to a valid result (${ev.reason})${log}`);
  }
}

/** Refuses to run candidates without the OS jail, unless the user opted out by name (loudly). */
function jailGate(unsafe: boolean | undefined): void {
  if (unsafe) process.env[UNSAFE_ENV] = '1';
  const why = refusal();
  if (why) throw new UsageError(why);
  const mode = sandboxMode();
  if (!mode.jailed) process.stderr.write(`evolab: WARNING: candidates run WITHOUT the OS jail (${mode.why}); model-written code can act as this user\n`);
}

function timestamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace(/\..+/, '').replace('T', '-');
}

function openRun(runDir: string): RunStore {
  const file = join(runDir, STORE_FILE);
  if (!existsSync(file)) throw new UsageError(`${runDir} is not a run directory (no ${STORE_FILE} in it)`);
  return openSqliteStore(file);
}

/** Ctrl-C once: finish in-flight candidates; twice: abandon them. */
function interruptSignals(quiet: boolean): { stop: AbortController; abort: AbortController; dispose: () => void } {
  const stop = new AbortController();
  const abort = new AbortController();
  const onSignal = () => {
    if (!stop.signal.aborted) {
      if (!quiet) process.stderr.write('\nevolab: stopping after the candidates in flight (Ctrl-C again to abandon them)\n');
      stop.abort();
    } else abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { stop, abort, dispose: () => { process.off('SIGINT', onSignal); process.off('SIGTERM', onSignal); } };
}

/** Runs `go` (a library evolve or resume) under Ctrl-C handling and a progress line, then reports. */
async function execute(problem: Problem, mutator: Mutator, json: boolean, runDir: string, go: (o: { signal: AbortSignal; abort: AbortSignal; onProgress: (p: Progress) => void }) => Promise<RunSummary>): Promise<void> {
  const status = (mutator as { progress?: () => string }).progress;
  const signals = interruptSignals(json);
  let summary: RunSummary;
  try {
    summary = await go({
      signal: signals.stop.signal,
      abort: signals.abort.signal,
      onProgress: progressPrinter(problem.id, !json, status ? () => status.call(mutator) : undefined),
    });
  } finally {
    signals.dispose();
    endProgress();
  }
  let reverified: boolean | null = null;
  if (summary.best) {
    const rec = openRunApi(runDir).candidates().find((r) => r.seq === summary.best!.seq)!;
    const verdict = await reverifyInFreshProcess(problem, rec.output);
    reverified = verdict.valid && verdict.metrics[problem.primaryMetric] === summary.best.score;
  }
  const result = { runDir, ...summary, best: summary.best ? { ...summary.best, reverified } : null };
  if (json) printJson(result);
  else {
    const b = result.best;
    process.stdout.write(
      `${problem.id}: ${summary.candidates} candidates, ${summary.evaluations} evaluated, ${summary.valid} valid, ` +
        `${summary.cacheHits} cache hits, ${summary.failedDiffs} failed diffs; stopped by ${summary.stoppedBy}` +
        (summary.message ? ` (${summary.message})` : '') + '\n' +
        (b ? `best ${problem.primaryMetric} = ${b.score} (#${b.seq}, ${b.hash.slice(0, 12)}; re-verified in a fresh process: ${b.reverified ? 'yes' : 'NO'})\n` : '') +
        `run directory: ${runDir}  (evolab best ${runDir})\n`,
    );
  }
  if (result.best && result.best.reverified === false) process.exitCode = 1;
}

export function register(program: Command): void {
  program
    .command('problems')
    .description('list the problems every pack provides')
    .option('--json', 'print JSON')
    .action(action((opts: { json?: boolean }) => {
      const list = allProblems().map((p) => ({
        id: p.id,
        aliases: p.aliases ?? [],
        pack: p.pack,
        title: p.title,
        primaryMetric: p.primaryMetric,
        direction: p.metrics.find((m) => m.name === p.primaryMetric)?.direction,
        description: p.description,
      }));
      if (opts.json) printJson(list);
      else for (const p of list) process.stdout.write(`${p.id.padEnd(34)} ${p.pack.padEnd(14)} ${p.direction} ${p.primaryMetric.padEnd(14)} ${p.title}\n`);
    }));

  program
    .command('run <problem>')
    .description('start an evolution run')
    .option('--iterations <n>', 'candidates to generate after the initial program')
    .option('--time <seconds>', 'wall-clock budget for this invocation')
    .option('--workers <n>', 'concurrent evaluations (default: CPU count)')
    .option('--seed <s>', 'random seed (same seed and --workers 1 give the same history)')
    .option('--plateau <n>', 'stop after n candidates without a new best')
    .option('--mutator <kind>', 'offline | replay | llm | mixed')
    .option('--replay <file>', 'JSONL file of changes for --mutator replay')
    .option('--llm-base-url <url>', 'OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, LM Studio, OpenRouter)')
    .option('--llm-model <names>', 'model name(s), comma-separated for an ensemble')
    .option('--llm-api-key-env <var>', 'environment variable holding the API key (the key itself is never stored)')
    .option('--max-llm-calls <n>', 'stop gracefully after this many model calls')
    .option('--max-cost-usd <x>', 'stop gracefully once this much has been spent (needs prices in the config)')
    .option('--llm-share <p>', 'share of LLM mutations with --mutator mixed (0..1)')
    .option('--out <dir>', 'run directory (default runs/<problem>-<timestamp>)')
    .option('--config <file>', 'YAML or JSON file with the same settings')
    .option('--unsafe-no-jail', 'run candidates WITHOUT the OS jail where it cannot be built (dangerous: model-written code runs as you)')
    .option('--json', 'print a JSON summary at the end')
    .action(action(async (id: string, opts: RunFlags & { out?: string; json?: boolean; unsafeNoJail?: boolean }) => {
      jailGate(opts.unsafeNoJail);
      const folder = looksLikeFolder(id) ? loadFolderOrExit(id) : null;
      const problem = folder ? folder.problem : problemOrExit(id);
      const config = buildConfig(opts, folder?.openevolve?.config);
      if (folder?.openevolve?.ignored.length && !opts.json) process.stderr.write(`evolab: config.yaml settings not used by evolab: ${folder.openevolve.ignored.join(', ')}\n`);
      if (folder) await preflight(problem);
      const runDir = resolve(opts.out ?? join('runs', `${problem.id}-${timestamp()}`));
      if (existsSync(join(runDir, STORE_FILE))) throw new UsageError(`--out ${runDir} already holds a run (use \`evolab resume ${runDir}\`)`);
      const mutator = await createMutator(config); // before the run directory exists: bad settings leave nothing behind
      await execute(problem, mutator, opts.json === true, runDir, (o) => evolveApi({ problem, out: runDir, config, mutator, ...o }));
    }));

  program
    .command('resume <runDir>')
    .description('continue a stopped or killed run from its store')
    .option('--iterations <n>', 'more candidates to generate (default: up to the original target)')
    .option('--workers <n>', 'concurrent evaluations')
    .option('--time <seconds>', 'wall-clock budget for this invocation')
    .option('--max-llm-calls <n>', 'new cap on model calls for the whole run')
    .option('--max-cost-usd <x>', 'new cap on spending for the whole run')
    .option('--unsafe-no-jail', 'run candidates WITHOUT the OS jail where it cannot be built (dangerous: model-written code runs as you)')
    .option('--json', 'print a JSON summary at the end')
    .action(action(async (dir: string, opts: { iterations?: string; workers?: string; time?: string; json?: boolean; maxLlmCalls?: string; maxCostUsd?: string; unsafeNoJail?: boolean }) => {
      jailGate(opts.unsafeNoJail);
      const runDir = resolve(dir);
      const store = openRun(runDir);
      const meta = store.meta();
      if (!meta) throw new UsageError(`${runDir}: the store holds no run metadata`);
      let config: RunConfig;
      try {
        config = storedConfig(meta.config, 1);
      } catch (e) {
        throw new Error(`${runDir}: the stored configuration is not valid: ${(e as Error).message}`);
      }
      const last = store.lastCheckpoint()?.seq ?? 0;
      const more = opts.iterations === undefined ? undefined : buildConfig({ iterations: opts.iterations }).iterations;
      if (more !== undefined) config = { ...config, iterations: last + more };
      if (opts.workers !== undefined) config = { ...config, workers: buildConfig({ workers: opts.workers }).workers };
      config = { ...config, timeSeconds: opts.time === undefined ? null : buildConfig({ time: opts.time }).timeSeconds };
      config = withLlmFlags(config, { maxLlmCalls: opts.maxLlmCalls, maxCostUsd: opts.maxCostUsd });
      const mutator = await createMutator(config);
      store.close();
      const problem = problemOfRun(meta);
      await execute(problem, mutator, opts.json === true, runDir, (o) => openRunApi(runDir).resume({ config, mutator, problem, ...o }));
    }));

  program
    .command('best <runDir>')
    .description("print a run's best program and its metrics")
    .option('--json', 'print JSON')
    .action(action((dir: string, opts: { json?: boolean }) => {
      const store = openRun(resolve(dir));
      const meta = store.meta();
      const records = store.all();
      const all = records.filter((r) => r.status === 'valid');
      store.close();
      const usage = llmUsageFromRecords(records);
      const llm = usage.state.calls > 0 ? usage : null;
      if (!meta || all.length === 0) throw new Error(`${dir}: no valid program stored yet`);
      const problem = problemOfRun(meta);
      const b = all.reduce((x, y) => (y.fitness > x.fitness ? y : x));
      const out = { problem: problem.id, seq: b.seq, hash: b.hash, score: b.metrics[problem.primaryMetric], metrics: b.metrics, generation: b.generation, source: b.source, llm: llm ? llm.state : null };
      if (opts.json) printJson(out);
      else process.stdout.write(`# ${problem.id}: best ${problem.primaryMetric} = ${out.score} (#${b.seq}, generation ${b.generation}, ${b.hash.slice(0, 12)})\n# metrics ${JSON.stringify(b.metrics)}\n${llm ? `# ${llm.summary}\n` : ''}${b.source}`);
    }));

  program
    .command('eval <problem> <programFile>')
    .description('evaluate one program file through the sandbox and verifier')
    .option('--timeout <ms>', "wall-clock limit per stage (default: the problem's)")
    .option('--memory <mb>', "memory limit (default: the problem's)")
    .option('--unsafe-no-jail', 'run candidates WITHOUT the OS jail where it cannot be built (dangerous: model-written code runs as you)')
    .option('--json', 'print JSON')
    .action(action(async (id: string, file: string, opts: { json?: boolean; timeout?: string; memory?: string; unsafeNoJail?: boolean }) => {
      const base = problemOrExit(id);
      jailGate(opts.unsafeNoJail);
      const positive = (flag: string, v: string | undefined, min: number) => {
        if (v === undefined) return undefined;
        const n = Number(v);
        if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag}: expected an integer ≥ ${min}, got ${JSON.stringify(v)}`);
        return n;
      };
      const timeoutMs = positive('--timeout', opts.timeout, 1);
      if (timeoutMs !== undefined && timeoutMs > 2_147_483_647) throw new UsageError('--timeout: at most 2147483647 ms');
      const memoryMb = positive('--memory', opts.memory, 16);
      const problem = { ...base, timeoutMs: timeoutMs ?? base.timeoutMs, memoryMb: memoryMb ?? base.memoryMb, stages: base.stages?.map((st) => ({ ...st, timeoutMs: timeoutMs ?? st.timeoutMs })) };
      let source: string;
      try {
        source = readFileSync(file, 'utf8');
      } catch (e) {
        throw new UsageError(`cannot read program file ${file}: ${(e as Error).message}`);
      }
      const ev = await evaluateProgram(problem, source);
      const out = { problem: problem.id, status: ev.status, valid: ev.status === 'valid', score: ev.status === 'valid' ? ev.metrics[problem.primaryMetric] : null, metrics: ev.metrics, reason: ev.reason, stages: ev.stages, runMs: ev.runMs, logTail: ev.stderrTail };
      if (opts.json) printJson(out);
      else if (ev.status === 'valid') process.stdout.write(`valid: ${problem.primaryMetric} = ${out.score}\nmetrics ${JSON.stringify(ev.metrics)}\n`);
      else process.stdout.write(`${ev.status}: ${ev.reason}\n`);
    }));

  program
    .command('doctor')
    .description('show each layer of the sandbox and whether it is active on this machine')
    .option('--json', 'print JSON')
    .action(action(async (opts: { json?: boolean }) => {
      const layers = await sandboxLayers();
      const out = { node: process.version, platform: `${process.platform}-${process.arch}`, jailed: layers.find((l) => l.name === 'jail')!.ok, layers };
      if (opts.json) printJson(out);
      else {
        process.stdout.write(`node ${out.node} on ${out.platform}\n`);
        for (const l of layers) process.stdout.write(`${l.ok ? 'ok  ' : 'FAIL'} ${l.name.padEnd(12)} ${l.detail}\n`);
      }
    }));
}
