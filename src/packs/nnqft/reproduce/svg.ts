// Minimal SVG line/scatter plots with optional log axes and error bars, for the reproduction report.

export interface Series {
  label: string;
  x: number[];
  y: number[];
  /** Symmetric error bars (same units as y). */
  err?: number[];
  /** 'line', 'points' or 'both' (default both). */
  style?: 'line' | 'points' | 'both';
  dashed?: boolean;
}

export interface PlotSpec {
  title: string;
  xlabel: string;
  ylabel: string;
  series: Series[];
  logX?: boolean;
  logY?: boolean;
  width?: number;
  height?: number;
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#7f7f7f'];
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function ticks(lo: number, hi: number, log: boolean): number[] {
  if (log) {
    const out: number[] = [];
    for (let e = Math.floor(lo); e <= Math.ceil(hi); e++) if (e >= lo - 1e-9 && e <= hi + 1e-9) out.push(e);
    return out.length >= 2 ? out : [lo, hi];
  }
  const span = hi - lo || 1;
  const step = Math.pow(10, Math.floor(Math.log10(span / 5)));
  const mult = [1, 2, 5, 10].find((m) => span / (m * step) <= 6) ?? 10;
  const s = mult * step;
  const out: number[] = [];
  for (let v = Math.ceil(lo / s) * s; v <= hi + 1e-12 * span; v += s) out.push(Number(v.toPrecision(12)));
  return out;
}

export function plot(spec: PlotSpec): string {
  const W = spec.width ?? 640, H = spec.height ?? 420, L = 70, R = 180, T = 36, B = 50;
  const tx = (v: number): number => (spec.logX ? Math.log10(v) : v);
  const ty = (v: number): number => (spec.logY ? Math.log10(v) : v);
  const xs: number[] = [], ys: number[] = [];
  for (const s of spec.series) s.x.forEach((x, i) => {
    const y = s.y[i], e = s.err?.[i] ?? 0;
    if (!Number.isFinite(tx(x))) return;
    xs.push(tx(x));
    for (const v of [y - e, y, y + e]) if (Number.isFinite(ty(v))) ys.push(ty(v));
  });
  let [x0, x1] = [Math.min(...xs), Math.max(...xs)], [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (x0 === x1) { x0 -= 1; x1 += 1; }
  if (y0 === y1) { y0 -= 1; y1 += 1; }
  const py = 0.05 * (y1 - y0); y0 -= py; y1 += py;
  const X = (v: number): number => L + ((tx(v) - x0) / (x1 - x0)) * (W - L - R);
  const Y = (v: number): number => H - B - ((ty(v) - y0) / (y1 - y0)) * (H - T - B);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  out.push(`<text x="${(L + W - R) / 2}" y="20" text-anchor="middle" font-size="14">${esc(spec.title)}</text>`);
  out.push(`<rect x="${L}" y="${T}" width="${W - L - R}" height="${H - T - B}" fill="none" stroke="#333"/>`);
  for (const t of ticks(x0, x1, !!spec.logX)) {
    const px = L + ((t - x0) / (x1 - x0)) * (W - L - R);
    out.push(`<line x1="${px}" y1="${H - B}" x2="${px}" y2="${H - B + 5}" stroke="#333"/><text x="${px}" y="${H - B + 18}" text-anchor="middle">${spec.logX ? `1e${t}` : t}</text>`);
  }
  for (const t of ticks(y0, y1, !!spec.logY)) {
    const pyy = H - B - ((t - y0) / (y1 - y0)) * (H - T - B);
    out.push(`<line x1="${L - 5}" y1="${pyy}" x2="${L}" y2="${pyy}" stroke="#333"/><line x1="${L}" y1="${pyy}" x2="${W - R}" y2="${pyy}" stroke="#eee"/><text x="${L - 8}" y="${pyy + 4}" text-anchor="end">${spec.logY ? `1e${t}` : t}</text>`);
  }
  out.push(`<text x="${(L + W - R) / 2}" y="${H - 10}" text-anchor="middle">${esc(spec.xlabel)}</text>`);
  out.push(`<text x="16" y="${(T + H - B) / 2}" text-anchor="middle" transform="rotate(-90 16 ${(T + H - B) / 2})">${esc(spec.ylabel)}</text>`);
  spec.series.forEach((s, k) => {
    const c = COLORS[k % COLORS.length], style = s.style ?? 'both';
    const ok = s.x.map((x, i) => Number.isFinite(tx(x)) && Number.isFinite(ty(s.y[i])));
    if (style !== 'points') {
      const d = s.x.filter((_, i) => ok[i]).map((x, j) => `${j ? 'L' : 'M'}${X(x).toFixed(1)},${Y(s.y.filter((_, i) => ok[i])[j]).toFixed(1)}`).join(' ');
      out.push(`<path d="${d}" fill="none" stroke="${c}" stroke-width="1.6"${s.dashed ? ' stroke-dasharray="5,4"' : ''}/>`);
    }
    s.x.forEach((x, i) => {
      if (!ok[i]) return;
      if (s.err) {
        const lo = s.y[i] - s.err[i], hi = s.y[i] + s.err[i];
        const ylo = Number.isFinite(ty(lo)) ? Y(lo) : H - B;
        out.push(`<line x1="${X(x)}" y1="${ylo}" x2="${X(x)}" y2="${Y(hi)}" stroke="${c}"/>`);
      }
      if (style !== 'line') out.push(`<circle cx="${X(x).toFixed(1)}" cy="${Y(s.y[i]).toFixed(1)}" r="3" fill="${c}"/>`);
    });
    const ly = T + 14 + 18 * k;
    out.push(`<line x1="${W - R + 10}" y1="${ly - 4}" x2="${W - R + 30}" y2="${ly - 4}" stroke="${c}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5,4"' : ''}/><text x="${W - R + 35}" y="${ly}">${esc(s.label)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
