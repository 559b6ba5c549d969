/**
 * A scratch database holding an environment's replayed history. For PostgreSQL the replayed
 * state is also kept in the cache (`<cache>/history/<env>-<hash>.tar`, keyed by the scripts'
 * content): the next `migrate create` on the same history restores it (~0.4 s) instead of
 * starting an empty PGlite and replaying every migration. SQLite replays in milliseconds.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
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

/** Keep this many cached histories per environment (each is a PGlite tarball of ~40 MB). */
const KEPT_PER_ENVIRONMENT = 2;

/** The cache key of a replayed history; the loaded extensions are part of it (a restored state needs them). */
export function historyKey(scripts: readonly MigrationScript[], extensions: readonly string[] = []): string {
  const hash = createHash('sha256');
  if (extensions.length > 0) hash.update(`extensions\0${extensions.join(',')}\0`);
  for (const { name, script } of scripts) hash.update(`${name}\0${script}\0`);
  return hash.digest('hex').slice(0, 24);
}

function dumpPath(cache: PgliteCacheOptions, env: string, key: string): string {
  return path.join(cache.cacheDir ?? defaultCacheDir(), 'history', `${env}-${key}.tar`);
}

export async function openHistoryScratch(provider: DatabaseProvider, env: string, migrationsDir: string, cache: PgliteCacheOptions, options: HistoryScratchOptions = {}): Promise<HistoryScratch> {
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
export async function openScratchAfter(provider: DatabaseProvider, env: string, migrationsDir: string, scripts: MigrationScript[], cache: PgliteCacheOptions, plan: ScratchPlan): Promise<HistoryScratch> {
  if (isBlocked(plan)) return { blocked: plan.missing, plan };
  const key = historyKey(scripts, plan.extensions);
  if (provider === 'postgresql' && plan.shadowUrl === undefined) {
    const dump = await readFile(dumpPath(cache, env, key)).catch(() => null);
    if (dump) {
      const connection = await PgliteConnection.fromDump(new Uint8Array(dump), cache, plan.extensions).catch(() => null);
      if (connection) return { connection, scripts, key, restored: true, plan };
    }
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
  await writeFile(temporary, await scratch.dump());
  await rename(temporary, file);
  const directory = path.dirname(file);
  const siblings = (await readdir(directory, { withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isFile() && entry.name.startsWith(`${env}-`) && entry.name.endsWith('.tar'))
    .map((entry) => entry.name);
  if (siblings.length > KEPT_PER_ENVIRONMENT) {
    const { stat } = await import('node:fs/promises');
    const dated = await Promise.all(siblings.map(async (name) => ({ name, time: (await stat(path.join(directory, name))).mtimeMs })));
    dated.sort((a, b) => b.time - a.time);
    await Promise.all(dated.slice(KEPT_PER_ENVIRONMENT).map(({ name }) => rm(path.join(directory, name), { force: true })));
  }
}
