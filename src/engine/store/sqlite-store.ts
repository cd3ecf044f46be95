// The embedded store: one SQLite file per run directory, WAL journal, one transaction per candidate.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CandidateRecord } from '../candidate.js';
import type { Checkpoint, RunMeta, RunStore } from './store.js';
import { DataDecodeError, decodeJson, encodeJson } from '../data-json.js';

export const SCHEMA_VERSION = 1;

const DDL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS programs (hash TEXT PRIMARY KEY, source TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS candidates (
  seq INTEGER PRIMARY KEY,
  hash TEXT NOT NULL REFERENCES programs(hash),
  parent_seq INTEGER,
  island INTEGER NOT NULL,
  generation INTEGER NOT NULL,
  status TEXT NOT NULL,
  fitness REAL,
  metrics TEXT NOT NULL,
  features TEXT NOT NULL,
  reason TEXT,
  stderr_tail TEXT NOT NULL,
  stages TEXT NOT NULL,
  diff TEXT NOT NULL,
  mutator TEXT NOT NULL,
  mutator_data TEXT,
  output TEXT,
  timings TEXT NOT NULL,
  created_at TEXT NOT NULL,
  checkpoint TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS candidates_fitness ON candidates(status, fitness);
`;

interface Row {
  seq: number; hash: string; parent_seq: number | null; island: number; generation: number; status: string;
  fitness: number | null; metrics: string; features: string; reason: string | null; stderr_tail: string;
  stages: string; diff: string; mutator: string; mutator_data: string | null; output: string | null;
  timings: string; created_at: string; checkpoint: string; source: string;
}

/**
 * A stored output, decoded with the same bounds as a fresh one. Data beyond them (possible only in
 * runs written before the bounds existed) is left out rather than allowed to stall every load.
 */
function storedOutput(text: string, seq: number): unknown {
  try {
    return decodeJson(text);
  } catch (e) {
    if (!(e instanceof DataDecodeError)) throw e;
    process.emitWarning(`candidate #${seq}: stored output not loaded (${e.message})`);
    return null;
  }
}

function toRecord(r: Row): CandidateRecord {
  return {
    seq: r.seq,
    hash: r.hash,
    source: r.source,
    parentSeq: r.parent_seq,
    island: r.island,
    generation: r.generation,
    status: r.status as CandidateRecord['status'],
    diff: r.diff,
    mutator: r.mutator,
    metrics: decodeJson(r.metrics) as Record<string, number>,
    features: decodeJson(r.features) as Record<string, number>,
    fitness: r.fitness ?? NaN,
    reason: r.reason,
    stderrTail: r.stderr_tail,
    stages: decodeJson(r.stages) as CandidateRecord['stages'],
    timings: JSON.parse(r.timings),
    output: r.output === null ? null : storedOutput(r.output, r.seq),
    mutatorData: r.mutator_data === null ? null : (JSON.parse(r.mutator_data) as Record<string, unknown>),
    createdAt: r.created_at,
  };
}

const SELECT = 'SELECT c.*, p.source FROM candidates c JOIN programs p ON p.hash = c.hash';

export function openSqliteStore(file: string): RunStore {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec(DDL);
  const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const putProgram = db.prepare('INSERT OR IGNORE INTO programs (hash, source) VALUES (?, ?)');
  const putCandidate = db.prepare(`INSERT INTO candidates (seq, hash, parent_seq, island, generation, status, fitness, metrics,
    features, reason, stderr_tail, stages, diff, mutator, mutator_data, output, timings, created_at, checkpoint)
    VALUES (@seq, @hash, @parent_seq, @island, @generation, @status, @fitness, @metrics, @features, @reason, @stderr_tail,
    @stages, @diff, @mutator, @mutator_data, @output, @timings, @created_at, @checkpoint)`);
  const put = db.transaction((rec: CandidateRecord, checkpoint: Checkpoint) => {
    putProgram.run(rec.hash, rec.source);
    putCandidate.run({
      seq: rec.seq,
      hash: rec.hash,
      parent_seq: rec.parentSeq,
      island: rec.island,
      generation: rec.generation,
      status: rec.status,
      fitness: Number.isFinite(rec.fitness) ? rec.fitness : null,
      metrics: encodeJson(rec.metrics),
      features: encodeJson(rec.features),
      reason: rec.reason,
      stderr_tail: rec.stderrTail,
      stages: encodeJson(rec.stages),
      diff: rec.diff,
      mutator: rec.mutator,
      mutator_data: rec.mutatorData === null ? null : JSON.stringify(rec.mutatorData),
      output: rec.output === undefined ? null : encodeJson(rec.output),
      timings: JSON.stringify(rec.timings),
      created_at: rec.createdAt,
      checkpoint: JSON.stringify(checkpoint),
    });
  });

  return {
    location: file,
    create(meta: RunMeta): void {
      if (getMeta.get('run')) throw new Error(`${file} already holds a run; use resume, or choose another --out`);
      setMeta.run('run', JSON.stringify(meta));
    },
    meta(): RunMeta | null {
      const row = getMeta.get('run');
      return row ? (JSON.parse(row.value) as RunMeta) : null;
    },
    updateConfig(config: Record<string, unknown>): void {
      const row = getMeta.get('run');
      if (!row) throw new Error(`${file} holds no run`);
      setMeta.run('run', JSON.stringify({ ...(JSON.parse(row.value) as RunMeta), config }));
    },
    put(rec, checkpoint) {
      put(rec, checkpoint);
    },
    all(): CandidateRecord[] {
      return (db.prepare(`${SELECT} ORDER BY c.seq`).all() as Row[]).map(toRecord);
    },
    get(seq: number): CandidateRecord | null {
      const r = db.prepare(`${SELECT} WHERE c.seq = ?`).get(seq) as Row | undefined;
      return r ? toRecord(r) : null;
    },
    count(): number {
      return (db.prepare('SELECT COUNT(*) AS n FROM candidates').get() as { n: number }).n;
    },
    lastCheckpoint() {
      const r = db.prepare('SELECT seq, checkpoint FROM candidates ORDER BY seq DESC LIMIT 1').get() as { seq: number; checkpoint: string } | undefined;
      return r ? { seq: r.seq, checkpoint: JSON.parse(r.checkpoint) as Checkpoint } : null;
    },
    close(): void {
      db.close();
    },
  };
}

/** `PRAGMA integrity_check` result ('ok' when the file is sound). */
export function integrityCheck(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return (db.pragma('integrity_check', { simple: true }) as string) ?? 'no result';
  } finally {
    db.close();
  }
}
