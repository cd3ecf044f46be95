// The program database: islands, each a MAP-Elites grid over the problem's descriptors plus code
// length, an elite archive, parent selection mixing exploitation/exploration/random, inspirations,
// and ring migration. Its state is a pure function of the sequence of added candidates, so a run
// is rebuilt exactly on resume by adding the stored candidates again in order.
import type { Rng } from '../core/rng.js';
import type { CandidateRecord } from './candidate.js';
import type { DescriptorSpec } from './problem.js';

export interface DatabaseConfig {
  islands: number;
  /** Migrate every this many candidates (0 = never). */
  migrationInterval: number;
  /** Programs copied from each island to the next at a migration. */
  migrationCount: number;
  archiveSize: number;
  /** Selection mix; the three ratios are normalised. */
  exploitation: number;
  exploration: number;
  random: number;
  /** Bins of the code-length axis. */
  lengthBins: number;
  topInspirations: number;
  diverseInspirations: number;
}

export const DEFAULT_DATABASE: DatabaseConfig = {
  islands: 4,
  migrationInterval: 50,
  migrationCount: 1,
  archiveSize: 50,
  exploitation: 0.6,
  exploration: 0.3,
  random: 0.1,
  lengthBins: 6,
  topInspirations: 2,
  diverseInspirations: 2,
};

export interface Island {
  /** Cell key → seq of the best program in that cell. */
  cells: Map<string, number>;
  /** Sequence numbers of programs that entered this island (by insertion or migration). */
  members: Set<number>;
}

export interface Database {
  config: DatabaseConfig;
  descriptors: DescriptorSpec[];
  /** Code length range for the length axis, set from the initial program. */
  lengthRange: [number, number];
  islands: Island[];
  /** Every valid program by seq. */
  programs: Map<number, CandidateRecord>;
  /** Elite archive: seqs sorted best first. */
  archive: number[];
  bestSeq: number | null;
  migrations: number;
}

export function createDatabase(config: DatabaseConfig, descriptors: DescriptorSpec[], initialLength: number): Database {
  const islands: Island[] = [];
  for (let i = 0; i < config.islands; i++) islands.push({ cells: new Map(), members: new Set() });
  return {
    config,
    descriptors,
    lengthRange: [Math.max(1, Math.floor(initialLength / 2)), initialLength * 2],
    islands,
    programs: new Map(),
    archive: [],
    bestSeq: null,
    migrations: 0,
  };
}

function bin(value: number, min: number, max: number, bins: number): number {
  if (!Number.isFinite(value) || max <= min) return 0;
  const t = (value - min) / (max - min);
  return Math.min(bins - 1, Math.max(0, Math.floor(t * bins)));
}

/** The MAP-Elites cell of a program: one bin per descriptor, then the code-length bin. */
export function cellKey(db: Database, rec: CandidateRecord): string {
  const parts = db.descriptors.map((d) => bin(rec.features[d.name] ?? NaN, d.min, d.max, d.bins));
  parts.push(bin(rec.source.length, db.lengthRange[0], db.lengthRange[1], db.config.lengthBins));
  return parts.join(',');
}

/** Ties keep the earlier program, so the grid never churns on equal scores. */
function better(a: CandidateRecord, b: CandidateRecord): boolean {
  return a.fitness > b.fitness;
}

function placeInIsland(db: Database, island: number, rec: CandidateRecord): boolean {
  const isl = db.islands[island];
  const key = cellKey(db, rec);
  const current = isl.cells.get(key);
  if (current !== undefined && !better(rec, db.programs.get(current)!)) return false;
  isl.cells.set(key, rec.seq);
  isl.members.add(rec.seq);
  return true;
}

function updateArchive(db: Database, rec: CandidateRecord): void {
  db.archive.push(rec.seq);
  db.archive.sort((a, b) => db.programs.get(b)!.fitness - db.programs.get(a)!.fitness || a - b);
  if (db.archive.length > db.config.archiveSize) db.archive.length = db.config.archiveSize;
  if (db.bestSeq === null || better(rec, db.programs.get(db.bestSeq)!)) db.bestSeq = rec.seq;
}

/**
 * Adds a scored candidate. Only valid ones enter the grid and archive. The initial program
 * (no parent) is seeded into every island. Migration runs when `seq` hits the interval.
 */
export function addCandidate(db: Database, rec: CandidateRecord): void {
  if (rec.status === 'valid' && Number.isFinite(rec.fitness)) {
    db.programs.set(rec.seq, rec);
    if (rec.parentSeq === null) db.islands.forEach((_, i) => placeInIsland(db, i, rec));
    else placeInIsland(db, rec.island, rec);
    updateArchive(db, rec);
  }
  const k = db.config.migrationInterval;
  if (k > 0 && rec.seq > 0 && rec.seq % k === 0 && db.islands.length > 1) migrate(db);
}

/** Ring migration: each island's best programs are offered to the next island's grid. */
export function migrate(db: Database): void {
  const bests = db.islands.map((isl) => bestOf(db, [...isl.cells.values()], db.config.migrationCount));
  bests.forEach((seqs, i) => {
    const to = (i + 1) % db.islands.length;
    for (const s of seqs) placeInIsland(db, to, db.programs.get(s)!);
  });
  db.migrations++;
}

function bestOf(db: Database, seqs: number[], n: number): number[] {
  return [...seqs].sort((a, b) => db.programs.get(b)!.fitness - db.programs.get(a)!.fitness || a - b).slice(0, n);
}

export type SelectionKind = 'exploitation' | 'exploration' | 'random';

/** Island for the candidate with sequence number `seq` (round robin, so replays agree). */
export function islandFor(db: Database, seq: number): number {
  return seq % db.islands.length;
}

/** Picks a parent on `island`: its best cell (exploitation), a uniform cell (exploration), or any archived program (random). */
export function selectParent(db: Database, island: number, rng: Rng): { seq: number; kind: SelectionKind } {
  const { exploitation, exploration, random } = db.config;
  const total = exploitation + exploration + random;
  const u = rng.float() * total;
  const kind: SelectionKind = u < exploitation ? 'exploitation' : u < exploitation + exploration ? 'exploration' : 'random';
  const cells = [...db.islands[island].cells.values()].sort((a, b) => a - b);
  if (cells.length === 0) throw new Error('the database is empty: the initial program must be valid');
  if (kind === 'exploitation') {
    // Tournament of three cells: biased to the best without always taking it.
    let best = cells[rng.int(cells.length)];
    for (let i = 0; i < 2; i++) {
      const c = cells[rng.int(cells.length)];
      if (db.programs.get(c)!.fitness > db.programs.get(best)!.fitness) best = c;
    }
    return { seq: best, kind };
  }
  if (kind === 'exploration') return { seq: cells[rng.int(cells.length)], kind };
  const pool = db.archive.length ? db.archive : cells;
  return { seq: pool[rng.int(pool.length)], kind };
}

/** Top programs of the island plus programs from other random cells, excluding the parent. */
export function inspirations(db: Database, island: number, parentSeq: number, rng: Rng): CandidateRecord[] {
  const cells = [...db.islands[island].cells.values()].filter((s) => s !== parentSeq).sort((a, b) => a - b);
  const top = bestOf(db, cells, db.config.topInspirations);
  const rest = cells.filter((s) => !top.includes(s));
  const diverse: number[] = [];
  for (let i = 0; i < db.config.diverseInspirations && rest.length > 0; i++) diverse.push(rest.splice(rng.int(rest.length), 1)[0]);
  return [...top, ...diverse].map((s) => db.programs.get(s)!);
}

export function best(db: Database): CandidateRecord | null {
  return db.bestSeq === null ? null : db.programs.get(db.bestSeq)!;
}
