/**
 * `steward db drift --fix-sql <name>`: the remediation of one database's findings written as a
 * migration draft in the environment's history, in the layout `migrate create` writes
 * (`<migrations>/<timestamp>_<name>/migration.sql` and the provider lock), and linted like any
 * migration. Drift never runs it and never writes to the database: the draft is for review.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { MIGRATION_LOCK_FILE } from '../engine/migrations-list.js';
import { StewardError } from '../errors/index.js';
import { checkMigrationLock, migrationLockText, migrationScriptPath, migrationSlug, migrationTimestamp } from '../migrate/layout.js';
import { lintMigration } from '../migrate/lint/lint-migration.js';
import type { DatabaseProvider } from '../providers/registry.js';
import type { DriftResult } from './check-drift.js';
import { countsAsDrift, type DriftFinding } from '../catalog/codes.js';
import { inScriptOrder } from '../catalog/remediation.js';
import { driftMessage } from './message.js';

export interface FixMigration {
  /** Relative to the project. */
  file: string;
  directoryName: string;
  script: string;
  /** Findings whose fix the draft holds. */
  findings: number;
  /** The migration lint's findings on the draft. */
  diagnostics: Diagnostic[];
}

/** The draft's text: one commented block per finding, in dependency order; identical fixes (a SQLite rebuild) once. */
export function fixScript(env: string, result: DriftResult): { script: string; findings: number } {
  const findings = inScriptOrder(result.findings.filter((finding) => countsAsDrift(finding) && finding.fix));
  const seen = new Set<string>();
  const blocks: string[] = [];
  for (const finding of findings as Array<DriftFinding & { fix: string }>) {
    const comment = `-- ${finding.code}: ${driftMessage(finding).replace(/\n/g, ' ')}`;
    if (seen.has(finding.fix)) {
      blocks.push(`${comment}\n--   (fixed by the statements above)`);
      continue;
    }
    seen.add(finding.fix);
    blocks.push(`${comment}\n${finding.fix}`);
  }
  const header = [
    `-- Drafted by steward db drift --fix-sql: what makes ${result.database} match environment '${env}'.`,
    '-- Review it before committing: drops lose data, and acknowledged differences (drift.acknowledge) are left out.',
    '-- Steward never runs it; prisma migrate deploy does, on every database of the environment.',
  ];
  return { script: `${[...header, '', blocks.join('\n\n')].join('\n')}\n`, findings: findings.length };
}

export async function writeFixMigration(
  config: ResolvedConfig,
  envName: string,
  result: DriftResult,
  options: { name: string; now?: Date },
): Promise<FixMigration | null> {
  const environment = config.environments.find((env) => env.name === envName);
  if (!environment) throw new StewardError('UNKNOWN_ENVIRONMENT', `No environment named '${envName}'`);
  const { script, findings } = fixScript(envName, result);
  if (findings === 0) return null;
  const directoryName = `${migrationTimestamp(options.now)}_${migrationSlug(options.name)}`;
  await checkMigrationLock(environment.migrationsDir, environment.provider, envName);
  const absolute = migrationScriptPath(environment.migrationsDir, directoryName);
  if (
    await stat(path.dirname(absolute)).then(
      () => true,
      () => false,
    )
  ) {
    throw new StewardError('USAGE', `The migration folder ${path.relative(config.cwd, path.dirname(absolute))} already exists: choose another --fix-sql name`);
  }
  const file = path.relative(config.cwd, absolute);
  const diagnostics = lintMigration({ env: envName, provider: environment.provider as DatabaseProvider, script, file, migration: directoryName });
  await mkdir(path.dirname(absolute), { recursive: true });
  await writeFile(absolute, script);
  await writeFile(path.join(environment.migrationsDir, MIGRATION_LOCK_FILE), migrationLockText(environment.provider));
  return { file, directoryName, script, findings, diagnostics };
}
