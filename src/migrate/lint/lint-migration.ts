/** Runs every safety rule over one migration script and returns Diagnostics. */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DatabaseSchema } from '../../database/model.js';
import type { DatabaseProvider } from '../../providers/registry.js';
import type { MigrationRule } from './rule.js';
import { MIGRATION_RULES, type MigrationLintCode } from './rules.js';
import { splitStatements, type SqlStatement } from '../../engine/sql-statements.js';
import { acknowledgedCodes, identifierAfter } from './statements.js';

export interface LintMigrationInput {
  env: string;
  provider: DatabaseProvider;
  script: string;
  /** Shown as the location (the migration.sql path, relative to cwd). */
  file: string;
  migration: string;
  before?: DatabaseSchema;
  /** Codes acknowledged outside the file (steward.config `migrate.acknowledge`), with the reason. */
  accepted?: ReadonlyMap<string, string>;
  /** The script's checksum as an acknowledgement names it (`sha256:` + 16 hex digits). */
  checksum?: string;
}

/** One rule's finding on one migration, before acknowledgements: what the lint cache keeps. */
export interface MigrationHit {
  code: MigrationLintCode;
  line: number;
  message: string;
  table?: string;
  column?: string;
}

export function lintMigration(input: LintMigrationInput): Diagnostic[] {
  return hitDiagnostics(input, migrationHits(input.provider, splitStatements(input.script), input.before));
}

/** Whether some rule needs the structure before these statements (see MigrationRule.readsBefore). */
export function readsStructureBefore(provider: DatabaseProvider, statements: SqlStatement[]): boolean {
  return MIGRATION_RULES.some(
    (rule) => (rule.providers as readonly string[]).includes(provider) && (rule as MigrationRule).readsBefore?.({ provider, statements }) === true,
  );
}

/** Every rule's findings on one migration's statements. */
export function migrationHits(provider: DatabaseProvider, statements: SqlStatement[], before?: DatabaseSchema): MigrationHit[] {
  const createdTables = new Set(
    statements
      .filter((s) => /^CREATE TABLE/i.test(s.text))
      .map((s) => identifierAfter(s.text, 'CREATE TABLE'))
      .filter((name): name is string => !!name),
  );
  const hits: MigrationHit[] = [];
  for (const rule of MIGRATION_RULES) {
    if (!(rule.providers as readonly string[]).includes(provider)) continue;
    for (const hit of rule.check({ provider, statements, createdTables, before })) hits.push({ code: rule.code, ...hit });
  }
  return hits;
}

/** Findings as diagnostics, with the acknowledgements in the file (`-- steward-ack`) and in steward.config. */
export function hitDiagnostics(input: Omit<LintMigrationInput, 'before'>, hits: readonly MigrationHit[]): Diagnostic[] {
  const acknowledged = acknowledgedCodes(input.script);
  return hits.map((hit) => {
    const rule = MIGRATION_RULES.find((candidate) => candidate.code === hit.code)!;
    const reason = input.accepted?.get(rule.code);
    const isAcknowledged = acknowledged.has(rule.code) || reason !== undefined;
    return {
      source: 'migrate-lint',
      code: rule.code,
      severity: isAcknowledged ? 'info' : rule.severity,
      message: `${input.migration}: ${hit.message}${isAcknowledged ? ` (acknowledged${reason ? `: ${reason}` : ''})` : ''}`,
      env: input.env,
      location: { file: input.file, line: hit.line, column: 1 },
      notes: isAcknowledged ? undefined : [`why: ${rule.reason}`, `safer: ${rule.recipe}`, acknowledgeNote(input, rule.code)],
      data: { migration: input.migration, table: hit.table, column: hit.column, acknowledged: isAcknowledged },
    } satisfies Diagnostic;
  });
}

/**
 * How to accept a finding without touching the migration: an applied migration.sql must not
 * change (Prisma compares checksums), so the acknowledgement lives in steward.config.
 */
function acknowledgeNote(input: Pick<LintMigrationInput, 'env' | 'migration' | 'checksum'>, code: string): string {
  const checksum = input.checksum ? `, checksum: '${input.checksum}'` : '';
  return `acknowledge: add { env: '${input.env}', migration: '${input.migration}'${checksum}, codes: ['${code}'], reason: '...' } to migrate.acknowledge in steward.config`;
}
