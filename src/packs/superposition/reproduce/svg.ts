// Minimal SVG line charts (linear or log axes, several series, optional error bars) for the report.

export interface Series { name: string; points: Array<{ x: number; y: number; lo?: number; hi?: number }>; dashed?: boolean }
export interface Chart { title: string; xlabel: string; ylabel: string; logx?: boolean; logy?: boolean; series: Series[]; width?: number; height?: number }

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function ticks(lo: number, hi: number, log: boolean): number[] {
  if (log) {
    const out: number[] = [];
    for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
      for (const m of [1, 2, 5]) { const v = m * 10 ** e; if (v >= lo * 0.999 && v <= hi * 1.001) out.push(v); }
    }
    return out.length >= 2 ? out : [lo, hi];
  }
  const span = hi - lo || 1;
  const step = 10 ** Math.floor(Math.log10(span / 5));
  const mult = [1, 2, 5, 10].find((m) => span / (m * step) <= 6) ?? 10;
  const st = mult * step;
  const out: number[] = [];
  for (let v = Math.ceil(lo / st) * st; v <= hi + 1e-12; v += st) out.push(Number(v.toPrecision(12)));
  return out;
}

function fmt(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e4 || a < 1e-3 ? v.toExponential(0) : String(Number(v.toPrecision(3)));
}

export function lineChart(c: Chart): string {
  const W = c.width ?? 560, H = c.height ?? 360;
  const L = 70, R = 150, T = 30, B = 50;
  const pts = c.series.flatMap((s) => s.points.flatMap((p) => [{ x: p.x, y: p.y }, ...(p.lo !== undefined ? [{ x: p.x, y: p.lo }] : []), ...(p.hi !== undefined ? [{ x: p.x, y: p.hi }] : [])]))
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && (!c.logx || p.x > 0) && (!c.logy || p.y > 0));
  if (pts.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><text x="20" y="30">${esc(c.title)}: no data</text></svg>`;
  const tx = (v: number): number => (c.logx ? Math.log10(v) : v);
  const ty = (v: number): number => (c.logy ? Math.log10(v) : v);
  let x0 = Math.min(...pts.map((p) => p.x)), x1 = Math.max(...pts.map((p) => p.x));
  let y0 = Math.min(...pts.map((p) => p.y)), y1 = Math.max(...pts.map((p) => p.y));
  if (x0 === x1) { x0 = c.logx ? x0 / 2 : x0 - 1; x1 = c.logx ? x1 * 2 : x1 + 1; }
  if (y0 === y1) { y0 = c.logy ? y0 / 2 : y0 - 1; y1 = c.logy ? y1 * 2 : y1 + 1; }
  if (!c.logy && y0 > 0 && y0 < 0.5 * y1) y0 = 0;
  const sx = (v: number): number => L + ((tx(v) - tx(x0)) / (tx(x1) - tx(x0))) * (W - L - R);
  const sy = (v: number): number => H - B - ((ty(v) - ty(y0)) / (ty(y1) - ty(y0))) * (H - T - B);
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="11">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${L}" y="18" font-size="13">${esc(c.title)}</text>`,
    `<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="black"/>`,
    `<line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="black"/>`];
  for (const v of ticks(x0, x1, !!c.logx)) out.push(`<line x1="${sx(v)}" y1="${H - B}" x2="${sx(v)}" y2="${H - B + 4}" stroke="black"/><text x="${sx(v)}" y="${H - B + 16}" text-anchor="middle">${fmt(v)}</text>`);
  for (const v of ticks(y0, y1, !!c.logy)) out.push(`<line x1="${L - 4}" y1="${sy(v)}" x2="${L}" y2="${sy(v)}" stroke="black"/><line x1="${L}" y1="${sy(v)}" x2="${W - R}" y2="${sy(v)}" stroke="#eee"/><text x="${L - 6}" y="${sy(v) + 4}" text-anchor="end">${fmt(v)}</text>`);
  out.push(`<text x="${(L + W - R) / 2}" y="${H - 12}" text-anchor="middle">${esc(c.xlabel)}${c.logx ? ' (log)' : ''}</text>`);
  out.push(`<text transform="translate(16 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle">${esc(c.ylabel)}${c.logy ? ' (log)' : ''}</text>`);
  c.series.forEach((s, k) => {
    const col = COLORS[k % COLORS.length];
    const ok = s.points.filter((p) => Number.isFinite(p.y) && Number.isFinite(p.x) && (!c.logx || p.x > 0) && (!c.logy || p.y > 0));
    if (ok.length) out.push(`<polyline fill="none" stroke="${col}" stroke-width="1.6"${s.dashed ? ' stroke-dasharray="5,4"' : ''} points="${ok.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ')}"/>`);
    for (const p of ok) {
      if (!s.dashed) out.push(`<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="2.6" fill="${col}"/>`);
      if (p.lo !== undefined && p.hi !== undefined && (!c.logy || p.lo > 0)) out.push(`<line x1="${sx(p.x)}" y1="${sy(p.lo)}" x2="${sx(p.x)}" y2="${sy(p.hi)}" stroke="${col}"/>`);
    }
    out.push(`<line x1="${W - R + 10}" y1="${T + 10 + 16 * k}" x2="${W - R + 28}" y2="${T + 10 + 16 * k}" stroke="${col}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5,4"' : ''}/><text x="${W - R + 32}" y="${T + 14 + 16 * k}">${esc(s.name)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
