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
  await replayScripts(scratch, scripts, (migration) => migrationScriptPath(migrationsDir, migration.name));
}

/** At most this much SQL in one transaction: a failing batch is replayed again one migration at a time. */
const BATCH_CHARACTERS = 2_000_000;

/**
 * Replays migrations in order, as few transactions as is safe: on PostgreSQL, consecutive
 * migrations without their own transaction control run in one transaction (PGlite's commit of
 * each migration costs more than most of its statements: 696 migrations replay in ~40% less
 * time). A migration that adds an enum value ends its batch, since the next one may use the
 * value and PostgreSQL refuses a value added in the same, uncommitted transaction. When a batch
 * fails it is rolled back and replayed migration by migration, so the error names its migration.
 * `file` locates a failing migration in the error (MIGRATION_INVALID).
 */
export async function replayScripts(
  scratch: DatabaseConnection,
  scripts: readonly MigrationScript[],
  file: (migration: MigrationScript) => string,
): Promise<void> {
  let batch: MigrationScript[] = [];
  let size = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const pending = batch;
    batch = [];
    size = 0;
    if (pending.length === 1 || !engineSupport(scratch.provider).replayInTransaction) {
      for (const migration of pending) await replayOne(scratch, migration, file);
      return;
    }
    try {
      await scratch.executeScript(`BEGIN;\n${pending.map((migration) => `${migration.script}\n;`).join('\n')}\nCOMMIT;`);
    } catch {
      await scratch.executeScript('ROLLBACK;').catch(() => {});
      for (const migration of pending) await replayOne(scratch, migration, file);
    }
  };
  for (const migration of scripts) {
    if (managesItsOwnTransaction(migration.script)) {
      await flush();
      await replayOne(scratch, migration, file);
      continue;
    }
    batch.push(migration);
    size += migration.script.length;
    if (size >= BATCH_CHARACTERS || /\bADD\s+VALUE\b/i.test(migration.script)) await flush();
  }
  await flush();
}

async function replayOne(scratch: DatabaseConnection, migration: MigrationScript, file: (migration: MigrationScript) => string): Promise<void> {
  try {
    await replayScript(scratch, migration.script);
  } catch (error) {
    throw new StewardError('MIGRATION_INVALID', `Migration ${migration.name} does not apply to the history before it: ${(error as Error).message}`, {
      location: { file: file(migration) },
      cause: error,
    });
  }
}

function managesItsOwnTransaction(script: string): boolean {
  return /^\s*(BEGIN|COMMIT|START\s+TRANSACTION|ROLLBACK)\b|\bCONCURRENTLY\b/im.test(script);
}

/**
 * Runs one migration script on a scratch database. Where the provider's adapter says so
 * (PostgreSQL), a script without its own transaction control runs in one transaction: PGlite commits each statement otherwise, which
 * makes a 70-table history take 0.8 s instead of 0.2 s.
 */
export async function replayScript(scratch: DatabaseConnection, script: string): Promise<void> {
  if (!engineSupport(scratch.provider).replayInTransaction || managesItsOwnTransaction(script)) {
    await scratch.executeScript(script);
    return;
  }
  await scratch.executeScript(`BEGIN;\n${script}\n;COMMIT;`);
}
