/**
 * prisma-steward as a library: the public API. Each capability is a function over a resolved
 * configuration (`loadConfig`) that returns data; the `steward` CLI wraps these and only adds
 * output. The list is deliberate and checked by test/api/api-report.test.ts against
 * etc/api-report.json (README's "Library" section too): anything not exported here is internal.
 *
 * Importing this module loads no database driver, engine or TypeScript: the capabilities that
 * need them (migrate, drift, verify, status, report) load them when called. A configuration
 * file needs only `prisma-steward/config` (defineConfig and the types, no dependencies).
 */
import type { ResolvedConfig } from './config/types.js';

// Configuration
export { defineConfig } from './config/define.js';
export { loadConfig, resolveConfig } from './compose/sections.js';
export type { LoadConfigOptions } from './config/load.js';
export type { EnvironmentConfig, ResolvedConfig, ResolvedEnvironment, StewardConfig } from './config/types.js';

// Errors and diagnostics
export { StewardError, isStewardError, ERROR_CODES, type ErrorCode, type ErrorLocation } from './errors/steward-error.js';
export { ExitCode } from './errors/exit-codes.js';
export type { Diagnostic, DiagnosticCode, DiagnosticCodes, DiagnosticOf, DiagnosticSource, Severity } from './diagnostics/diagnostic.js';
// The closed list of codes of each diagnostic source (DiagnosticCode<source> is one of these; ErrorCode
// above is `steward`'s, DiffCode below `diff`'s). Exported, type-only, so that DiagnosticCodes is
// complete for a program that imports only this module (test/api/diagnostic-codes.test.ts).
export type { StaleCode } from './generate/generate.js';
export type { ChangeCode as GenerationChangeCode } from './generate/changes.js';
export type { ValidateCode } from './prisma/validate-codes.js';
export type { EngineNoteCode } from './engine/engine-schema.js';
export type { AuditCode } from './audit/finding.js';
export type { DocsCode } from './docs/codes.js';
export type { MigrateCode } from './migrate/codes.js';
export type { MigrateLintCode } from './migrate/lint/rules.js';
export type { MigrationStatusCode } from './migrate/migration-status.js';
export type { PreflightCode } from './migrate/preflight/preflight.js';
export type { DeployCode } from './migrate/deploy.js';
export type { DriftCode } from './catalog/codes.js';
export type { DriftRunCode } from './drift/codes.js';
export type { VerifyCode } from './verify/codes.js';
export { REPORTERS, type Reporter, type ReportContext } from './diagnostics/reporters/index.js';

// The schema model
export { parseSchema } from './schema/parse.js';
export { loadSchema } from './schema/load.js';
export type { Schema, SourceFile, Span, Model, Field, Enum } from './schema/model.js';

// generate, validate
export { generateProject, type GenerateOptions, type GenerateReport } from './project/environments.js';
export { transformForEnvironment } from './generate/transform.js';
export { validateProject, type ValidateResult } from './project/validate.js';

// lint
export { lintProject, type LintProjectOptions, type LintProjectResult } from './project/lint.js';
export { lintSchema } from './lint/engine.js';
export { RULES, type LintMessageId, type LintRuleId } from './lint/rules/index.js';
export type { Rule, RuleMeta } from './lint/rule.js';

// audit
export { auditProject, auditDiagnostics, type AuditResult } from './audit/project.js';
export type { Finding } from './audit/finding.js';

// diff, changelog, release
export { diffProject, type ProjectDiff, type ProjectDiffOptions } from './diff/project.js';
export { diffSchemas } from './diff/diff.js';
export { DIFF_CODES, type DiffCode, type SchemaChange } from './diff/codes.js';
export { updateChangelog, type ChangelogUpdate } from './changelog/changelog.js';
export { releaseSchema, type ReleaseOptions, type ReleaseResult } from './release/release.js';

// docs
export { docsProject, type DocsOptions, type DocsReport } from './docs/project.js';

// check: every offline gate
export { checkProject, type CheckOptions, type CheckResult } from './compose/check.js';

// The CLI as a function
export { runCli, type RunOptions } from './cli/main.js';

// Capabilities that open databases, engines or the TypeScript compiler: loaded when called.
import type * as CreateMigrations from './migrate/create-migrations.js';
import type * as Baseline from './migrate/baseline.js';
import type * as MigrationStatus from './migrate/migration-status.js';
import type * as LintHistory from './migrate/lint-history.js';
import type * as DriftEnvironment from './drift/drift-environment.js';
import type * as Verify from './verify/verify.js';
import type * as StatusCollect from './status/collect.js';
import type * as ReportCollect from './report/collect.js';

export type { CreateMigrationsOptions, EnvironmentMigration } from './migrate/create-migrations.js';
export type { BaselineOptions, EnvironmentBaseline } from './migrate/baseline.js';
export type { MigrationStatusReport, MigrationState } from './migrate/migration-status.js';
export type { DriftResult, DriftStatus, DriftOptions } from './drift/check-drift.js';
export type { VerifyOptions, VerifyReport } from './verify/verify.js';
export type { StatusReport } from './status/types.js';
export type { ReportData } from './report/data.js';

/** `steward migrate create`: a migration per environment from the master's change. */
export async function createMigrations(
  config: ResolvedConfig,
  options: CreateMigrations.CreateMigrationsOptions,
): Promise<CreateMigrations.EnvironmentMigration[]> {
  return (await import('./migrate/create-migrations.js')).createMigrations(config, options);
}

/** `steward migrate baseline`: each environment's history started from its current schema. */
export async function baselineMigrations(config: ResolvedConfig, options?: Baseline.BaselineOptions): Promise<Baseline.EnvironmentBaseline[]> {
  return (await import('./migrate/baseline.js')).baselineMigrations(config, options);
}

/** `steward migrate status` for one history against one database. */
export async function migrationStatus(...args: Parameters<typeof MigrationStatus.migrationStatus>): Promise<MigrationStatus.MigrationStatusReport> {
  return (await import('./migrate/migration-status.js')).migrationStatus(...args);
}

/** `steward migrate lint`: safety findings of every environment's history. */
export async function lintMigrationHistories(
  ...args: Parameters<typeof LintHistory.lintMigrationHistories>
): ReturnType<typeof LintHistory.lintMigrationHistories> {
  return (await import('./migrate/lint-history.js')).lintMigrationHistories(...args);
}

/** `steward db drift` for one environment: each database URL compared with the environment's schema. */
export async function driftForEnvironment(
  ...args: Parameters<typeof DriftEnvironment.driftForEnvironment>
): ReturnType<typeof DriftEnvironment.driftForEnvironment> {
  return (await import('./drift/drift-environment.js')).driftForEnvironment(...args);
}

/** `steward verify`: Prisma Client per environment, type-check of the code, CRUD smoke tests. */
export async function verifyProject(config: ResolvedConfig, options?: Verify.VerifyOptions): Promise<Verify.VerifyReport> {
  return (await import('./verify/verify.js')).verifyProject(config, options);
}

/** `steward status`: figures per capability. */
export async function collectStatus(...args: Parameters<typeof StatusCollect.collectStatus>): ReturnType<typeof StatusCollect.collectStatus> {
  return (await import('./status/collect.js')).collectStatus(...args);
}

/** `steward report`: the data of the HTML report. */
export async function collectReport(...args: Parameters<typeof ReportCollect.collectReport>): ReturnType<typeof ReportCollect.collectReport> {
  return (await import('./report/collect.js')).collectReport(...args);
}
