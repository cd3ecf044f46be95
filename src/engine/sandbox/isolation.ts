// Which isolation features this machine offers the sandbox; detected once per process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Absolute path of a program on PATH (the sandbox's own environment has no PATH). */
function which(name: string): string | null {
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(delimiter)) {
    const p = join(dir, name);
    if (dir && existsSync(p)) return p;
  }
  return null;
}

export interface Isolation {
  /** The Node permission-model flag (`--permission` or `--experimental-permission`), or null. */
  permissionFlag: string | null;
  /** Candidates get an empty network namespace (`unshare -n`, or `-rn` without root). */
  networkNamespace: boolean;
  /** Command prefix that puts the child in its own network namespace (absolute path), or []. */
  unsharePrefix: string[];
  /** Absolute path of `prlimit`, used for a CPU-time backstop that outlives the engine, or null. */
  prlimit: string | null;
  /** RSS can be read from /proc to enforce the memory limit. */
  procRss: boolean;
  /** Process groups can be killed as a whole. */
  processGroups: boolean;
}

let cached: Isolation | null = null;

export function detectIsolation(): Isolation {
  if (cached) return cached;
  const flags = process.allowedNodeEnvironmentFlags;
  const permissionFlag = flags.has('--permission') ? '--permission' : flags.has('--experimental-permission') ? '--experimental-permission' : null;
  let unsharePrefix: string[] = [];
  const unshare = process.platform === 'linux' && process.env.EVOLAB_NO_NETNS !== '1' ? which('unshare') : null;
  if (unshare) {
    // Root can create the namespace directly; other users through a user namespace (-r).
    for (const flags of [['-n'], ['-rn']]) {
      if (spawnSync(unshare, [...flags, 'true'], { stdio: 'ignore', timeout: 5000 }).status === 0) {
        unsharePrefix = [unshare, ...flags];
        break;
      }
    }
  }
  const procRss = process.platform === 'linux';
  const prlimit = process.platform === 'linux' ? which('prlimit') : null;
  cached = { permissionFlag, networkNamespace: unsharePrefix.length > 0, unsharePrefix, prlimit, procRss, processGroups: process.platform !== 'win32' };
  return cached;
}
