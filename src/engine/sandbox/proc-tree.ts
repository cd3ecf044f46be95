// Resident memory (PSS) of a whole process tree, read from /proc (the jail's processes are
// grandchildren of the engine, behind bwrap, so the tree is walked through each task's children).
import { readdirSync, readFileSync } from 'node:fs';

function children(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const t of tasks) {
    try {
      for (const c of readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(' ')) if (c) out.push(Number(c));
    } catch { /* task ended */ }
  }
  return out;
}

/**
 * A process's proportional share of resident memory: pages shared between forked processes are
 * split among them, so a tree of forks is not counted many times over (RSS would be).
 */
function pssKb(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    if (m) return Number(m[1]);
  } catch { /* older kernel, or gone */ }
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Every process below `root`, itself included (bounded, so a fork bomb cannot stall the walk). */
export function processTree(root: number, max = 4096): number[] {
  const seen: number[] = [root];
  for (let i = 0; i < seen.length && seen.length < max; i++) seen.push(...children(seen[i]));
  return seen;
}

/** Summed proportional resident memory (MiB) of `root` and its descendants, or null off Linux or when gone. */
export function treeMemoryMb(root: number): number | null {
  if (process.platform !== 'linux') return null;
  let kb = 0;
  for (const p of processTree(root)) kb += pssKb(p);
  return kb / 1024;
}
