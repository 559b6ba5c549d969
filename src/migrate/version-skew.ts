/**
 * A fleet's version skew: how many databases stand at each migration of the environment's history.
 * Pure: over the positions `migration-status.ts` reads (drift and status read them, this counts).
 */
import type { MigrationPosition } from './migration-status.js';

export interface VersionSkew {
  /** The environment's newest migration, or null when its history is empty. */
  latest: string | null;
  databases: number;
  /** Read and at the newest migration, nothing failed. */
  atLatest: number;
  /** Read, with pending migrations and nothing failed (a database without `_prisma_migrations` included). */
  behind: number;
  /** The pending count of each database behind, fewest first. */
  behindPending: number[];
  /** Read, with a failed migration (Prisma's `migrate deploy` refuses until it is resolved). */
  failed: number;
  /** Not read: unreachable, or the history could not be read. */
  unknown: number;
  /** Of the databases read, how many have no `_prisma_migrations` table. */
  noHistory: number;
  /** Databases per last applied migration, newest first; `migration: null` is none applied. */
  versions: Array<{ migration: string | null; databases: number; pending: number }>;
}

export function versionSkew(latest: string | null, positions: ReadonlyArray<MigrationPosition | null | undefined>): VersionSkew {
  const skew: VersionSkew = {
    latest,
    databases: positions.length,
    atLatest: 0,
    behind: 0,
    behindPending: [],
    failed: 0,
    unknown: 0,
    noHistory: 0,
    versions: [],
  };
  const byVersion = new Map<string | null, { migration: string | null; databases: number; pending: number }>();
  for (const position of positions) {
    if (!position) {
      skew.unknown++;
      continue;
    }
    if (!position.hasMigrationsTable) skew.noHistory++;
    if (position.failed.length > 0) skew.failed++;
    else if (position.pending === 0) skew.atLatest++;
    else {
      skew.behind++;
      skew.behindPending.push(position.pending);
    }
    const version = byVersion.get(position.lastApplied) ?? { migration: position.lastApplied, databases: 0, pending: position.pending };
    version.databases++;
    byVersion.set(position.lastApplied, version);
  }
  skew.behindPending.sort((a, b) => a - b);
  // Newest first: fewer pending is newer; ties (edited histories) by name, which starts with the timestamp.
  skew.versions = [...byVersion.values()].sort((a, b) => a.pending - b.pending || String(b.migration).localeCompare(String(a.migration)));
  return skew;
}

/** One line: `3 versions (latest 2025..._c): 1 at 2025..._c, 2 at 2025..._a (2 pending); 1 failed; 1 not read`. */
export function skewLine(skew: VersionSkew): string {
  const versions = skew.versions.map((v) => `${v.databases} at ${v.migration ?? 'no migration'}${v.pending > 0 ? ` (${v.pending} pending)` : ''}`);
  const extra = [
    skew.failed > 0 ? `${skew.failed} with a failed migration` : '',
    skew.noHistory > 0 ? `${skew.noHistory} with no migration history` : '',
    skew.unknown > 0 ? `${skew.unknown} not read` : '',
  ].filter(Boolean);
  const count = `${skew.versions.length} version${skew.versions.length === 1 ? '' : 's'} in the fleet (latest: ${skew.latest ?? 'no migrations'})`;
  return `${count}: ${versions.join(', ') || 'none read'}${extra.length ? `; ${extra.join('; ')}` : ''}`;
}
