// Re-checks a stored result in a fresh process from its output data alone: the verdict must not
// depend on anything that lived in the evolving process.
import { spawn } from 'node:child_process';
import type { Problem, Verdict } from '../engine/problem.js';
import { loadProblemFolder } from '../engine/folder/load.js';
import { safeVerify } from '../engine/evaluator.js';
import { decodeJson, encodeJson } from '../engine/data-json.js';
import { findProblem } from '../packs/registry.js';

/** Entry point of `evolab __reverify`: reads {problem, output} JSON on stdin, prints the verdict. */
export async function reverifyMain(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const { problem: id, folder, output } = decodeJson(Buffer.concat(chunks).toString('utf8')) as { problem: string; folder?: string; output: unknown };
  const problem = folder ? loadProblemFolder(folder).problem : findProblem(id);
  if (!problem) throw new Error(`unknown problem ${id}`);
  const stages = problem.stages ?? [];
  const verdict = await safeVerify(problem, output, stages.length ? stages[stages.length - 1] : null);
  process.stdout.write(JSON.stringify(verdict));
}

export function reverifyInFreshProcess(problem: Problem, output: unknown): Promise<Verdict> {
  const payload = encodeJson({ problem: problem.id, folder: problem.origin?.path, output });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1], '__reverify'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8'); // one decoder per stream: characters split across chunks survive
    child.stderr.setEncoding('utf8');
    let out = '';
    let err = '';
    child.stdout.on('data', (d: string) => (out += d));
    child.stderr.on('data', (d: string) => (err += d));
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
