// Finds a program on PATH by absolute path (jailed processes get no PATH of their own).
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export function which(name: string, path: string = process.env.PATH ?? '/usr/bin:/bin'): string | null {
  for (const dir of path.split(delimiter)) {
    const p = join(dir, name);
    if (dir && existsSync(p)) return p;
  }
  return null;
}
