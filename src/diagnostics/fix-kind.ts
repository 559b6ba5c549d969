/**
 * What applying a fix changes, from one closed list: the schema text only, or the database
 * too. Whether `--fix` applies it (safe) or only `--fix --unsafe` does is decided here, per
 * kind, the way Biome marks its fixes safe or unsafe.
 */
export const FIX_KINDS = ['schema-only', 'add-default', 'add-column', 'add-index', 'rename-column', 'rename-table'] as const;
export type FixKind = (typeof FIX_KINDS)[number];

export interface FixKindInfo {
  /** Applied by `--fix`; otherwise only by `--fix --unsafe`. */
  safe: boolean;
  /** What the next migration does, in words; undefined when the database is unchanged. */
  database?: string;
  /** Why it is safe or not, for the documentation and the dry run. */
  reason: string;
}

export const FIX_KIND_INFO: Record<FixKind, FixKindInfo> = {
  'schema-only': { safe: true, reason: 'changes the schema text only (an explicit default, an attribute Prisma Client applies); the next migration is empty' },
  'add-default': {
    safe: true,
    database: 'sets a column default',
    reason: 'existing rows and queries are unchanged; only inserts that omit the column get the default',
  },
  'add-column': { safe: true, database: 'adds a column with a default', reason: 'existing rows get the default; no query that ran before breaks' },
  'add-index': { safe: true, database: 'creates an index', reason: 'additive; on PostgreSQL the table is locked for writes while the index builds' },
  'rename-column': {
    safe: false,
    database: 'renames a column',
    reason: 'raw SQL, views, triggers, other services and reporting tools that use the old column name break',
  },
  'rename-table': {
    safe: false,
    database: 'renames a table',
    reason: 'raw SQL, views, triggers, other services and reporting tools that use the old table name break',
  },
};

export function isSafeFixKind(kind: FixKind): boolean {
  return FIX_KIND_INFO[kind].safe;
}

/** `safe, schema only` / `unsafe: renames a column`: the fix's kind in a few words for reporters. */
export function describeFixKind(kind: FixKind): string {
  const info = FIX_KIND_INFO[kind];
  return `${info.safe ? 'safe' : 'unsafe'}, ${info.database ?? 'schema only'}`;
}
