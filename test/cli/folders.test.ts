// Problem folders from the command line: the three examples end to end, candidates that try to
// fool a Python evaluator, bad folders refused before any run exists, and an OpenEvolve-layout
// folder run unchanged (offline and with a scripted LLM) whose metrics match its own evaluator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, evolab, evolabAsync } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';
import { startScriptedLlmServer } from '../helpers/scripted-llm-server.js';
import { pythonRuntime, PYTHON_DIR } from '../../src/engine/sandbox/runtimes.js';

const dir = mkdtempSync(join(tmpdir(), 'evolab-folders-'));
const EXAMPLES = join(repoRoot(), 'examples');
test.after(() => rmSync(dir, { recursive: true, force: true }));

interface Summary { candidates: number; valid: number; stoppedBy: string; best: { score: number; reverified: boolean } }

function count(runDir: string): number {
  const r = evolab(['best', runDir, '--json']);
  return r.code === 0 ? 1 : 0;
}

for (const [name, program] of [['spread-points-js', 'initial.js'], ['rastrigin-python', 'initial.py'], ['openevolve-minimize', 'initial_program.py']] as const) {
  test(`example ${name}: run 30 candidates, Ctrl-C a second run, resume it, best, eval`, async () => {
    const folder = join(EXAMPLES, name);
    const out = join(dir, `${name}-run`);
    const r = evolab(['run', folder, '--iterations', '30', '--workers', '2', '--seed', '1', '--out', out, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout) as Summary;
    assert.equal(s.candidates, 31);
    assert.ok(s.valid >= 20, `${s.valid} valid`);
    assert.equal(s.best.reverified, true);

    const stopped = join(dir, `${name}-stopped`);
    const child = spawn(process.execPath, [CLI, 'run', folder, '--iterations', '5000', '--workers', '1', '--out', stopped, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const deadline = Date.now() + 30_000;
    while (!existsSync(join(stopped, 'run.db')) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));
    await new Promise((res) => setTimeout(res, 1200));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((res) => child.on('close', res));
    assert.equal(code, 0);
    const interrupted = JSON.parse(stdout) as Summary;
    assert.equal(interrupted.stoppedBy, 'interrupt');
    assert.ok(interrupted.candidates < 5001);
    const resumed = evolab(['resume', stopped, '--iterations', '5', '--json']);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.equal((JSON.parse(resumed.stdout) as Summary).candidates, interrupted.candidates + 5);
    assert.equal(count(stopped), 1);

    const best = JSON.parse(evolab(['best', out, '--json']).stdout) as { score: number; source: string; problem: string };
    assert.equal(best.score, s.best.score);
    const file = join(dir, `${name}-best-${program}`);
    writeFileSync(file, best.source);
    const ev = JSON.parse(evolab(['eval', folder, file, '--json']).stdout) as { valid: boolean; score: number };
    assert.equal(ev.valid, true);
    assert.equal(ev.score, s.best.score);
  });
}

test('python: a candidate that prints a fake score, edits the evaluator or patches builtins gains nothing', () => {
  const folder = join(dir, 'rastrigin-copy');
  cpSync(join(EXAMPLES, 'rastrigin-python'), folder, { recursive: true });
  const evaluator = readFileSync(join(folder, 'evaluate.py'), 'utf8');
  const file = join(dir, 'cheat.py');
  writeFileSync(file, `# EVOLVE-BLOCK-START
# EVOLVE-BLOCK-END
import builtins, json, math, sys
def run(input):
    print(json.dumps({"metrics": {"value": 0.0}, "valid": True}))
    sys.stderr.write('{"value": 0}\\n')
    try:
        open(${JSON.stringify(join(folder, 'evaluate.py'))}, "w").write("def verify(o, i):\\n    return {'metrics': {'value': -1e9}}\\n")
    except Exception as e:
        print("edit failed:", type(e).__name__)
    builtins.sum = lambda *a, **k: -1e9
    math.cos = lambda v: 1e9
    return {"x": [1.0, 1.0, 1.0, 1.0, 1.0, 1.0], "value": -1e9, "metrics": {"value": -1e9}}
`);
  const r = evolab(['eval', folder, file, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const ev = JSON.parse(r.stdout) as { valid: boolean; score: number; logTail: string };
  assert.equal(ev.valid, true);
  // Rastrigin at (1, …, 1): each coordinate contributes 1 - 10 cos(2π) + 10 = 1.
  assert.ok(Math.abs(ev.score - 6) < 1e-9, `score ${ev.score}`);
  assert.match(ev.logTail, /edit failed: (OSError|PermissionError|FileNotFoundError)/);
  assert.equal(readFileSync(join(folder, 'evaluate.py'), 'utf8'), evaluator);
});

/** Writes a problem folder from a file map, then runs `evolab run` on it. */
function badFolder(name: string, files: Record<string, string>): { code: number | null; stderr: string; runDir: string } {
  const folder = join(dir, name);
  rmSync(folder, { recursive: true, force: true });
  cpSync(join(EXAMPLES, 'rastrigin-python'), folder, { recursive: true });
  for (const [f, text] of Object.entries(files)) {
    if (text === '') rmSync(join(folder, f));
    else writeFileSync(join(folder, f), text);
  }
  const runDir = join(dir, `${name}-out`);
  const r = evolab(['run', folder, '--iterations', '3', '--out', runDir]);
  return { code: r.code, stderr: r.stderr, runDir };
}

test('bad folders are refused with the file and field named, exit 2, and no run created', () => {
  const manifest = readFileSync(join(EXAMPLES, 'rastrigin-python', 'evolab.yaml'), 'utf8');
  const cases: [string, Record<string, string>, RegExp][] = [
    ['no-manifest', { 'evolab.yaml': '' }, /evolab\.yaml: no such file/],
    ['unknown-key', { 'evolab.yaml': manifest + 'populaton: 10\n' }, /evolab\.yaml: populaton: unknown key/],
    ['missing-program', { 'evolab.yaml': manifest.replace('program: initial.py', 'program: nowhere.py') }, /evolab\.yaml: program: expected an existing file/],
    ['wrong-language', { 'evolab.yaml': manifest.replace('program: initial.py', 'program: initial.py\nlanguage: javascript') }, /evolab\.yaml: language: expected "python" for initial\.py/],
    ['bad-direction', { 'evolab.yaml': manifest.replace('direction: min', 'direction: down') }, /evolab\.yaml: metrics\[0\]\.direction: expected "max" or "min"/],
    ['missing-data', { 'evolab.yaml': manifest + 'data: [nowhere]\n' }, /evolab\.yaml: data\[0\]: expected an existing folder/],
    ['evaluator-crashes', { 'evaluate.py': 'def verify(output, input):\n    raise RuntimeError("evaluator bug")\n' }, /evaluate\.py failed: run error: RuntimeError: evaluator bug/],
    ['evaluator-non-number', { 'evaluate.py': 'def verify(output, input):\n    return {"metrics": {"value": "low"}}\n' }, /evaluate\.py: metric value is "low", not a finite number/],
    ['evaluator-nan', { 'evaluate.py': 'def verify(output, input):\n    return {"metrics": {"value": float("nan")}}\n' }, /evaluate\.py: metric value is .*NaN.*not a finite number/],
  ];
  for (const [name, files, message] of cases) {
    const r = badFolder(name, files);
    assert.equal(r.code, 2, `${name}: exit ${r.code}: ${r.stderr}`);
    assert.match(r.stderr, message, name);
    assert.ok(!existsSync(r.runDir), `${name}: a run directory was created`);
  }
  const noPython = evolab(['run', join(EXAMPLES, 'rastrigin-python'), '--iterations', '1', '--out', join(dir, 'no-python')], { ...process.env, EVOLAB_PYTHON: join(dir, 'no-such-python') });
  assert.equal(noPython.code, 2, noPython.stderr);
  assert.match(noPython.stderr, /the Python interpreter .*no-such-python did not answer/);
  assert.ok(!existsSync(join(dir, 'no-python')));
});

function directMetrics(folder: string, source: string): Record<string, number> {
  const program = join(dir, 'direct_program.py');
  writeFileSync(program, source);
  const script = `import json, sys\nsys.path[:0] = [${JSON.stringify(join(PYTHON_DIR, 'shim'))}, ${JSON.stringify(folder)}]\nimport evaluator\nr = evaluator.evaluate(${JSON.stringify(program)})\nprint(json.dumps(getattr(r, 'metrics', r)))\n`;
  const r = spawnSync(pythonRuntime().executable, ['-c', script], { encoding: 'utf8', cwd: folder });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number>;
}

test('OpenEvolve layout: runs unchanged offline and with a scripted LLM; metrics equal its own evaluator called directly', async () => {
  const folder = join(EXAMPLES, 'openevolve-minimize');
  const offline = join(dir, 'oe-offline');
  const r = evolab(['run', folder, '--iterations', '12', '--workers', '1', '--out', offline, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const best = JSON.parse(evolab(['best', offline, '--json']).stdout) as { metrics: Record<string, number>; source: string };
  const direct = directMetrics(folder, best.source);
  for (const k of ['combined_score', 'value_score', 'distance_score', 'value']) assert.equal(best.metrics[k], direct[k], k);

  const srv = await startScriptedLlmServer(() => ({
    content: 'Take more, smaller steps.\n<<<<<<< SEARCH\nITERATIONS = 400\nSTEP = 0.5\n=======\nITERATIONS = 900\nSTEP = 0.3\n>>>>>>> REPLACE\n',
  }), { models: ['qwen2.5-coder:7b'] });
  try {
    const llmRun = join(dir, 'oe-llm');
    const res = await evolabAsync(['run', folder, '--mutator', 'llm', '--llm-base-url', srv.url, '--llm-model', 'qwen2.5-coder:7b', '--max-llm-calls', '3', '--iterations', '3', '--workers', '1', '--out', llmRun, '--json']);
    assert.equal(res.code, 0, res.stderr);
    const prompt = srv.chatRequests()[0].messages.map((m) => m.content).join('\n');
    assert.match(prompt, /You improve a numerical search routine/, "config.yaml's prompt.system_message reaches the model");
    assert.match(prompt, /```python/);
    const llmBest = JSON.parse(evolab(['best', llmRun, '--json']).stdout) as { metrics: Record<string, number>; source: string };
    assert.match(llmBest.source, /ITERATIONS = 900/);
    assert.equal(llmBest.metrics.combined_score, directMetrics(folder, llmBest.source).combined_score);
  } finally {
    await srv.close();
  }
});

test('OpenEvolve config.yaml: settings evolab maps are used and the others are named', () => {
  const out = join(dir, 'oe-config');
  const r = evolab(['run', join(EXAMPLES, 'openevolve-minimize'), '--workers', '1', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /config\.yaml settings not used by evolab: .*log_level.*database\.population_size/);
  assert.match(r.stdout, /31 candidates/, 'max_iterations: 30 from config.yaml');
});

test('any language by command templates: a C program built and run in the jail, scored by an evaluator command', () => {
  const folder = join(dir, 'c-problem');
  rmSync(folder, { recursive: true, force: true });
  cpSync(join(EXAMPLES, 'rastrigin-python'), folder, { recursive: true });
  writeFileSync(join(folder, 'evolab.yaml'), [
    'id: c-double',
    'description: "A C program doubles input.x and prints {\\"value\\": ...}; higher is better."',
    'language: command',
    'program: initial.c',
    'build: ["cc", "-O2", "-o", "{scratch}/prog", "{program}"]',
    'run: ["{scratch}/prog"]',
    'evaluator:',
    '  command: ["python3", "score.py"]',
    'metrics:',
    '  - name: value',
    '    direction: max',
    'input: {x: 21}',
    '',
  ].join('\n'));
  writeFileSync(join(folder, 'initial.c'), '#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n// EVOLVE-BLOCK-START\n#define FACTOR 2\n// EVOLVE-BLOCK-END\nint main(void) {\n  char b[256]; size_t n = fread(b, 1, 255, stdin); b[n] = 0;\n  char *p = strstr(b, "\\"x\\":");\n  long x = p ? strtol(p + 4, 0, 10) : 0;\n  fprintf(stderr, "read x=%ld\\n", x);\n  printf("{\\"value\\": %ld}\\n", FACTOR * x);\n  return 0;\n}\n');
  writeFileSync(join(folder, 'score.py'), 'import json, sys\ndata = json.load(sys.stdin)\nprint(json.dumps({"metrics": {"value": data["output"]["value"]}}))\n');
  const r = evolab(['eval', folder, join(folder, 'initial.c'), '--json']);
  assert.equal(r.code, 0, r.stderr);
  const ev = JSON.parse(r.stdout) as { valid: boolean; score: number; logTail: string };
  assert.equal(ev.valid, true, r.stdout);
  assert.equal(ev.score, 42);
  assert.match(ev.logTail, /read x=21/);
  const peek = join(dir, 'peek.sh');
  writeFileSync(peek, `# EVOLVE-BLOCK-START\n# EVOLVE-BLOCK-END\nif cat ${JSON.stringify(join(folder, 'score.py'))} >/dev/null 2>&1; then echo '{"value": 1}'; else echo '{"value": 0}'; fi\n`);
  writeFileSync(join(folder, 'peek.yaml'), '');
  const shFolder = join(dir, 'sh-problem');
  cpSync(folder, shFolder, { recursive: true });
  writeFileSync(join(shFolder, 'evolab.yaml'), readFileSync(join(folder, 'evolab.yaml'), 'utf8').replace('program: initial.c', 'program: peek.sh').replace(/build: .*\n/, '').replace('run: ["{scratch}/prog"]', 'run: ["/bin/sh", "{program}"]'));
  writeFileSync(join(shFolder, 'peek.sh'), readFileSync(peek, 'utf8').replace(JSON.stringify(join(folder, 'score.py')), JSON.stringify(join(shFolder, 'score.py'))));
  const peeked = JSON.parse(evolab(['eval', shFolder, join(shFolder, 'peek.sh'), '--json']).stdout) as { valid: boolean; score: number };
  assert.equal(peeked.valid, true);
  assert.equal(peeked.score, 0, 'a command program read the problem folder (its evaluator and what it compares against)');
  const broken = join(dir, 'broken.c');
  writeFileSync(broken, '// EVOLVE-BLOCK-START\n// EVOLVE-BLOCK-END\nint main(void) { return syntax error; }\n');
  const bad = JSON.parse(evolab(['eval', folder, broken, '--json']).stdout) as { valid: boolean; reason: string; logTail: string };
  assert.equal(bad.valid, false);
  assert.match(bad.reason, /exit status 125/);
  assert.match(bad.logTail, /error/);
});

test('evolab init writes a folder that evolab run evolves at once, and never overwrites one', () => {
  for (const args of [['--language', 'javascript'], ['--language', 'python'], ['--from', 'openevolve']]) {
    const target = join(dir, `init-${args[1]}`);
    const r = evolab(['init', target, ...args, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const run = evolab(['run', target, '--iterations', '5', '--workers', '1', '--out', join(dir, `init-run-${args[1]}`), '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as Summary).best.reverified, true);
    const again = evolab(['init', target, ...args]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists and is not empty/);
  }
  const bad = evolab(['init', join(dir, 'init-bad'), '--language', 'cobol']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /Allowed choices are javascript, python/);
});
