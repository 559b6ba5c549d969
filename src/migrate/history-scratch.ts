/**
 * A scratch database holding an environment's replayed history. For PostgreSQL the replayed
 * state is also kept in the cache (`<cache>/history/<env>-<hash>.tar`, keyed by the scripts'
 * content): the next `migrate create` on the same history restores it (~0.4 s) instead of
 * starting an empty PGlite and replaying every migration. SQLite replays in milliseconds.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { DatabaseConnection } from '../engine/connection.js';
import { providerAdapter, type DatabaseProvider } from '../providers/registry.js';
import { migrationScripts, readMigrationsList, type MigrationScript } from '../engine/migrations-list.js';
import { openScratchDatabase } from '../engine/open-database.js';
import { defaultCacheDir, makeCacheFolder, type PgliteCacheOptions } from '../engine/pglite-cache.js';
import { PgliteConnection } from '../engine/pglite-connection.js';
import type { ExtensionRequest } from '../engine/pglite-extensions.js';
import { replayHistory } from './replay.js';
import { isBlocked, planScratch, type ScratchPlan } from './scratch-extensions.js';

export type HistoryScratch =
  | {
      connection: DatabaseConnection;
      scripts: MigrationScript[];
      key: string;
      /** True when the state came from the cache (nothing was replayed). */
      restored: boolean;
      plan: ScratchPlan;
      blocked?: undefined;
    }
  /** The history needs an extension PGlite lacks and no `shadowUrl` was given: nothing was opened. */
  | { blocked: ExtensionRequest[]; connection?: undefined; plan: ScratchPlan };

export interface HistoryScratchOptions {
  /** Extensions the master's datasource declares. */
  declared?: readonly ExtensionRequest[];
  /** A PostgreSQL server for the scratch when PGlite lacks an extension. */
  shadowUrl?: string;
}

/**
 * Keep this many cached states per environment (each is a PGlite tarball of 40 to 75 MB): the
 * adoption point and the end of the history, plus the one before the last change.
 */
const KEPT_PER_ENVIRONMENT = 3;

/** The cache key of a replayed history; the loaded extensions are part of it (a restored state needs them). */
export function historyKey(scripts: readonly MigrationScript[], extensions: readonly string[] = []): string {
  return historyKeys(scripts, extensions)[scripts.length];
}

/**
 * The key of every state of a history: `[i]` is the state after its first `i` migrations. Each
 * key hashes the one before it with the next migration, so a history's keys cost one pass over
 * its scripts, and a longer history shares the keys of its beginning.
 */
export function historyKeys(scripts: readonly MigrationScript[], extensions: readonly string[] = []): string[] {
  const keys = [
    createHash('sha256')
      .update(extensions.length > 0 ? `extensions\0${extensions.join(',')}\0` : '')
      .digest('hex')
      .slice(0, 24),
  ];
  for (const { name, script } of scripts)
    keys.push(
      createHash('sha256')
        .update(`${keys[keys.length - 1]}\0${name}\0${script}`)
        .digest('hex')
        .slice(0, 24),
    );
  return keys;
}

/** The keys of the states of `env` kept in the cache. */
export async function cachedHistoryStates(cache: PgliteCacheOptions, env: string): Promise<Set<string>> {
  const directory = path.dirname(dumpPath(cache, env, 'x'));
  const names = await readdir(directory).catch(() => [] as string[]);
  return new Set(names.filter((name) => name.startsWith(`${env}-`) && name.endsWith('.tar')).map((name) => name.slice(env.length + 1, -'.tar'.length)));
}

/** A PGlite in the cached state `key`, or null when it is missing or unreadable. */
export async function restoreHistoryState(
  cache: PgliteCacheOptions,
  env: string,
  key: string,
  extensions: readonly string[],
): Promise<PgliteConnection | null> {
  const file = dumpPath(cache, env, key);
  const dump = await readFile(file).catch(() => null);
  if (!dump) return null;
  const connection = await PgliteConnection.fromDump(new Uint8Array(dump.buffer, dump.byteOffset, dump.byteLength), cache, extensions).catch(() => null);
  // Used now: the last to be evicted (the cache keeps the most recently used states).
  if (connection) await utimes(file, new Date(), new Date()).catch(() => {});
  return connection;
}

function dumpPath(cache: PgliteCacheOptions, env: string, key: string): string {
  return path.join(cache.cacheDir ?? defaultCacheDir(), 'history', `${env}-${key}.tar`);
}

export async function openHistoryScratch(
  provider: DatabaseProvider,
  env: string,
  migrationsDir: string,
  cache: PgliteCacheOptions,
  options: HistoryScratchOptions = {},
): Promise<HistoryScratch> {
  const scripts = migrationScripts(await readMigrationsList(migrationsDir));
  return openScratchAfter(provider, env, migrationsDir, scripts, cache, scratchPlan(provider, scripts, options));
}

/** The scratch a whole history needs (extensions, or a server), decided before any part of it is replayed. */
export function scratchPlan(provider: DatabaseProvider, scripts: readonly MigrationScript[], options: HistoryScratchOptions = {}): ScratchPlan {
  return providerAdapter(provider).capabilities.extensions ? planScratch(scripts, options.declared ?? [], options.shadowUrl) : { extensions: [], missing: [] };
}

/**
 * A scratch database in the state after `scripts` (a whole history, or the part of it before the
 * migrations to judge), made as `plan` says: restored from the cache, or replayed.
 */
export async function openScratchAfter(
  provider: DatabaseProvider,
  env: string,
  migrationsDir: string,
  scripts: MigrationScript[],
  cache: PgliteCacheOptions,
  plan: ScratchPlan,
): Promise<HistoryScratch> {
  if (isBlocked(plan)) return { blocked: plan.missing, plan };
  const key = historyKey(scripts, plan.extensions);
  if (provider === 'postgresql' && plan.shadowUrl === undefined) {
    const connection = await restoreHistoryState(cache, env, key, plan.extensions);
    if (connection) return { connection, scripts, key, restored: true, plan };
  }
  const connection = await openScratchDatabase(provider, cache, { extensions: plan.extensions, shadowUrl: plan.shadowUrl });
  try {
    await replayHistory(connection, migrationsDir, scripts);
  } catch (error) {
    await connection.close();
    throw error;
  }
  return { connection, scripts, key, restored: false, plan };
}

/** Keeps the scratch database's current state as the cached state of history `key`. */
export async function saveHistoryState(scratch: DatabaseConnection, cache: PgliteCacheOptions, env: string, key: string): Promise<void> {
  if (!(scratch instanceof PgliteConnection)) return;
  const file = dumpPath(cache, env, key);
  await makeCacheFolder(file, cache);
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await scratch.dumpTo(temporary);
  await rename(temporary, file);
  const directory = path.dirname(file);
  const siblings = (await readdir(directory, { withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isFile() && entry.name.startsWith(`${env}-`) && entry.name.endsWith('.tar'))
    .map((entry) => entry.name);
  if (siblings.length > KEPT_PER_ENVIRONMENT) {
    const { stat } = await import('node:fs/promises');
    // Another steward sharing the cache may be pruning too: a file gone meanwhile is skipped.
    const dated = (
      await Promise.all(
        siblings.map((name) =>
          stat(path.join(directory, name)).then(
            (info) => ({ name, time: info.mtimeMs }),
            () => null,
          ),
        ),
      )
    ).filter((entry) => entry !== null);
    dated.sort((a, b) => b.time - a.time);
    await Promise.all(dated.slice(KEPT_PER_ENVIRONMENT).map(({ name }) => rm(path.join(directory, name), { force: true })));
  }
}
