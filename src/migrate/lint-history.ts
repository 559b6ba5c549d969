/** `steward migrate lint`: every migration of every environment's history, each linted against the structure before it. */
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readDatabaseSchema } from '../database/read-schema.js';
import { migrationScripts, readMigrationsList } from '../engine/migrations-list.js';
import { openScratchDatabase } from '../engine/open-database.js';
import { projectCacheOptions, type PgliteCacheOptions } from '../engine/pglite-cache.js';
import { StewardError } from '../errors/index.js';
import { isMigratableProvider } from './environment-schemas.js';
import { checkMigrationLock, migrationScriptPath } from './layout.js';
import { lintMigration } from './lint/lint-migration.js';
import { replayScript } from './replay.js';
import { isBlocked, masterExtensions, planScratch, unavailableExtensionDiagnostics } from './scratch-extensions.js';

export interface LintHistoriesOptions {
  env?: string;
  cache?: PgliteCacheOptions;
  /** A PostgreSQL server for histories that need an extension PGlite lacks (overrides each environment's `shadowUrl`). */
  shadowUrl?: string;
}

export async function lintMigrationHistories(config: ResolvedConfig, options: LintHistoriesOptions = {}): Promise<Diagnostic[]> {
  const environments = config.environments.filter((env) => options.env === undefined || env.name === options.env);
  if (options.env !== undefined && environments.length === 0) throw new StewardError('UNKNOWN_ENVIRONMENT', `No environment named '${options.env}'`);
  const declared = environments.some((env) => env.provider === 'postgresql') ? masterExtensions(config) : [];
  const perEnvironment = await Promise.all(
    environments.map(async (env) => {
      const provider = env.provider;
      if (!isMigratableProvider(provider)) return [];
      await checkMigrationLock(env.migrationsDir, provider, env.name);
      const scripts = migrationScripts(await readMigrationsList(env.migrationsDir));
      if (scripts.length === 0) return [];
      const plan = provider === 'postgresql' ? planScratch(scripts, declared, options.shadowUrl ?? env.shadowUrl) : { extensions: [], missing: [] };
      if (isBlocked(plan)) return unavailableExtensionDiagnostics(plan.missing, env, config.cwd, 'warning', 'this history was not replayed, so its migrations were not linted');
      const scratch = await openScratchDatabase(provider, options.cache ?? projectCacheOptions(config.cwd), plan);
      const diagnostics: Diagnostic[] = [];
      try {
        for (const migration of scripts) {
          const file = migrationScriptPath(env.migrationsDir, migration.name);
          const before = await readDatabaseSchema(scratch);
          diagnostics.push(...lintMigration({ env: env.name, provider, script: migration.script, file: path.relative(config.cwd, file), migration: migration.name, before }));
          try {
            await replayScript(scratch, migration.script);
          } catch (error) {
            throw new StewardError('MIGRATION_INVALID', `Migration ${migration.name} does not apply to the history before it: ${(error as Error).message}`, {
              location: { file: path.relative(config.cwd, file) },
            });
          }
        }
      } finally {
        await scratch.close();
      }
      return diagnostics;
    }),
  );
  return perEnvironment.flat();
}
