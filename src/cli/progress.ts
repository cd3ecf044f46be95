// A progress line on stderr: redrawn in place on a terminal, a line every few seconds otherwise.
import type { Progress } from '../engine/controller.js';

/** `extra` adds a mutator's own status (e.g. LLM calls, tokens and cost) to the line. */
export function progressPrinter(label: string, enabled: boolean, extra?: () => string): (p: Progress) => void {
  const tty = process.stderr.isTTY === true;
  let lastPrint = 0;
  return (p: Progress) => {
    if (!enabled) return;
    const now = Date.now();
    const done = p.seq >= p.target;
    if (!tty && !done && now - lastPrint < 5000) return;
    if (tty && !done && now - lastPrint < 100) return;
    lastPrint = now;
    const width = 24;
    const frac = p.target > 0 ? Math.min(1, p.seq / p.target) : 1;
    const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '░');
    const validPct = p.evaluations > 0 ? ((100 * p.valid) / p.evaluations).toFixed(0) : '–';
    const line =
      `${label} ${bar} ${p.seq}/${p.target}  best ${p.best === null ? '–' : p.best.toPrecision(8)}  ` +
      `${p.evalsPerSecond.toFixed(1)} ev/s  valid ${validPct}%  cache ${p.cacheHits}  failed diffs ${p.failedDiffs}  ` +
      `${p.elapsedSeconds.toFixed(0)}s` + (extra ? `  ${extra()}` : '');
    process.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
  };
}

export function endProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\n');
}
