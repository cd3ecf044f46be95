// The limits one evaluation runs under, and the result shape every runner returns.

export interface SandboxLimits {
  timeoutMs: number;
  memoryMb: number;
  /** Bytes of stdout+stderr+result channel allowed before the process is killed. */
  maxOutputBytes: number;
}

export const DEFAULT_LIMITS: SandboxLimits = { timeoutMs: 10_000, memoryMb: 512, maxOutputBytes: 32 * 1024 * 1024 };

export type FailureKind = 'timeout' | 'memory' | 'output-limit' | 'exit' | 'load' | 'run' | 'protocol' | 'jail';

export type SandboxResult =
  | { ok: true; output: unknown; runMs: number; wallMs: number; logTail: string }
  | { ok: false; kind: FailureKind; reason: string; wallMs: number; logTail: string };

/** Characters of a candidate's console output kept with its record. */
export const LOG_TAIL = 4000;

export function tail(s: string, n: number = LOG_TAIL): string {
  return s.length > n ? '…' + s.slice(-n) : s;
}

/** CPU seconds the kernel allows a candidate process: a backstop well above the wall-clock limit. */
export function cpuBackstopSeconds(l: SandboxLimits): number {
  return Math.ceil(l.timeoutMs / 1000) * 2 + 5;
}
