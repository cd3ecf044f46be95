// Memory of a whole jailed process tree, read from /proc (the jail's processes are descendants of
// the engine behind bwrap, so the tree is walked through each task's children). Resident sizes
// are cheap to read; a process tree of forks shares pages, so when the resident sum is over a
// limit the proportional sizes (PSS, each shared page split among its users) decide, read at most
// a few times a second since they cost more for processes with many mappings.
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_KB = 4;

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

/** Every process below `root`, itself included (bounded, so a fork bomb cannot stall the walk). */
export function processTree(root: number, max = 4096): number[] {
  const seen: number[] = [root];
  for (let i = 0; i < seen.length && seen.length < max; i++) seen.push(...children(seen[i]));
  return seen;
}

function rssKb(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_KB;
  } catch {
    return 0;
  }
}

function pssKb(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    if (m) return Number(m[1]);
  } catch { /* older kernel, or gone */ }
  return rssKb(pid);
}

/** Summed resident memory (MiB) of `root` and its descendants, or null off Linux. */
export function treeRssMb(root: number): number | null {
  if (process.platform !== 'linux') return null;
  let kb = 0;
  for (const p of processTree(root)) kb += rssKb(p);
  return kb / 1024;
}

/** Summed proportional resident memory (MiB) of `root` and its descendants, or null off Linux. */
export function treePssMb(root: number): number | null {
  if (process.platform !== 'linux') return null;
  let kb = 0;
  for (const p of processTree(root)) kb += pssKb(p);
  return kb / 1024;
}

/** Decides whether a process tree is over a memory limit: RSS first, PSS to confirm (rate-limited). */
export class MemoryWatch {
  private lastPss = -Infinity;

  constructor(private readonly root: number, private readonly limitMb: number, private readonly pssEveryMs = 250) {}

  /** The tree's memory in MiB when it is over the limit, else null. */
  over(now: number = performance.now()): number | null {
    const rss = treeRssMb(this.root);
    if (rss === null || rss <= this.limitMb) return null;
    if (now - this.lastPss < this.pssEveryMs) return null;
    this.lastPss = now;
    const pss = treePssMb(this.root);
    return pss !== null && pss > this.limitMb ? pss : null;
  }
}
