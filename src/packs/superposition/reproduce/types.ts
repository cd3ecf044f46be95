// What every reproduction experiment returns; the report is assembled from these records.
export type Verdict = 'confirmed' | 'refuted' | 'inconclusive';

export interface ExperimentResult {
  id: string;
  title: string;
  /** The claim under test and its source in the paper. */
  claim: string;
  verdict: Verdict;
  /** Why the verdict follows from the numbers. */
  reason: string;
  /** Markdown body: setup, tables, fits. */
  body: string;
  /** SVG files (name → content) written to reports/superposition/. */
  plots: Record<string, string>;
  quick: boolean;
  seconds: number;
  date: string;
}

export interface RunContext { quick: boolean; log: (s: string) => void; workers: number }

export type Experiment = (ctx: RunContext) => Promise<Omit<ExperimentResult, 'id' | 'quick' | 'seconds' | 'date'>>;

/** A markdown table. */
export function mdTable(head: string[], rows: Array<Array<string | number>>): string {
  const f = (v: string | number): string => (typeof v === 'number' ? fmtNum(v) : v.replace(/\|/g, '\\|'));
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(f).join(' | ')} |`)].join('\n');
}

export function fmtNum(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e7) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return v.toExponential(2);
  return String(Number(v.toPrecision(3)));
}

export function fmtCI(v: number, lo: number, hi: number): string {
  return `${fmtNum(v)} [${fmtNum(lo)}, ${fmtNum(hi)}]`;
}
