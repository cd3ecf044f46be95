import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineChart } from '../../../src/packs/superposition/reproduce/svg.js';
import { writeReport } from '../../../src/packs/superposition/reproduce/report.js';
import { mdTable } from '../../../src/packs/superposition/reproduce/types.js';

test('SVG chart has one polyline per series and skips non-positive values on log axes', () => {
  const svg = lineChart({ title: 't', xlabel: 'x', ylabel: 'y', logx: true, logy: true, series: [{ name: 'a', points: [{ x: 1, y: 1 }, { x: 10, y: 0.1 }] }, { name: 'b', points: [{ x: 1, y: 0 }, { x: 10, y: 2 }] }] });
  assert.ok(svg.startsWith('<svg'));
  assert.equal((svg.match(/<polyline/g) ?? []).length, 2);
  assert.ok(!svg.includes('NaN'));
});

test('report lists every experiment id with its verdict and command; tables escape pipes', () => {
  const md = writeReport([{ id: 'E2', title: 'T', claim: 'C', verdict: 'confirmed', reason: 'R', body: mdTable(['a|b'], [['|x|']]), plots: {}, quick: true, seconds: 1, date: '2026-01-01' }], ['E1', 'E2']);
  assert.match(md, /\| E1 \| \(not run\)/);
  assert.match(md, /\| E2 \| T \| \*\*confirmed\*\* \| quick/);
  assert.match(md, /evolab superposition reproduce E2 --quick/);
  assert.match(md, /\\\|x\\\|/);
});
