/**
 * The closed list of schema changes `steward diff` can report. Each code's severity and
 * reason are decided here, once; nothing downstream matches on messages.
 *
 * - breaking: existing application code or existing data stops working (compile errors in
 *   Prisma Client calls, failed migrations, lost data).
 * - dangerous: works, but may change behaviour or fail on some data (a new unique constraint
 *   fails when duplicates exist, a changed default changes what new rows hold).
 * - safe: nothing existing is affected.
 */
export type ChangeSeverity = 'breaking' | 'dangerous' | 'safe';

export const CHANGE_SEVERITIES: readonly ChangeSeverity[] = ['breaking', 'dangerous', 'safe'];

export interface ChangeCodeInfo {
  severity: ChangeSeverity;
  /** Why this severity, in one sentence shown to users. */
  reason: string;
  /** Whether the change adds something (used to pick a minor rather than a patch version). */
  addition?: boolean;
}

export const DIFF_CODES = {
  // ---- models ---------------------------------------------------------------------------------
  'model-added': { severity: 'safe', addition: true, reason: 'A new table and client delegate; nothing existing uses them.' },
  'model-removed': { severity: 'breaking', reason: 'The table and its data are dropped, and code using the client delegate no longer compiles.' },
  'model-renamed': {
    severity: 'breaking',
    reason: 'The client delegate changes name (prisma.old becomes prisma.new); code using the old name no longer compiles.',
  },
  'probable-model-rename': {
    severity: 'breaking',
    reason:
      'A model disappeared and a similar one appeared (same fields, relations or position): Prisma migrates that as DROP TABLE and CREATE TABLE, losing every row. Confirm the rename with /// @steward.renamedFrom("old_table") and steward migrates it with RENAME; the client delegate changes name either way.',
  },
  'table-renamed': {
    severity: 'breaking',
    reason:
      'The same model under a new table name (@@map): steward migrates it with RENAME and the rows stay, but raw SQL, views, triggers, reports and other readers of the old table name break.',
  },

  // ---- fields ---------------------------------------------------------------------------------
  'field-added-optional': { severity: 'safe', addition: true, reason: 'An optional column: existing rows get NULL and existing writes still work.' },
  'field-added-with-default': {
    severity: 'safe',
    addition: true,
    reason: 'A required column with a default: existing rows get the default and existing writes still work.',
  },
  'field-added-required': {
    severity: 'breaking',
    addition: true,
    reason: 'A required column without a default: the migration fails on a table with rows, and every create must now pass a value.',
  },
  'field-removed': { severity: 'breaking', reason: 'The column and its data are dropped, and code reading or writing the field no longer compiles.' },
  'field-renamed': { severity: 'breaking', reason: 'The client field changes name; code using the old name no longer compiles.' },
  'probable-field-rename': {
    severity: 'breaking',
    reason:
      'A field disappeared and one of the same type and attributes appeared (near name, same position or same relation): Prisma migrates that as DROP COLUMN and ADD COLUMN, losing the values. Confirm the rename with /// @steward.renamedFrom("old_column") and steward migrates it with RENAME COLUMN; the client field changes name either way.',
  },
  'field-type-changed': {
    severity: 'breaking',
    reason: 'The column type changes: the migration may fail or lose data on conversion, and code using the field sees a different type.',
  },
  'field-native-type-changed': { severity: 'dangerous', reason: 'The database type (@db.*) changes: values may be truncated or fail to convert.' },
  'field-list-changed': {
    severity: 'breaking',
    reason: 'The field switches between a single value and a list: stored data must be converted and code using it no longer type-checks.',
  },
  'field-nullability-tightened': {
    severity: 'breaking',
    reason: 'Optional becomes required: the migration fails while NULLs exist, and creates that omit the field no longer compile.',
  },
  'field-nullability-relaxed': { severity: 'dangerous', reason: 'Required becomes optional: code reading the field must now handle null.' },
  'field-default-added': { severity: 'safe', addition: true, reason: 'New rows get a default; existing writes are unaffected.' },
  'field-default-changed': { severity: 'dangerous', reason: 'New rows silently get a different value when the field is omitted.' },
  'field-default-removed': {
    severity: 'dangerous',
    reason: 'Creates that relied on the default must now pass a value (they no longer compile when the field is required).',
  },
  'column-renamed': {
    severity: 'breaking',
    reason:
      'The same field under a new column name (@map): steward migrates it with RENAME COLUMN and the values stay, but raw SQL, views, triggers, reports and other readers of the old column name break.',
  },
  'field-transition': {
    severity: 'dangerous',
    reason:
      'A column replaced by expand/contract (/// @steward.transition(from: "old_column"): a rename, a type change or both): while the transition runs both columns exist and a trigger keeps them in step, so code deployed before and after keeps reading and writing and no row is lost. Code using the old field name, column or type must switch before contract, which drops the old column only once steward\'s usage gate finds no use of it in the project (readers outside it, such as other services, views and reports, are not seen).',
  },
  'field-transition-backfill': {
    severity: 'dangerous',
    addition: true,
    reason:
      'A required column added (or made required) by expand/contract (/// @steward.transition(backfill: "<SQL>")): existing rows get the backfill value and a trigger fills rows written by code that does not set it, until contract makes it NOT NULL; after contract every create must pass a value.',
  },
  'field-transition-split': {
    severity: 'dangerous',
    reason:
      'One column split into several by expand/contract (/// @steward.transition(from: "old_column", backfill: "<SQL>") on each new field): the new columns are computed from the old one and kept in step by a trigger while old and new code run, so no row is lost. Code using the old field must switch before contract, which drops the old column only once steward\'s usage gate (at migrate create and again at migrate deploy) finds no use of it in the project.',
  },
  'field-transition-drop': {
    severity: 'dangerous',
    reason:
      'A column retired by expand/contract (/// @steward.transition(drop: "old_column") on the model): the column stays until contract, made nullable or kept filled by a trigger so that old code (which reads it) and new code (which no longer writes it) both work; contract drops it with its values, which steward\'s usage gate (at migrate create and again at migrate deploy) allows only once the project no longer uses it.',
  },
  'model-transition-drop': {
    severity: 'dangerous',
    reason:
      'A table retired by expand/contract (/// @steward.transition(dropTable: "old_table") on the datasource): the table stays, without its foreign keys to the tables that remain, until contract drops it with its rows, which steward\'s usage gate (at migrate create and again at migrate deploy) allows only once the project no longer uses its client delegate or names it in raw SQL.',
  },
  'field-updated-at-changed': {
    severity: 'dangerous',
    reason: '@updatedAt added or removed: the field is, or stops being, set automatically on every update.',
  },

  // ---- keys and indexes -----------------------------------------------------------------------
  'primary-key-added': { severity: 'dangerous', reason: 'A primary key is added: the migration fails when existing rows have duplicate or NULL key values.' },
  'primary-key-removed': { severity: 'breaking', reason: 'The primary key is removed: findUnique and relations by the old key no longer work.' },
  'primary-key-changed': {
    severity: 'breaking',
    reason: 'The primary key changes: the table is rebuilt, foreign keys pointing at it change, and findUnique by the old key no longer compiles.',
  },
  'unique-added': {
    severity: 'dangerous',
    reason: 'A unique constraint (@unique) is added: the migration fails when existing rows hold duplicates, and writes of duplicates start failing.',
  },
  'unique-removed': {
    severity: 'breaking',
    reason: 'A unique constraint (@unique) is removed: findUnique/upsert by that field no longer compile, and duplicates become possible.',
  },
  'compound-unique-added': {
    severity: 'dangerous',
    reason: 'A compound unique constraint (@@unique) is added: the migration fails when existing rows hold duplicates.',
  },
  'compound-unique-removed': { severity: 'breaking', reason: 'A compound unique constraint (@@unique) is removed: findUnique/upsert by it no longer compile.' },
  'index-added': {
    severity: 'safe',
    addition: true,
    reason: 'A new index: reads may get faster; writes are slightly slower and the table may lock while it is built.',
  },
  'index-removed': { severity: 'dangerous', reason: 'An index is dropped: queries that used it may become slow.' },
  'index-changed': { severity: 'dangerous', reason: 'An index or constraint changes its options: it is rebuilt, and queries may plan differently.' },
  'index-renamed': {
    severity: 'dangerous',
    reason:
      'The same index or constraint under a new database name (map:): steward migrates it with RENAME, but SQL that names it (ON CONFLICT ON CONSTRAINT, index hints, monitoring) breaks.',
  },

  // ---- relations ------------------------------------------------------------------------------
  'relation-added': {
    severity: 'dangerous',
    addition: true,
    reason: 'A foreign key is added on existing columns: the migration fails when existing rows point at rows that do not exist.',
  },
  'relation-added-on-new-column': {
    severity: 'safe',
    addition: true,
    reason:
      'A foreign key on columns created in the same change without a default: existing rows hold NULL there (or the column cannot be added at all, reported on its own), so no existing row can violate it.',
  },
  'back-relation-added': { severity: 'safe', addition: true, reason: 'A new relation field on the side without the foreign key: no database change.' },
  'relation-removed': { severity: 'breaking', reason: 'A relation field is removed: code that includes or filters by it no longer compiles.' },
  'relation-fields-changed': {
    severity: 'breaking',
    reason: 'The relation is held by other scalar fields: the foreign key is rebuilt and connects/filters through the old fields break.',
  },
  'relation-references-changed': {
    severity: 'breaking',
    reason: 'The relation points at other fields of the referenced model: the foreign key is rebuilt and existing values may not match.',
  },
  'relation-on-delete-changed': {
    severity: 'dangerous',
    reason: 'What happens to these rows when the referenced row is deleted changes (cascade, set null, restrict...).',
  },
  'relation-on-update-changed': { severity: 'dangerous', reason: 'What happens to these rows when the referenced key is updated changes.' },

  // ---- enums ----------------------------------------------------------------------------------
  'enum-added': { severity: 'safe', addition: true, reason: 'A new enum type; nothing existing uses it.' },
  'enum-removed': { severity: 'breaking', reason: 'The enum type is dropped; code importing it no longer compiles.' },
  'enum-renamed': { severity: 'breaking', reason: 'The enum type changes name in the client; code importing the old name no longer compiles.' },
  'enum-type-renamed': {
    severity: 'dangerous',
    reason:
      'The same enum under a new database type name (@@map): steward migrates it with ALTER TYPE ... RENAME TO, but raw SQL casting to the old type name (::old_name) breaks.',
  },
  'probable-enum-rename': {
    severity: 'breaking',
    reason:
      'An enum disappeared and one with the same values (or used by the same fields) appeared: Prisma migrates that as a new type and a cast of every column that uses it, and drops the old type. Confirm the rename with /// @steward.renamedFrom("old_type") and steward migrates it with ALTER TYPE ... RENAME TO; code importing the old name no longer compiles either way.',
  },
  'probable-enum-value-rename': {
    severity: 'breaking',
    reason:
      'An enum value disappeared and another appeared in its place: Prisma rebuilds the type and the migration fails while rows hold the old value (or they must be converted by hand). Confirm the rename with /// @steward.renamedFrom("old_value") on the value and steward migrates it with RENAME VALUE (an UPDATE on SQLite).',
  },
  'enum-value-added': {
    severity: 'dangerous',
    addition: true,
    reason:
      'A new enum value: the database only adds it (ALTER TYPE ... ADD VALUE), but code that switches exhaustively over the enum, or clients reading it, may not handle it (changes.severities can make it safe).',
  },
  'enum-value-removed': { severity: 'breaking', reason: 'The migration fails while rows hold the value, and code using it no longer compiles.' },
  'enum-value-renamed': {
    severity: 'breaking',
    reason:
      'The same enum value stored under a new name (@map): steward migrates it (PostgreSQL RENAME VALUE, SQLite an UPDATE of the rows), but raw SQL, reports and other readers comparing with the old stored value break.',
  },

  // ---- views and composite types --------------------------------------------------------------
  'view-added': { severity: 'safe', addition: true, reason: 'A new view; nothing existing uses it.' },
  'view-removed': { severity: 'breaking', reason: 'The view is gone; code querying it no longer compiles.' },
  'view-field-added': { severity: 'safe', addition: true, reason: 'A new view column: reads gain a field.' },
  'view-field-removed': { severity: 'breaking', reason: 'A view column is gone; code reading it no longer compiles.' },
  'view-field-changed': { severity: 'dangerous', reason: 'A view column changes type, list-ness or nullability; code reading it sees a different type.' },
  'composite-type-added': { severity: 'safe', addition: true, reason: 'A new composite type; nothing existing uses it.' },
  'composite-type-removed': { severity: 'breaking', reason: 'The composite type is gone; code using it no longer compiles.' },
  'composite-field-added': {
    severity: 'dangerous',
    addition: true,
    reason: 'A new field in embedded documents: documents written before lack it, which fails reads when it is required.',
  },
  'composite-field-removed': { severity: 'breaking', reason: 'A field of embedded documents is gone; code using it no longer compiles.' },
  'composite-field-changed': {
    severity: 'breaking',
    reason: 'A field of embedded documents changes type, list-ness or nullability; existing documents may no longer read.',
  },

  // ---- migration SQL committed with the change (when the diff is given it) -------------------
  'migration-data-statement': {
    severity: 'dangerous',
    reason:
      'The migration changes rows (UPDATE, INSERT or DELETE): the schema does not show it, it runs once in every environment, and it may be slow or lock the table on a large one. Review it like code.',
  },
  'migration-index-not-in-schema': {
    severity: 'dangerous',
    reason:
      'The migration creates an index the schema does not declare (a partial or expression index, or a hand-written name): Prisma does not know it, so the next schema diff may drop it and drift checks report it. Declare it, or record it as expected drift.',
  },

  // ---- datasource and environments ------------------------------------------------------------
  'provider-changed': { severity: 'breaking', reason: 'The master datasource provider changes: every migration and native type must be revisited.' },
  'env-excluded': {
    severity: 'breaking',
    reason: 'An environment annotation leaves the member out of an environment that had it: in that environment the table or column is dropped.',
  },
  'env-included': { severity: 'safe', addition: true, reason: 'An environment annotation now includes the member in an environment that lacked it.' },
  'env-override-changed': {
    severity: 'dangerous',
    reason: 'The field type or attributes an environment uses (@steward.override) change in that environment only.',
  },
  'env-attributes-excluded-changed': {
    severity: 'dangerous',
    reason: 'Which attributes an environment leaves out (@steward.exclude(env) @attr) changes; constraints appear or disappear in that environment only.',
  },
} as const satisfies Record<string, ChangeCodeInfo>;

export type DiffCode = keyof typeof DIFF_CODES;

declare module '../diagnostics/diagnostic.js' {
  interface DiagnosticCodes {
    diff: DiffCode;
  }
}

export const DIFF_CODE_LIST = Object.keys(DIFF_CODES) as DiffCode[];

export const SEVERITY_RANK: Record<ChangeSeverity, number> = { breaking: 2, dangerous: 1, safe: 0 };

/** Where a call site of a changed model or field is, as found by a code scanner. */
export interface Usage {
  file: string;
  line: number;
  column: number;
  /** The source line or a short excerpt. */
  text?: string;
}

/** Where an environment's history is in an expand/contract transition, by the migrations written in it (not what a database applied). */
export type TransitionPhaseState = 'expand pending' | 'contract pending' | 'done';

export interface TransitionDescription {
  /**
   * `column`: a new column replacing an old one, or one a backfill fills (`field-transition`,
   * `field-transition-backfill`); `split`: several new columns computed from one old column;
   * `drop`: a column retired; `dropTable`: a table retired.
   */
  kind: 'column' | 'split' | 'drop' | 'dropTable';
  /** The old column (a rename, a type change, a split), absent for a new required column. */
  from?: string;
  /** The new column; for a drop, the retired one; `''` for a retired table. */
  column: string;
  /** For a split: its new fields and their columns, in the master's order. */
  split?: Array<{ field: string; column: string }>;
  /**
   * Whether the transition has an expand phase. A drop of a column that is nullable or has a
   * default, without a backfill, and the drop of a table without foreign keys go straight to contract.
   */
  expand: boolean;
  /** The SQL expression existing rows get (a new required or computed column), or, for a drop (and a split's old column), what the old column gets in new code's rows until contract. */
  backfill?: string;
  /** Whether the Prisma field name changes too (the client's, not only the column's). */
  fieldRenamed: boolean;
  /** Whether the type (Prisma or native) changes. */
  typeChanged: boolean;
  /** Per environment with a migration history, the phase its migrations reach. */
  phases: Array<{ env: string; phase: TransitionPhaseState }>;
}

/** How one environment sees a change differently from the master. */
export interface EnvironmentEffect {
  env: string;
  /** What the environment sees, in one sentence. */
  effect: string;
}

/** One semantic change between two versions of the master. */
export interface SchemaChange {
  code: DiffCode;
  severity: ChangeSeverity;
  reason: string;
  /** What changed, in one sentence. */
  message: string;
  /** The model, view, composite type or enum. */
  model?: string;
  /** The field or enum value. */
  field?: string;
  /** Database table name, when the change touches a table. */
  table?: string;
  /** Database column name, when the change touches a column. */
  column?: string;
  before?: string;
  after?: string;
  /**
   * For a probable rename: the name that `/// @steward.renamedFrom("...")` on the new member
   * takes to confirm it (the old database name: table, column, enum type or stored value).
   */
  renamedFrom?: string;
  /** For a probable rename: why it is probably the same thing. */
  evidence?: string[];
  /** For the `*-transition*` codes: the expand/contract transition and its phase per environment. */
  transition?: TransitionDescription;
  /** Environments that see the change differently, or the only ones it applies to. */
  envs: EnvironmentEffect[];
  /** Call sites in application code still using what was removed or renamed. */
  usages: Usage[];
  /** Location in the new master (old master for removals). */
  location?: { file: string; line: number; column: number; endLine?: number; endColumn?: number };
  /** Whether the location is in the old version (removals). */
  locationSide?: 'from' | 'to';
}

export function changeInfo(code: DiffCode): ChangeCodeInfo {
  return DIFF_CODES[code];
}

export function highestSeverity(changes: readonly Pick<SchemaChange, 'severity'>[]): ChangeSeverity | undefined {
  let best: ChangeSeverity | undefined;
  for (const c of changes) if (best === undefined || SEVERITY_RANK[c.severity] > SEVERITY_RANK[best]) best = c.severity;
  return best;
}
