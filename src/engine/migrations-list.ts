/**
 * The engine reads nothing from disk: migration folders are handed to it as a MigrationList.
 * This mirrors what `prisma migrate` does (sorted directory names, `migration.sql` in each,
 * `migration_lock.toml` at the root).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';

export const MIGRATION_LOCK_FILE = 'migration_lock.toml';
export const MIGRATION_SCRIPT_FILE = 'migration.sql';

export interface MigrationScript {
  /** Directory name, e.g. `20250101120000_init`. */
  name: string;
  script: string;
}

export async function readMigrationsList(directory: string): Promise<MigrationList> {
  const baseDir = path.resolve(directory);
  const lockContent = await readFile(path.join(baseDir, MIGRATION_LOCK_FILE), 'utf8').catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const read = await Promise.all(
    names.map(async (name) => {
      const content = await readFile(path.join(baseDir, name, MIGRATION_SCRIPT_FILE), 'utf8')
        .then((value) => ({ tag: 'ok' as const, value }))
        .catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : { tag: 'error' as const, value: error.message }));
      return content === null ? null : { path: name, migrationFile: { path: MIGRATION_SCRIPT_FILE, content } };
    }),
  );
  // A folder without migration.sql is not a SQL migration: formbricks keeps data migrations
  // (`migration.ts`, run by its own runner) beside its SQL ones, and skips them for Prisma.
  const migrationDirectories = read.filter((directory) => directory !== null);
  return { baseDir, lockfile: { path: MIGRATION_LOCK_FILE, content: lockContent }, shadowDbInitScript: '', migrationDirectories };
}

/** A migration history held in memory (tests, dry runs, a history plus a not-yet-written migration). */
export function migrationsListOf(baseDir: string, migrations: MigrationScript[], lockContent: string | null = null): MigrationList {
  return {
    baseDir,
    lockfile: { path: MIGRATION_LOCK_FILE, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories: [...migrations]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((migration) => ({ path: migration.name, migrationFile: { path: MIGRATION_SCRIPT_FILE, content: { tag: 'ok', value: migration.script } } })),
  };
}

/** The scripts of a list, in order; a directory whose script could not be read is an error. */
export function migrationScripts(list: MigrationList): MigrationScript[] {
  return list.migrationDirectories.map((directory) => {
    const content = directory.migrationFile.content;
    if (content.tag === 'error') throw new Error(`cannot read ${path.join(list.baseDir, directory.path, directory.migrationFile.path)}: ${content.value}`);
    return { name: directory.path, script: content.value };
  });
}
