// Re-checks a stored result in a fresh process from its output data alone: the verdict must not
// depend on anything that lived in the evolving process.
import { spawn } from 'node:child_process';
import type { Verdict } from '../engine/problem.js';
import { safeVerify } from '../engine/evaluator.js';
import { decodeJson, encodeJson } from '../engine/data-json.js';
import { findProblem } from '../packs/registry.js';

/** Entry point of `evolab __reverify`: reads {problem, output} JSON on stdin, prints the verdict. */
export async function reverifyMain(): Promise<void> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  const { problem: id, output } = decodeJson(text) as { problem: string; output: unknown };
  const problem = findProblem(id);
  if (!problem) throw new Error(`unknown problem ${id}`);
  const stages = problem.stages ?? [];
  const verdict = safeVerify(problem, output, stages.length ? stages[stages.length - 1] : null);
  process.stdout.write(JSON.stringify(verdict));
}

export function reverifyInFreshProcess(problemId: string, output: unknown): Promise<Verdict> {
  const payload = encodeJson({ problem: problemId, output });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1], '__reverify'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(out) as Verdict);
      } catch {
        reject(new Error(`re-verification process failed (code ${code}): ${err.trim().slice(0, 500)}`));
      }
    });
    child.stdin.end(payload);
  });
}
