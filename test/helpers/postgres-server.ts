/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temp directory, start on a free
 * port, stop and delete afterwards. Uses the Debian binaries (override with STEWARD_PG_BIN)
 * and runs them as the `postgres` user when the tests run as root (postgres refuses root).
 * Every statement is logged (`log_statement=all`) so tests can prove what was or was not sent.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export const SUPERUSER_PASSWORD = 'sup3r-s3cret-pw';

export interface PostgresServer {
  host: string;
  port: number;
  /** A URL for `database` (default `postgres`), as the superuser unless `user`/`password` given. */
  url(options?: { database?: string; user?: string; password?: string }): string;
  /** Runs SQL as the superuser on `database`. */
  sql(text: string, database?: string): Promise<pg.QueryResult>;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** The server log so far (every statement, because of log_statement=all). */
  log(): Promise<string>;
  stop(): Promise<void>;
}

export function postgresBinDir(): string | null {
  const candidates = [process.env.STEWARD_PG_BIN, '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/17/bin'];
  for (const dir of candidates) {
    if (dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function postgresIds(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/**
 * Starts a cluster, or returns null (after `skip`) when no PostgreSQL binaries are installed.
 * Pass the test context's skip so the test reports as skipped rather than passed.
 */
export async function startPostgresServer(skip: (message: string) => void): Promise<PostgresServer | null> {
  const bin = postgresBinDir();
  if (bin === null) {
    skip('PostgreSQL binaries not found (set STEWARD_PG_BIN)');
    return null;
  }
  const ids = await postgresIds();
  const root = await mkdtemp(path.join(os.tmpdir(), 'steward-pg-'));
  const dataDir = path.join(root, 'data');
  const pwFile = path.join(root, 'pw');
  const logFile = path.join(root, 'server.log');
  await writeFile(pwFile, SUPERUSER_PASSWORD);
  if (ids) {
    await chown(root, ids.uid, ids.gid);
    await chown(pwFile, ids.uid, ids.gid);
  }
  await chmod(root, 0o700);
  const asPostgres = (command: string, args: string[]) => (ids ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args));

  await asPostgres(path.join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    `--pwfile=${pwFile}`,
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const port = await freePort();
  const serverOptions = [
    `-p ${port}`,
    `-k ${root}`,
    '-c listen_addresses=127.0.0.1',
    '-c log_statement=all',
    '-c log_line_prefix=%u@%d:',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=60',
  ].join(' ');
  await asPostgres(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-o', serverOptions, '-l', logFile, '-w', '-t', '30', 'start']);

  const host = '127.0.0.1';
  const url: PostgresServer['url'] = (options = {}) => {
    const user = options.user ?? 'postgres';
    const password = options.password ?? (options.user ? undefined : SUPERUSER_PASSWORD);
    const auth = password === undefined ? user : `${user}:${encodeURIComponent(password)}`;
    return `postgresql://${auth}@${host}:${port}/${options.database ?? 'postgres'}`;
  };
  const sql: PostgresServer['sql'] = async (text, database) => {
    const client = new pg.Client({ connectionString: url({ database }) });
    await client.connect();
    try {
      return await client.query(text);
    } finally {
      await client.end();
    }
  };
  let stopped = false;
  return {
    host,
    port,
    url,
    sql,
    async createDatabase(name) {
      await sql(`CREATE DATABASE "${name}"`);
      return url({ database: name });
    },
    log: () => readFile(logFile, 'utf8').catch(() => ''),
    async stop() {
      if (stopped) return;
      stopped = true;
      await asPostgres(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      await rm(root, { recursive: true, force: true });
    },
  };
}
