import type { DatabaseConnection } from '../engine/connection.js';
import type { MigrationScript } from '../engine/migrations-list.js';
import { StewardError } from '../errors/index.js';
import { engineSupport } from '../providers/registry.js';
import { migrationScriptPath } from './layout.js';

/**
 * Replays a history into an empty scratch database, which is then in the state of every
 * environment that applied it.
 */
export async function replayHistory(scratch: DatabaseConnection, migrationsDir: string, scripts: readonly MigrationScript[]): Promise<void> {
  for (const migration of scripts) {
    try {
      await replayScript(scratch, migration.script);
    } catch (error) {
      throw new StewardError('MIGRATION_INVALID', `Migration ${migration.name} does not apply to the history before it: ${(error as Error).message}`, {
        location: { file: migrationScriptPath(migrationsDir, migration.name) },
        cause: error,
      });
    }
  }
}

/**
 * Runs one migration script on a scratch database. Where the provider's adapter says so
 * (PostgreSQL), a script without its own transaction control runs in one transaction: PGlite commits each statement otherwise, which
 * makes a 70-table history take 0.8 s instead of 0.2 s.
 */
export async function replayScript(scratch: DatabaseConnection, script: string): Promise<void> {
  const managesItsOwnTransaction = /^\s*(BEGIN|COMMIT|START\s+TRANSACTION|ROLLBACK)\b|\bCONCURRENTLY\b/im.test(script);
  if (!engineSupport(scratch.provider).replayInTransaction || managesItsOwnTransaction) {
    await scratch.executeScript(script);
    return;
  }
  await scratch.executeScript(`BEGIN;\n${script}\n;COMMIT;`);
}
