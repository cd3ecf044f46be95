// Which isolation features this machine offers the sandbox; detected once per process.
import { spawnSync } from 'node:child_process';

export interface Isolation {
  /** The Node permission-model flag (`--permission` or `--experimental-permission`), or null. */
  permissionFlag: string | null;
  /** `unshare -n` works: candidates get an empty network namespace. */
  networkNamespace: boolean;
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
  let networkNamespace = false;
  if (process.platform === 'linux' && process.env.EVOLAB_NO_NETNS !== '1') {
    const r = spawnSync('unshare', ['-n', 'true'], { stdio: 'ignore', timeout: 5000 });
    networkNamespace = r.status === 0;
  }
  const procRss = process.platform === 'linux';
  cached = { permissionFlag, networkNamespace, procRss, processGroups: process.platform !== 'win32' };
  return cached;
}
