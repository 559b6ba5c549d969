/**
 * `steward migrate lint`: the migrations of every environment's history that are new since steward
 * was adopted (or since a git ref), each linted against the structure the history before it built.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ResolvedConfig, ResolvedEnvironment } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DatabaseSchema } from '../database/model.js';
import { readDatabaseSchema } from '../database/read-schema.js';
import type { DatabaseConnection } from '../engine/connection.js';
import { openScratchDatabase } from '../engine/open-database.js';
import { splitStatements } from '../engine/sql-statements.js';
import { migrationScripts, readMigrationsList, type MigrationScript } from '../engine/migrations-list.js';
import { projectCacheOptions, type PgliteCacheOptions } from '../engine/pglite-cache.js';
import { StewardError } from '../errors/index.js';
import { migrateConfigOf, type MigrationAcknowledgement } from './config.js';
import { isMigratableProvider } from './environment-schemas.js';
import { providerAdapter, type DatabaseProvider } from '../providers/registry.js';
import { cachedHistoryStates, historyKeys, restoreHistoryState, saveHistoryState, scratchPlan } from './history-scratch.js';
import { checkMigrationLock, migrationScriptPath } from './layout.js';
import { hitDiagnostics, migrationHits, readsStructureBefore, type MigrationHit } from './lint/lint-migration.js';
import { readLintCache, writeLintCache } from './lint-cache.js';
import { migrationsAtRef } from './migrations-at-ref.js';
import { replayScripts } from './replay.js';
import { isBlocked, masterExtensions, unavailableExtensionDiagnostics, type ScratchPlan } from './scratch-extensions.js';

export interface LintHistoriesOptions {
  env?: string;
  cache?: PgliteCacheOptions;
  /** Lint only the migrations that a git ref (e.g. the pull request's base) does not have. */
  since?: string;
  /** A PostgreSQL server for histories that need an extension PGlite lacks (overrides each environment's `shadowUrl`). */
  shadowUrl?: string;
}

export async function lintMigrationHistories(config: ResolvedConfig, options: LintHistoriesOptions = {}): Promise<Diagnostic[]> {
  const environments = config.environments.filter((env) => options.env === undefined || env.name === options.env);
  if (options.env !== undefined && environments.length === 0) throw new StewardError('UNKNOWN_ENVIRONMENT', `No environment named '${options.env}'`);
  const settings = migrateConfigOf(config.sections);
  const cache = options.cache ?? projectCacheOptions(config.cwd);
  const declared = environments.some((env) => providerAdapter(env.provider).capabilities.extensions) ? masterExtensions(config) : [];
  const perEnvironment = await Promise.all(
    environments.map(async (env) => {
      if (!isMigratableProvider(env.provider)) return [];
      await checkMigrationLock(env.migrationsDir, env.provider, env.name);
      const scripts = migrationScripts(await readMigrationsList(env.migrationsDir));
      if (scripts.length === 0) return [];
      const known = options.since === undefined ? undefined : migrationsAtRef(config.cwd, env.migrationsDir, options.since);
      const firstLinted = firstJudged(env, scripts, settings.adoptedAt?.[env.name], known, config.cwd);
      if (firstLinted >= scripts.length && !settings.acknowledge?.length) return [];
      // The scratch loads the extensions the whole history needs, not only the replayed part.
      const plan = scratchPlan(env.provider, scripts, { declared, shadowUrl: options.shadowUrl ?? env.shadowUrl });
      if (isBlocked(plan))
        return unavailableExtensionDiagnostics(plan.missing, env, config.cwd, 'warning', 'this history was not replayed, so its migrations were not linted');
      return lintFrom(config, env, scripts, firstLinted, acknowledgementsOf(settings.acknowledge ?? [], env.name), cache, plan);
    }),
  );
  return perEnvironment.flat();
}

/**
 * The index of the first migration to judge. Everything before it was applied before steward
 * was adopted (or is already on the base branch): it is replayed, never linted.
 */
function firstJudged(env: ResolvedEnvironment, scripts: MigrationScript[], adoptedAt: string | undefined, known: Set<string> | undefined, cwd: string): number {
  let first = 0;
  if (adoptedAt !== undefined) {
    const at = scripts.findIndex((s) => s.name === adoptedAt);
    if (at < 0) {
      throw new StewardError(
        'CONFIG_INVALID',
        `migrate.adoptedAt.${env.name} names ${adoptedAt}, which is not in ${path.relative(cwd, env.migrationsDir) || env.migrationsDir}`,
        {
          hint: 'It names the last migration of the history when steward was adopted (steward init records it).',
        },
      );
    }
    first = at + 1;
  }
  if (known !== undefined) {
    // Migrations are ordered by name: the judged part starts after the last one the ref has.
    let last = -1;
    scripts.forEach((s, i) => {
      if (known.has(s.name)) last = i;
    });
    first = Math.max(first, last + 1);
  }
  return first;
}

async function lintFrom(
  config: ResolvedConfig,
  env: ResolvedEnvironment,
  scripts: MigrationScript[],
  first: number,
  acknowledgements: Map<string, MigrationAcknowledgement[]>,
  cache: PgliteCacheOptions,
  plan: ScratchPlan,
): Promise<Diagnostic[]> {
  const provider = env.provider as DatabaseProvider;
  const diagnostics: Diagnostic[] = [];
  for (const [migration, acks] of acknowledgements) {
    if (acks.some((a) => a.env === env.name) && !scripts.some((s) => s.name === migration)) {
      diagnostics.push(ackDiagnostic(config, env, acks[0], `acknowledges ${migration}, which is not in this history`));
    }
  }
  if (first >= scripts.length) return diagnostics;
  const fileOf = (migration: MigrationScript) => path.relative(config.cwd, migrationScriptPath(env.migrationsDir, migration.name));
  // keys[i]: the state after the first i migrations. A judged migration's findings are kept by
  // the key of the state after it; those already known need no database.
  const keys = historyKeys(scripts, plan.extensions);
  const known = await readLintCache(cache, env.name);
  const hits = new Map<number, MigrationHit[]>();
  for (let i = first; i < scripts.length; i++) {
    const kept = known.get(keys[i + 1]);
    if (kept) hits.set(i, kept);
  }
  if (hits.size < scripts.length - first) {
    await lintOnScratch(provider, env.name, scripts, first, keys, hits, { cache, plan, fileOf });
    await writeLintCache(cache, env.name, new Map([...hits].map(([i, found]) => [keys[i + 1], found])));
  }
  for (let i = first; i < scripts.length; i++) {
    const migration = scripts[i];
    const file = fileOf(migration);
    const checksum = migrationChecksum(migration.script);
    const accepted = new Map<string, string>();
    for (const ack of acknowledgements.get(migration.name) ?? []) {
      if (checksum.startsWith(ack.checksum)) for (const code of ack.codes) accepted.set(code, ack.reason ?? 'acknowledged in steward.config');
      else
        diagnostics.push(
          ackDiagnostic(
            config,
            env,
            ack,
            `was given for another version of ${file} (now ${checksum.slice(0, 23)}): the migration changed since, so its findings are shown again`,
          ),
        );
    }
    diagnostics.push(
      ...hitDiagnostics(
        { env: env.name, provider, script: migration.script, file, migration: migration.name, accepted, checksum: checksum.slice(0, 23) },
        hits.get(i)!,
      ),
    );
  }
  return diagnostics;
}

/**
 * Finds the findings `hits` lacks for migrations `first..` on a scratch database. It starts from
 * the latest cached state at or before the first migration to lint (else an empty database),
 * replays in batches (replay.ts), and reads the structure only before a migration a rule needs
 * it for. On PGlite it keeps the adoption point's state and the end state in the cache: the
 * next check after a new migration starts from there, and `migrate create` restores the end.
 */
async function lintOnScratch(
  provider: DatabaseProvider,
  env: string,
  scripts: MigrationScript[],
  first: number,
  keys: string[],
  hits: Map<number, MigrationHit[]>,
  options: { cache: PgliteCacheOptions; plan: ScratchPlan; fileOf: (migration: MigrationScript) => string },
): Promise<void> {
  const { cache, plan, fileOf } = options;
  let start = first;
  while (hits.has(start)) start++;
  const pglite = provider === 'postgresql' && plan.shadowUrl === undefined;
  const saved = pglite ? await cachedHistoryStates(cache, env) : new Set<string>();
  let from = 0;
  let connection: DatabaseConnection | null = null;
  for (let i = start; i > 0 && connection === null; i--) {
    if (!saved.has(keys[i])) continue;
    connection = await restoreHistoryState(cache, env, keys[i], plan.extensions);
    if (connection) from = i;
  }
  connection ??= await openScratchDatabase(provider, cache, { extensions: plan.extensions, shadowUrl: plan.shadowUrl });
  try {
    let pending: MigrationScript[] = [];
    const flush = async () => {
      await replayScripts(connection, pending, fileOf);
      pending = [];
    };
    for (let i = from; i < scripts.length; i++) {
      if (i === first && first > from && pglite && !saved.has(keys[first])) {
        await flush();
        await saveHistoryState(connection, cache, env, keys[first]);
      }
      if (i >= first && !hits.has(i)) {
        const statements = splitStatements(scripts[i].script);
        let before: DatabaseSchema | undefined;
        if (readsStructureBefore(provider, statements)) {
          await flush();
          before = await readDatabaseSchema(connection);
        }
        hits.set(i, migrationHits(provider, statements, before));
      }
      pending.push(scripts[i]);
    }
    await flush();
    if (pglite && !saved.has(keys[scripts.length])) await saveHistoryState(connection, cache, env, keys[scripts.length]);
  } finally {
    await connection.close();
  }
}

/** `sha256:` and the SHA-256 of the script, as Prisma checksums migration.sql (hex). */
export function migrationChecksum(script: string): string {
  return `sha256:${createHash('sha256').update(script).digest('hex')}`;
}

function acknowledgementsOf(acks: MigrationAcknowledgement[], env: string): Map<string, MigrationAcknowledgement[]> {
  const byMigration = new Map<string, MigrationAcknowledgement[]>();
  for (const ack of acks) {
    if (ack.env !== undefined && ack.env !== env) continue;
    byMigration.set(ack.migration, [...(byMigration.get(ack.migration) ?? []), ack]);
  }
  return byMigration;
}

function ackDiagnostic(config: ResolvedConfig, env: ResolvedEnvironment, ack: MigrationAcknowledgement, problem: string): Diagnostic {
  const shown = config.configFile ? path.relative(config.cwd, config.configFile) : 'steward.config';
  return {
    source: 'migrate-lint',
    code: 'acknowledgement-outdated',
    severity: 'warning',
    message: `The acknowledgement of ${ack.codes.join(', ')} for ${ack.migration} ${problem}`,
    env: env.name,
    location: { file: shown, line: 1, column: 1 },
  };
}
