/**
 * `steward migrate baseline`: each environment's full creation script. Written as the first
 * migration of an empty history (a fresh environment), or printed for adopting steward on an
 * existing database (apply nothing, then `prisma migrate resolve --applied <name>`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { MIGRATION_LOCK_FILE, readMigrationsList } from '../engine/migrations-list.js';
import { offlineAdapterFactory } from '../engine/offline-adapter.js';
import { diffTarget, SchemaEngineSession } from '../engine/schema-engine.js';
import { StewardError } from '../errors/index.js';
import { toStewardError } from './engine-errors.js';
import { migratableEnvironments } from './environment-schemas.js';
import { checkMigrationLock, migrationLockText, migrationScriptPath, migrationSlug, migrationTimestamp } from './layout.js';

export interface BaselineOptions {
  name?: string;
  dryRun?: boolean;
  env?: string;
  now?: Date;
}

export interface EnvironmentBaseline {
  env: string;
  provider: string;
  directoryName: string;
  script: string;
  file?: string;
  /** What steward's Prisma 7 engine was not given (Prisma 5/6 URLs, unknown preview features). */
  notes: Diagnostic[];
}

export async function baselineMigrations(config: ResolvedConfig, options: BaselineOptions = {}): Promise<EnvironmentBaseline[]> {
  const directoryName = `${migrationTimestamp(options.now)}_${migrationSlug(options.name ?? 'baseline')}`;
  const environments = await migratableEnvironments(config, options.env);
  // A baseline is the diff from empty to the schema, a pure function of the schema: the engine
  // runs on an adapter with no database behind it (offline-adapter.ts), no scratch to start.
  // allSettled: every environment is checked before anything is written.
  const settled = await Promise.allSettled(
    environments.map(async ({ env, provider, schema, engineNotes }) => {
      await checkMigrationLock(env.migrationsDir, provider, env.name);
      const existing = (await readMigrationsList(env.migrationsDir)).migrationDirectories.length;
      if (existing > 0 && !options.dryRun) {
        throw new StewardError('USAGE', `Environment '${env.name}' already has ${existing} migration(s); a baseline starts a history`, {
          location: { file: path.relative(config.cwd, env.migrationsDir) || env.migrationsDir },
          hint: 'Use `steward migrate create` for changes, or `--dry-run` to print the full creation script.',
        });
      }
      const engine = await SchemaEngineSession.open(offlineAdapterFactory(provider));
      try {
        const script = await engine.diffScript(diffTarget.empty(), diffTarget.schema(schema));
        return { env: env.name, provider, migrationsDir: env.migrationsDir, directoryName, script, notes: engineNotes };
      } catch (error) {
        throw toStewardError(error, schema.path);
      } finally {
        await engine.dispose();
      }
    }),
  );
  const failure = settled.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  const baselines = settled.map((outcome) => (outcome as PromiseFulfilledResult<EnvironmentBaseline & { migrationsDir: string }>).value);
  const result: EnvironmentBaseline[] = [];
  for (const baseline of baselines) {
    const entry: EnvironmentBaseline = { env: baseline.env, provider: baseline.provider, directoryName, script: baseline.script, notes: baseline.notes };
    if (!options.dryRun && baseline.script !== '') {
      const file = migrationScriptPath(baseline.migrationsDir, directoryName);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, baseline.script);
      await writeFile(path.join(baseline.migrationsDir, MIGRATION_LOCK_FILE), migrationLockText(baseline.provider as 'sqlite' | 'postgresql'));
      entry.file = file;
    }
    result.push(entry);
  }
  return result;
}
