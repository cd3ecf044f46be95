// CSV reading (RFC 4180 quoting) into a numeric table, and the AutoMPG data from vega-datasets.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface Table {
  columns: string[];
  /** Row-major values; non-numeric or empty cells are NaN. */
  rows: number[][];
}

/** Splits CSV text into records of fields, honouring double-quoted fields with "" escapes. */
export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let rec: string[] = [], field = '', quoted = false, i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i++; continue; }
      field += ch; i++; continue;
    }
    if (ch === '"' && field === '') { quoted = true; i++; continue; }
    if (ch === ',') { rec.push(field); field = ''; i++; continue; }
    if (ch === '\n' || ch === '\r') {
      rec.push(field); field = '';
      if (rec.length > 1 || rec[0] !== '') out.push(rec);
      rec = [];
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch; i++;
  }
  if (quoted) throw new SyntaxError('CSV ends inside a quoted field');
  if (field !== '' || rec.length) { rec.push(field); out.push(rec); }
  return out;
}

/** A numeric table from CSV text with a header row. */
export function tableFromCsv(text: string, source = 'CSV'): Table {
  const recs = parseCsv(text);
  if (recs.length < 2) throw new SyntaxError(`${source} must have a header row and at least one data row`);
  const columns = recs[0].map((c) => c.trim());
  if (new Set(columns).size !== columns.length) throw new SyntaxError(`${source} has duplicate column names`);
  const rows = recs.slice(1).map((r, i) => {
    if (r.length !== columns.length) throw new SyntaxError(`${source} row ${i + 2} has ${r.length} fields, header has ${columns.length}`);
    return r.map((v) => (v.trim() === '' ? NaN : Number(v)));
  });
  return { columns, rows };
}

export function readCsvFile(path: string): Table {
  return tableFromCsv(readFileSync(path, 'utf8'), path);
}

/** Columns whose cells are all finite numbers. */
export function numericColumns(t: Table): string[] {
  return t.columns.filter((_, j) => t.rows.every((r) => Number.isFinite(r[j])));
}

/** Selected columns as a plain matrix, dropping rows with a missing value in any of them. */
export function selectRows(t: Table, cols: string[]): { rows: number[][]; dropped: number } {
  const idx = cols.map((c) => {
    const j = t.columns.indexOf(c);
    if (j < 0) throw new RangeError(`column "${c}" not found; columns are: ${t.columns.join(', ')}`);
    return j;
  });
  const rows: number[][] = [];
  for (const r of t.rows) {
    const v = idx.map((j) => r[j]);
    if (v.every(Number.isFinite)) rows.push(v);
  }
  return { rows, dropped: t.rows.length - rows.length };
}

export const AUTOMPG_FEATURES = ['Cylinders', 'Displacement', 'Horsepower', 'Weight_in_lbs', 'Acceleration', 'Year', 'Origin'];
/** MPG is non-increasing in these (following the COMET benchmark setting the thesis compares to). */
export const AUTOMPG_DECREASING = ['Displacement', 'Horsepower', 'Weight_in_lbs'];

/**
 * AutoMPG (UCI) as shipped in vega-datasets `cars.json`: rows with a missing MPG or horsepower are
 * dropped (392 remain); Year becomes the model year (70–82), Origin 1 = USA, 2 = Europe, 3 = Japan.
 */
export function loadAutoMpg(): Table {
  const file = join(packageDir('vega-datasets'), 'data', 'cars.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, unknown>>;
  const origin: Record<string, number> = { USA: 1, Europe: 2, Japan: 3 };
  const columns = ['Miles_per_Gallon', ...AUTOMPG_FEATURES];
  const rows: number[][] = [];
  for (const r of raw) {
    const row = [
      r.Miles_per_Gallon, r.Cylinders, r.Displacement, r.Horsepower, r.Weight_in_lbs, r.Acceleration,
      typeof r.Year === 'string' ? Number(r.Year.slice(0, 4)) - 1900 : NaN, origin[String(r.Origin)] ?? NaN,
    ].map((v) => (typeof v === 'number' ? v : NaN));
    if (row.every(Number.isFinite)) rows.push(row);
  }
  return { columns, rows };
}

/** Root folder of an installed package (its `exports` map hides data files from `require.resolve`). */
function packageDir(name: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`package ${name} not found`);
    dir = up;
  }
  return dir;
}
