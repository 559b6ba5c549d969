export { createMigrations, type CreateMigrationsOptions, type EnvironmentMigration } from './create-migrations.js';
export { baselineMigrations, type BaselineOptions, type EnvironmentBaseline } from './baseline.js';
export { migrationStatus, statusDiagnostics, migrationChecksum, type MigrationStatusReport, type MigrationState } from './migration-status.js';
export { lintMigrationHistories } from './lint-history.js';
export { lintMigration, type LintMigrationInput } from './lint/lint-migration.js';
export { MIGRATION_RULES, type MigrationLintCode } from './lint/rules.js';
export { planRenames, type PlannedRename } from './renames.js';
