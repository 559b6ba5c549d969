/**
 * `steward migrate preflight`: what the pending migrations would meet in the live database,
 * read inside one READ ONLY transaction (the read-only connection drift and status use):
 * per statement, the table locks it takes (PostgreSQL's documented levels, lint/locks.ts) with
 * the row count and size of each locked table, the rows it would fail on (checks.ts), and a
 * verdict. Nothing is written; on PostgreSQL each check runs under a savepoint so one failing
 * query (a column a pending migration adds) does not end the transaction.
 */
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DatabaseConnection } from '../../engine/connection.js';
import type { DatabaseSchema } from '../../database/model.js';
import { readDatabaseSchema } from '../../database/read-schema.js';
import { redactSecrets } from '../../engine/database-url.js';
import { migrationScripts, readMigrationsList } from '../../engine/migrations-list.js';
import { openDatabase } from '../../engine/open-database.js';
import { splitStatements } from '../../engine/sql-statements.js';
import { StewardError } from '../../errors/index.js';
import { describeLocation, parseDatabaseUrl } from '../../providers/location.js';
import { migrationScriptPath } from '../layout.js';
import { lockBlocks, statementLocks, type LockMode } from '../lint/locks.js';
import { identifierAfter } from '../lint/statements.js';
import { migrationStatus } from '../migration-status.js';
import { dataChecks, enumSwaps, quote, rebuildRequiredColumns, type CheckKind } from './checks.js';
import { lockDuration, type LockDuration } from './lock-duration.js';

export const PREFLIGHT_VERDICTS = ['ok', 'locks', 'fails'] as const;
export type PreflightVerdict = (typeof PREFLIGHT_VERDICTS)[number];

export interface PreflightLock {
  table: string;
  mode: LockMode;
  blocks: ReturnType<typeof lockBlocks>;
  /** Absent when the table does not exist yet (a pending migration creates it). */
  rows?: number;
  bytes?: number;
}

export interface PreflightCheck {
  kind: CheckKind;
  table: string;
  what: string;
  /** Rows the statement would fail on; absent when the check could not run (see `skipped`). */
  count?: number;
  skipped?: string;
}

export interface PreflightStatement {
  migration: string;
  /** migration.sql, relative to cwd. */
  file: string;
  line: number;
  sql: string;
  locks: PreflightLock[];
  /** How long the locks are held (PostgreSQL): while the table is rewritten or scanned, or briefly. */
  holds: LockDuration;
  checks: PreflightCheck[];
  verdict: PreflightVerdict;
}

export interface PreflightReport {
  database: string;
  /** Migrations `prisma migrate deploy` would apply, in order. */
  pending: string[];
  statements: PreflightStatement[];
}

export interface PreflightOptions {
  timeoutMs?: number;
  cwd: string;
}

export async function preflight(migrationsDir: string, url: string, options: PreflightOptions): Promise<PreflightReport> {
  const location = parseDatabaseUrl(url, options.cwd);
  const status = await migrationStatus(migrationsDir, url, { timeoutMs: options.timeoutMs, cwd: options.cwd });
  const pendingNames = status.migrations.filter((m) => m.state === 'pending' || m.state === 'rolled-back').map((m) => m.name);
  const scripts = migrationScripts(await readMigrationsList(migrationsDir)).filter((m) => pendingNames.includes(m.name));
  const report: PreflightReport = { database: status.database, pending: scripts.map((m) => m.name), statements: [] };
  if (scripts.length === 0) return report;
  let connection: DatabaseConnection | undefined;
  try {
    connection = await openDatabase(location, { readOnly: true, timeoutMs: options.timeoutMs ?? 10_000 });
    const reader = new LiveReader(connection, await readDatabaseSchema(connection));
    for (const { name, script } of scripts) {
      const statements = splitStatements(script);
      const enums = enumSwaps(statements.map((s) => s.text));
      const rebuilds = rebuildRequiredColumns(statements.map((s) => s.text));
      const file = path.relative(options.cwd, migrationScriptPath(migrationsDir, name));
      for (const statement of statements) {
        report.statements.push(await reader.statement(name, file, statement.line, statement.text, enums, rebuilds));
      }
    }
  } catch (error) {
    if (error instanceof StewardError) throw error;
    throw new StewardError('DATABASE_UNREACHABLE', `Cannot read ${describeLocation(location)}: ${redactSecrets((error as Error).message, [url])}`);
  } finally {
    await connection?.close().catch(() => {});
  }
  return report;
}

/** Reads of the live database for the statements, each table's size read once. */
class LiveReader {
  private readonly sizes = new Map<string, Promise<{ rows: number; bytes?: number }>>();
  /** Tables and columns the pending statements create: they hold no rows the database could be asked about. */
  private readonly createdTables = new Set<string>();
  private readonly addedColumns = new Set<string>();

  constructor(
    private readonly connection: DatabaseConnection,
    private readonly live: DatabaseSchema,
  ) {}

  async statement(
    migration: string,
    file: string,
    line: number,
    text: string,
    enums: ReadonlyMap<string, string[]>,
    rebuilds: ReadonlyMap<string, Set<string>>,
  ): Promise<PreflightStatement> {
    const locks: PreflightLock[] = [];
    for (const { table, mode } of this.locksOf(text)) {
      const lock: PreflightLock = { table, mode, blocks: lockBlocks(mode) };
      if (this.exists(table)) Object.assign(lock, await this.size(table));
      locks.push(lock);
    }
    const checks: PreflightCheck[] = [];
    for (const check of dataChecks(text, enums, rebuilds)) {
      const missing = !this.exists(check.table)
        ? `table "${check.table}" is created by a pending migration`
        : check.columns.find((c) => !this.hasColumn(check.table, c));
      if (missing !== undefined) {
        checks.push({
          kind: check.kind,
          table: check.table,
          what: check.what,
          skipped: missing.startsWith('table') ? missing : `column "${missing}" is added by a pending migration`,
        });
        continue;
      }
      if (check.postgresOnly && this.connection.provider !== 'postgresql') continue;
      const result = await this.read(check.sql);
      checks.push(
        typeof result === 'string'
          ? { kind: check.kind, table: check.table, what: check.what, skipped: result }
          : { kind: check.kind, table: check.table, what: check.what, count: result },
      );
    }
    const holds = locks.length > 0 ? lockDuration(text, this.live) : 'brief';
    const fails = checks.some((check) => (check.count ?? 0) > 0);
    // A brief catalog change is 'ok' (lint's missing-lock-timeout bounds its wait); a scan or rewrite of rows blocks for as long as they take.
    const blocks = holds !== 'brief' && locks.some((lock) => (lock.rows ?? 0) > 0 && (lock.blocks === 'reads and writes' || lock.blocks === 'writes'));
    this.track(text);
    return {
      migration,
      file,
      line,
      sql: text.length > 160 ? `${text.slice(0, 157)}...` : text,
      locks,
      holds,
      checks,
      verdict: fails ? 'fails' : blocks ? 'locks' : 'ok',
    };
  }

  /** The statement's table locks; on SQLite none are named (a migration holds the database's write lock throughout). */
  private locksOf(text: string): Array<{ table: string; mode: LockMode }> {
    if (this.connection.provider !== 'postgresql') return [];
    const drop = /^DROP INDEX\s+(CONCURRENTLY\s+)?(?:IF EXISTS\s+)?/i.exec(text);
    if (drop) {
      const index = identifierAfter(text, drop[0].trim());
      const table = this.live.tables.find((t) => t.indexes.some((i) => i.name === index));
      return table ? [{ table: table.name, mode: drop[1] ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE' }] : [];
    }
    return statementLocks(text);
  }

  private track(text: string): void {
    const created = /^CREATE TABLE/i.test(text) ? identifierAfter(text, 'CREATE TABLE') : undefined;
    if (created) this.createdTables.add(created);
    const renamed = /^ALTER TABLE\s+("(?:[^"]|"")+"|[\w$]+)\s+RENAME TO\s+("(?:[^"]|"")+"|[\w$]+)/i.exec(text);
    // A SQLite rebuild renames "new_<t>" back to "<t>": the table keeps its rows.
    if (renamed && renamed[1].replace(/^"|"$/g, '') !== `new_${renamed[2].replace(/^"|"$/g, '')}`) this.createdTables.add(renamed[2].replace(/^"|"$/g, ''));
    const table = /^ALTER TABLE/i.test(text) ? identifierAfter(text, 'ALTER TABLE') : undefined;
    if (table)
      for (const match of text.matchAll(/ADD COLUMN\s+(?:IF NOT EXISTS\s+)?("(?:[^"]|"")+"|[\w$]+)/gi))
        this.addedColumns.add(`${table}\0${match[1].replace(/^"|"$/g, '')}`);
  }

  private exists(table: string): boolean {
    return !this.createdTables.has(table) && this.live.tables.some((t) => t.name === table);
  }

  private hasColumn(table: string, column: string): boolean {
    return !this.addedColumns.has(`${table}\0${column}`) && this.live.tables.some((t) => t.name === table && t.columns.some((c) => c.name === column));
  }

  private size(table: string): Promise<{ rows: number; bytes?: number }> {
    let size = this.sizes.get(table);
    if (!size) {
      size = (async () => {
        const rows = await this.read(`SELECT count(*) AS n FROM ${quote(table)}`);
        const bytes =
          this.connection.provider === 'postgresql'
            ? await this.read(`SELECT pg_total_relation_size(to_regclass('${quote(table).replace(/'/g, "''")}')) AS n`)
            : undefined;
        return { rows: typeof rows === 'number' ? rows : 0, bytes: typeof bytes === 'number' ? bytes : undefined };
      })();
      this.sizes.set(table, size);
    }
    return size;
  }

  /** One count, or the error's message; on PostgreSQL under a savepoint so the transaction survives an error. */
  private async read(sql: string): Promise<number | string> {
    const postgres = this.connection.provider === 'postgresql';
    if (postgres) await this.connection.query('SAVEPOINT steward_preflight');
    try {
      const rows = await this.connection.query(sql);
      return Number(rows[0]?.n ?? 0);
    } catch (error) {
      if (postgres) await this.connection.query('ROLLBACK TO SAVEPOINT steward_preflight');
      return `the query failed: ${(error as Error).message}`;
    } finally {
      if (postgres) await this.connection.query('RELEASE SAVEPOINT steward_preflight');
    }
  }
}

const SIZE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${SIZE_UNITS[unit]}`;
}

/** What one statement's locks mean, e.g. `ACCESS EXCLUSIVE on "users" (1000 rows, 120 kB): blocks reads and writes`. */
export function describeLock(lock: PreflightLock): string {
  const size =
    lock.rows === undefined
      ? 'created by a pending migration'
      : `${lock.rows} row${lock.rows === 1 ? '' : 's'}${lock.bytes !== undefined ? `, ${formatBytes(lock.bytes)}` : ''}`;
  return `${lock.mode} on "${lock.table}" (${size}): blocks ${lock.blocks}`;
}

/** A finding per statement that would fail (error) or block a table with rows (warning). */
/** The codes of source `migrate-preflight`: a statement that would fail, or one that would hold locks on rows. */
export type PreflightCode = `preflight-${Exclude<PreflightVerdict, 'ok'>}`;

declare module '../../diagnostics/diagnostic.js' {
  interface DiagnosticCodes {
    'migrate-preflight': PreflightCode;
  }
}

export function preflightDiagnostics(report: PreflightReport, env: string): Diagnostic[] {
  return report.statements.flatMap((statement): Diagnostic[] => {
    if (statement.verdict === 'ok') return [];
    const failing = statement.checks.filter((check) => (check.count ?? 0) > 0);
    const message =
      statement.verdict === 'fails'
        ? `${statement.migration}: would fail: ${failing.map((check) => `${check.count} ${check.what}`).join('; ')}`
        : `${statement.migration}: ${statement.locks
            .filter((lock) => (lock.rows ?? 0) > 0)
            .map(describeLock)
            .join('; ')}, while it ${statement.holds === 'rewrite' ? 'rewrites the table' : 'reads every row'}`;
    return [
      {
        source: 'migrate-preflight',
        code: statement.verdict === 'fails' ? 'preflight-fails' : 'preflight-locks',
        severity: statement.verdict === 'fails' ? 'error' : 'warning',
        message,
        env,
        location: { file: statement.file, line: statement.line, column: 1 },
        notes: [statement.sql],
        data: { migration: statement.migration, verdict: statement.verdict },
      },
    ];
  });
}
