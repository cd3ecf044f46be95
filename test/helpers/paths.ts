// Locations tests need: the repository root and the shared reference folder beside it.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder holding package.json), found from this file whether run from src or dist. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

/** The shared reference folder (`../shared` from the repository root, or EVOLAB_SHARED). */
export function sharedDir(): string {
  return process.env.EVOLAB_SHARED ?? resolve(repoRoot(), '..', 'shared');
}
