import type { Severity } from '../../diagnostics/diagnostic.js';
import type { DatabaseSchema } from '../../database/model.js';
import type { DatabaseProvider } from '../../providers/registry.js';
import type { SqlStatement } from '../../engine/sql-statements.js';

/** What a rule sees: one migration's statements, and the structure before it when known. */
export interface MigrationLintContext {
  provider: DatabaseProvider;
  statements: SqlStatement[];
  /** Tables created by this same migration: changes to them touch no existing data. */
  createdTables: Set<string>;
  /** The structure the history had before this migration, when it was replayed. */
  before?: DatabaseSchema;
}

export interface RuleHit {
  line: number;
  message: string;
  table?: string;
  column?: string;
}

/**
 * One safety rule. Its code, severity, reason and safer recipe live beside its detection. `Code`
 * is its code as a literal (`MigrationRule<'drop-table'>`): rules.ts derives the closed list of
 * migration lint codes from the rules.
 */
export interface MigrationRule<Code extends string = string> {
  code: Code;
  severity: Severity;
  /** Why it is risky. */
  reason: string;
  /** The safer way to reach the same schema. */
  recipe: string;
  providers: readonly DatabaseProvider[];
  /**
   * Whether `check` reads `before` for these statements. Reading the structure costs a catalog
   * read per migration (~50 ms on PGlite, most of a long history's lint), so it is read only
   * for a migration some rule asks it for. Absent: the rule never reads it.
   */
  readsBefore?(context: Pick<MigrationLintContext, 'provider' | 'statements'>): boolean;
  check(context: MigrationLintContext): RuleHit[];
}
