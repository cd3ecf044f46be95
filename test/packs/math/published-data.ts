// The published AlphaEvolve data files as test vectors, and a relative-error assertion.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { sharedDir } from '../../helpers/paths.js';

export interface Published {
  problem: string;
  direction: 'min' | 'max';
  construction: Record<string, unknown>;
  published_value: number;
}

export function dataDir(): string {
  return join(sharedDir(), 'data', 'alphaevolve');
}

export function publishedIds(): string[] {
  return readdirSync(dataDir())
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

export function loadPublished(id: string): Published {
  return JSON.parse(readFileSync(join(dataDir(), `${id}.json`), 'utf8')) as Published;
}

/** Deep copy of a construction, for perturbations. */
export function copy<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

export function assertRel(actual: number | null, expected: number, tol: number, what: string): void {
  assert.ok(actual !== null, `${what}: no value`);
  const rel = Math.abs(actual - expected) / Math.abs(expected);
  assert.ok(rel <= tol, `${what}: ${actual} vs ${expected} (relative error ${rel} > ${tol})`);
}
