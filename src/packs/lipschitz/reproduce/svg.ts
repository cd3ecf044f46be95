// Minimal SVG line/scatter plots for the reproduction report.

export interface Series {
  x: number[];
  y: number[];
  label?: string;
  color: string;
  /** 'line' (default) or 'points'. */
  kind?: 'line' | 'points';
  width?: number;
  opacity?: number;
  dash?: string;
}

export interface PlotOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
  /** Shaded x-intervals, e.g. regions without training data. */
  bands?: Array<[number, number]>;
  yRange?: [number, number];
  logY?: boolean;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function ticks(lo: number, hi: number, n = 5): number[] {
  const span = hi - lo || 1;
  const step0 = span / n, mag = Math.pow(10, Math.floor(Math.log10(step0)));
  const step = [1, 2, 5, 10].map((k) => k * mag).find((s) => s >= step0) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * span; v += step) out.push(Math.abs(v) < 1e-12 * span ? 0 : v);
  return out;
}

const fmt = (v: number): string => (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-2 && v !== 0) ? v.toExponential(0) : String(+v.toPrecision(3)));

export function linePlot(series: Series[], o: PlotOptions): string {
  const W = o.width ?? 560, H = o.height ?? 360, L = 62, R = 16, T = 30, B = 46;
  const tf = (v: number): number => (o.logY ? Math.log10(v) : v);
  const xs = series.flatMap((s) => s.x), ys = series.flatMap((s) => s.y.map(tf)).filter(Number.isFinite);
  const x0 = Math.min(...xs), x1 = Math.max(...xs);
  const [y0, y1] = o.yRange ? [tf(o.yRange[0]), tf(o.yRange[1])] : [Math.min(...ys), Math.max(...ys)];
  const pad = (y1 - y0) * 0.05 || 1;
  const ylo = o.yRange ? y0 : y0 - pad, yhi = o.yRange ? y1 : y1 + pad;
  const px = (x: number): number => L + ((x - x0) / (x1 - x0 || 1)) * (W - L - R);
  const py = (y: number): number => T + (1 - (tf(y) - ylo) / (yhi - ylo || 1)) * (H - T - B);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="18" text-anchor="middle" font-size="13">${esc(o.title)}</text>`,
  ];
  for (const [a, b] of o.bands ?? []) parts.push(`<rect x="${px(a)}" y="${T}" width="${px(b) - px(a)}" height="${H - T - B}" fill="#eee"/>`);
  parts.push(`<rect x="${L}" y="${T}" width="${W - L - R}" height="${H - T - B}" fill="none" stroke="#444"/>`);
  for (const t of ticks(x0, x1)) parts.push(`<line x1="${px(t)}" x2="${px(t)}" y1="${H - B}" y2="${H - B + 4}" stroke="#444"/><text x="${px(t)}" y="${H - B + 16}" text-anchor="middle">${fmt(t)}</text>`);
  for (const t of ticks(ylo, yhi)) {
    const y = T + (1 - (t - ylo) / (yhi - ylo)) * (H - T - B);
    parts.push(`<line x1="${L - 4}" x2="${L}" y1="${y}" y2="${y}" stroke="#444"/><text x="${L - 6}" y="${y + 4}" text-anchor="end">${fmt(o.logY ? Math.pow(10, t) : t)}</text>`);
  }
  parts.push(`<text x="${(L + W - R) / 2}" y="${H - 10}" text-anchor="middle">${esc(o.xLabel)}</text>`);
  parts.push(`<text transform="translate(14 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle">${esc(o.yLabel)}</text>`);
  parts.push(`<clipPath id="c"><rect x="${L}" y="${T}" width="${W - L - R}" height="${H - T - B}"/></clipPath><g clip-path="url(#c)">`);
  for (const s of series) {
    const op = s.opacity ?? 1;
    if (s.kind === 'points') {
      s.x.forEach((x, i) => parts.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(s.y[i]).toFixed(1)}" r="2.2" fill="${s.color}" fill-opacity="${op}"/>`));
    } else {
      const d = s.x.map((x, i) => `${i ? 'L' : 'M'}${px(x).toFixed(1)},${py(s.y[i]).toFixed(1)}`).join('');
      parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="${s.width ?? 1.6}" stroke-opacity="${op}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    }
  }
  parts.push('</g>');
  const labelled = series.filter((s) => s.label);
  labelled.forEach((s, i) => {
    const y = T + 12 + 15 * i;
    parts.push(`<line x1="${L + 10}" x2="${L + 30}" y1="${y - 4}" y2="${y - 4}" stroke="${s.color}" stroke-width="2.5"/><text x="${L + 35}" y="${y}">${esc(s.label!)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
