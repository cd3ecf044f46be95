// Hand-made candidate records for database and store tests.
import type { CandidateRecord } from '../../src/engine/candidate.js';

export function candidate(seq: number, fitness: number, opts: Partial<CandidateRecord> = {}): CandidateRecord {
  return {
    seq,
    hash: `h${seq}`,
    source: opts.source ?? 'x'.repeat(100),
    parentSeq: seq === 0 ? null : 0,
    island: 0,
    generation: seq === 0 ? 0 : 1,
    status: 'valid',
    diff: '',
    mutator: 'test',
    metrics: { score: fitness },
    features: {},
    fitness,
    reason: null,
    stderrTail: '',
    stages: [],
    timings: { mutateMs: 0, runMs: 1, verifyMs: 0 },
    output: null,
    mutatorData: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...opts,
  };
}
