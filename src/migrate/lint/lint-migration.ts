/** Runs every safety rule over one migration script and returns Diagnostics. */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DatabaseSchema } from '../../database/model.js';
import type { DatabaseProvider } from '../../engine/database-url.js';
import { MIGRATION_RULES } from './rules.js';
import { splitStatements } from '../../engine/sql-statements.js';
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

export function lintMigration(input: LintMigrationInput): Diagnostic[] {
  const statements = splitStatements(input.script);
  const createdTables = new Set(
    statements.filter((s) => /^CREATE TABLE/i.test(s.text)).map((s) => identifierAfter(s.text, 'CREATE TABLE')).filter((name): name is string => !!name),
  );
  const acknowledged = acknowledgedCodes(input.script);
  const diagnostics: Diagnostic[] = [];
  for (const rule of MIGRATION_RULES) {
    if (!(rule.providers as readonly string[]).includes(input.provider)) continue;
    for (const hit of rule.check({ provider: input.provider, statements, createdTables, before: input.before })) {
      const reason = input.accepted?.get(rule.code);
      const isAcknowledged = acknowledged.has(rule.code) || reason !== undefined;
      diagnostics.push({
        source: 'migrate-lint',
        code: rule.code,
        severity: isAcknowledged ? 'info' : rule.severity,
        message: `${input.migration}: ${hit.message}${isAcknowledged ? ` (acknowledged${reason ? `: ${reason}` : ''})` : ''}`,
        env: input.env,
        location: { file: input.file, line: hit.line, column: 1 },
        notes: isAcknowledged ? undefined : [`why: ${rule.reason}`, `safer: ${rule.recipe}`, acknowledgeNote(input, rule.code)],
        data: { migration: input.migration, table: hit.table, column: hit.column, acknowledged: isAcknowledged },
      });
    }
  }
  return diagnostics;
}

/**
 * How to accept a finding without touching the migration: an applied migration.sql must not
 * change (Prisma compares checksums), so the acknowledgement lives in steward.config.
 */
function acknowledgeNote(input: LintMigrationInput, code: string): string {
  const checksum = input.checksum ? `, checksum: '${input.checksum}'` : '';
  return `acknowledge: add { env: '${input.env}', migration: '${input.migration}'${checksum}, codes: ['${code}'], reason: '...' } to migrate.acknowledge in steward.config`;
}
