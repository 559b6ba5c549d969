/**
 * `steward migrate backfill`: fills each expanded transition's new column on a live PostgreSQL
 * database in batches, one short transaction each (a migration runs as one transaction, which
 * would lock every row until the end). Resumable by construction: a batch takes only rows still
 * unfilled, so a stopped run continues where it stopped. Rows locked by the application are
 * skipped and taken by a later batch.
 */
import type { ResolvedConfig } from '../../config/types.js';
import { readDatabaseSchema } from '../../database/read-schema.js';
import type { DatabaseConnection } from '../../engine/connection.js';
import { redactSecrets } from '../../engine/database-url.js';
import { openDatabase } from '../../engine/open-database.js';
import { StewardError } from '../../errors/index.js';
import { loadMaster } from '../../project/master.js';
import { describeLocation, parseDatabaseUrl } from '../../providers/location.js';
import { quote } from '../preflight/checks.js';
import { backfillBatchSql, pendingRowsCondition } from './phase-sql.js';
import { describeTransition, masterTransitions } from './transitions.js';

export interface BackfillProgress {
  transition: string;
  filled: number;
  total: number;
  batches: number;
  /** Rows still unfilled at the end (held by the application's locks throughout): contract's catch-up fills them. */
  remaining?: number;
}

export interface BackfillOptions {
  batchSize?: number;
  timeoutMs?: number;
  cwd: string;
  onProgress?: (progress: BackfillProgress) => void;
}

export async function backfillTransitions(config: ResolvedConfig, url: string, options: BackfillOptions): Promise<BackfillProgress[]> {
  const location = parseDatabaseUrl(url, options.cwd);
  const batchSize = options.batchSize ?? 1000;
  const transitions = masterTransitions(loadMaster(config, { validate: false }).schema);
  let connection: DatabaseConnection | undefined;
  const results: BackfillProgress[] = [];
  try {
    connection = await openDatabase(location, { timeoutMs: options.timeoutMs ?? 60_000 });
    if (connection.provider !== 'postgresql')
      throw new StewardError('USAGE', 'migrate backfill runs on PostgreSQL; on SQLite the contract migration fills the column in its one step');
    const live = await readDatabaseSchema(connection);
    // A retired column has nothing to fill: its sync trigger fills the rows new code writes.
    for (const transition of transitions.filter((t) => t.kind === 'column')) {
      const table = live.tables.find((t) => t.name === transition.table);
      const column = table?.columns.find((c) => c.name === transition.column);
      // Only expanded transitions: the new column exists and (for a `from`) the old one too.
      if (!column || (transition.from !== undefined && !table!.columns.some((c) => c.name === transition.from))) continue;
      const columns = { transition, newType: column.type };
      const progress: BackfillProgress = { transition: describeTransition(transition), filled: 0, total: 0, batches: 0 };
      progress.total = Number((await connection.query(`SELECT count(*) AS n FROM ${quote(transition.table)} WHERE ${pendingRowsCondition(columns)}`))[0].n);
      options.onProgress?.(progress);
      for (;;) {
        const rows = await connection.query(`WITH filled AS (${backfillBatchSql(columns)} RETURNING 1) SELECT count(*) AS n FROM filled`, [batchSize]);
        const n = Number(rows[0].n);
        if (n === 0) break;
        progress.filled += n;
        progress.batches++;
        options.onProgress?.(progress);
      }
      progress.remaining = Number((await connection.query(`SELECT count(*) AS n FROM ${quote(transition.table)} WHERE ${pendingRowsCondition(columns)}`))[0].n);
      results.push(progress);
    }
  } catch (error) {
    if (error instanceof StewardError) throw error;
    throw new StewardError(
      'DATABASE_UNREACHABLE',
      `Backfill on ${describeLocation(location)} stopped: ${redactSecrets((error as Error).message, [url])} (run it again to continue)`,
    );
  } finally {
    await connection?.close().catch(() => {});
  }
  return results;
}
