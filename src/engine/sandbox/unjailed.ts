// The explicit opt-out (--unsafe-no-jail): the runtime runs as this user, with only kernel
// resource limits and, where the OS allows, an empty network namespace. Never the default.
import { spawnSync } from 'node:child_process';
import type { JailCommand, JailLimits } from './jail.js';
import { baseEnv } from './runtimes.js';
import { which } from './which.js';

let netns: string[] | null = null;

function networkPrefix(): string[] {
  if (netns) return netns;
  netns = [];
  const unshare = process.platform === 'linux' ? which('unshare') : null;
  if (unshare) {
    for (const flags of [['-n'], ['-rn']]) {
      if (spawnSync(unshare, [...flags, 'true'], { stdio: 'ignore', timeout: 5000 }).status === 0) {
        netns = [unshare, ...flags, '--'];
        break;
      }
    }
  }
  return netns;
}

export function unjailedCommand(argv: string[], l: JailLimits): JailCommand {
  const prlimit = which('prlimit');
  const limits = prlimit ? [prlimit, `--cpu=${l.cpuSeconds}:${l.cpuSeconds + 1}`, ...(l.addressSpaceMb ? [`--as=${l.addressSpaceMb * 1024 * 1024}`] : []), '--'] : [];
  const full = [...networkPrefix(), ...limits, ...argv];
  const { HOME: _home, TMPDIR: _tmp, ...env } = baseEnv();
  return { cmd: full[0], args: full.slice(1), env };
}
