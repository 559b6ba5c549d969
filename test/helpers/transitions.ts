/**
 * What the expand/contract tests share: the project's files (config, masters, the fixture code that
 * uses the old or the new shape), the migrations a phase writes, and for the tests on a throwaway
 * PostgreSQL cluster: the project with its baseline applied, simulated applications that keep
 * writing through the phases, and the phases run as a user would.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { loadConfig } from '../../src/config/load.js';
import { SqliteConnection } from '../../src/engine/sqlite-connection.js';
import { baselineMigrations } from '../../src/migrate/baseline.js';
import { startPostgresServer } from './postgres-server.js';
import { type CliResult, run, tempProject } from './project.js';

/** steward.config.json for the master at prisma/schema.master.prisma and the given environments. */
export function stewardConfig(environments: Record<string, 'sqlite' | 'postgresql'>): string {
  return JSON.stringify({
    master: 'prisma/schema.master.prisma',
    environments: Object.fromEntries(Object.entries(environments).map(([env, provider]) => [env, { provider }])),
  });
}

/** A PostgreSQL master: the datasource (after `datasourceDocs`, e.g. a dropTable annotation), then the blocks. */
export function pgMaster(blocks: readonly string[], datasourceDocs = ''): string {
  return `${datasourceDocs}datasource db {\n  provider = "postgresql"\n}\n\n${blocks.join('\n')}`;
}

/** Model User mapped to "users" with the given field lines (as indented in the schema), after `docs` (e.g. a drop annotation). */
export function usersModel(fields: string, docs = ''): string {
  return `${docs}model User {\n${fields.replace(/^\n+|\n+$/g, '')}\n\n  @@map("users")\n}\n`;
}

/**
 * The master before and after users.name is renamed to display_name by expand/contract (the code
 * for each side: NAME_CODE, DISPLAY_NAME_CODE), with `more` field lines on either side.
 */
export function renameMasters(more: { before?: string; after?: string } = {}): { before: string; after: string } {
  const before = `
  id    Int    @id @default(autoincrement())
  email String @unique
  name  String
`;
  const after = `
  id          Int    @id @default(autoincrement())
  email       String @unique
  /// @steward.transition(from: "name")
  displayName String @map("display_name")
`;
  return { before: pgMaster([usersModel(before + (more.before ?? ''))]), after: pgMaster([usersModel(after + (more.after ?? ''))]) };
}

/**
 * The master before and after users.legacy_code and the audit_log table (model AuditLog) are
 * retired by expand/contract, with `more` on either side: field lines, and drop annotations on User
 * before the one of legacy_code.
 */
export function retireMasters(more: { before?: string; after?: string; drops?: string } = {}): { before: string; after: string } {
  const before = `
  id         Int        @id @default(autoincrement())
  email      String     @unique
  legacyCode String     @map("legacy_code")
  auditLogs  AuditLog[]
`;
  const after = `
  id    Int    @id @default(autoincrement())
  email String @unique
`;
  return {
    before: pgMaster([usersModel(before + (more.before ?? '')), AUDIT_LOG_MODEL]),
    after: pgMaster(
      [usersModel(after + (more.after ?? ''), `${more.drops ?? ''}/// @steward.transition(drop: "legacy_code")\n`)],
      '/// @steward.transition(dropTable: "audit_log")\n',
    ),
  };
}

const AUDIT_LOG_MODEL = `model AuditLog {
  id     Int    @id @default(autoincrement())
  userId Int    @map("user_id")
  user   User   @relation(fields: [userId], references: [id])
  note   String

  @@map("audit_log")
}
`;

/** Code that uses users.name (renamed to display_name): a Prisma Client call at line 4, raw SQL at line 8. */
export const NAME_CODE = `import { prisma } from './db';

export async function names() {
  return prisma.user.findMany({ select: { name: true } });
}

export async function raw() {
  return prisma.$queryRaw\`SELECT "name" FROM "users" WHERE "id" = 1\`;
}
`;

/** The same code moved to the new field. */
export const DISPLAY_NAME_CODE = `import { prisma } from './db';

export async function names() {
  return prisma.user.findMany({ select: { displayName: true } });
}
`;

/** The migration folders of an environment, oldest first (none: no folder yet). */
export function migrationDirs(dir: string, env: string): string[] {
  const root = path.join(dir, 'prisma/migrations', env);
  return existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d{14}_/.test(name))
        .sort()
    : [];
}

export function migrationSql(dir: string, env: string, migration: string): string {
  return readFileSync(path.join(dir, 'prisma/migrations', env, migration, 'migration.sql'), 'utf8');
}

/** The baseline migration `init` of every environment, as `steward migrate baseline` writes it. */
export async function baseline(dir: string): Promise<void> {
  await baselineMigrations(await loadConfig({ cwd: dir }), { name: 'init', now: new Date(Date.UTC(2025, 0, 1)) });
}

export interface SimulatedApp {
  stop(): Promise<void>;
}

/** A project whose production database is on a throwaway PostgreSQL cluster and whose dev one is SQLite. */
export interface TransitionProject {
  dir: string;
  /** The production database's URL. */
  url: string;
  pool: pg.Pool;
  dev: SqliteConnection;
  /** What the simulated applications got wrong (a failed query, a read that is not what they wrote). */
  errors: string[];
  /** Runs a production migration on the pool. */
  apply(migration: string): Promise<void>;
  /**
   * A simulated application: `step(n)` (say an insert, an update and a read) in a loop, 2 ms
   * apart, until stopped; what it throws goes to `errors` under `name`. Stopped at the end of the
   * test too: a failed assertion must not leave it writing.
   */
  startApp(name: string, step: (n: number) => Promise<void>): SimulatedApp;
  /** Stops every application still running; none got anything wrong. */
  stopApps(): Promise<void>;
  /** `migrate backfill` of production in batches of 300, which succeeds. */
  backfill(): Promise<CliResult>;
  /** The columns of a production table with whether each is nullable (`name:NO`), by name. */
  columns(table: string): Promise<string[]>;
  /** With SHOW_TRANSITION set, prints what the transition wrote and did, with the dev environment's last script. */
  show(details: Record<string, unknown>): void;
}

/**
 * Runs `body` on a temp project with `files` (the master and code) and a config of two
 * environments, production on a throwaway PostgreSQL cluster and dev on SQLite, the baseline
 * written and applied to both; then stops and removes it all. Skips the test when no PostgreSQL is
 * installed.
 */
export async function withTransitionProject(t: TestContext, files: Record<string, string>, body: (project: TransitionProject) => Promise<void>): Promise<void> {
  const server = await startPostgresServer((message) => t.skip(message));
  if (!server) return;
  const dir = tempProject({ 'steward.config.json': stewardConfig({ dev: 'sqlite', production: 'postgresql' }), ...files });
  const pool = new pg.Pool({ connectionString: await server.createDatabase('app'), max: 6 });
  const dev = await SqliteConnection.open(path.join(dir, 'dev.db'));
  const apps: SimulatedApp[] = [];
  const errors: string[] = [];
  const apply = async (migration: string) => {
    await pool.query(migrationSql(dir, 'production', migration));
  };
  try {
    await baseline(dir);
    await apply(migrationDirs(dir, 'production')[0]);
    await dev.executeScript(migrationSql(dir, 'dev', migrationDirs(dir, 'dev')[0]));
    const url = server.url({ database: 'app' });
    await body({
      dir,
      url,
      pool,
      dev,
      errors,
      apply,
      startApp(name, step) {
        const app = simulatedApp(name, errors, step);
        apps.push(app);
        return app;
      },
      async stopApps() {
        await Promise.all(apps.map((app) => app.stop()));
        assert.deepEqual(errors, []);
      },
      async backfill() {
        const filled = await run(dir, 'migrate', 'backfill', '--env', 'production', '--url', url, '--batch', '300');
        assert.equal(filled.code, 0, filled.stderr);
        return filled;
      },
      async columns(table) {
        const { rows } = await pool.query(`SELECT column_name, is_nullable FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name`, [
          table,
        ]);
        return rows.map((r) => `${r.column_name}:${r.is_nullable}`);
      },
      show(details) {
        if (process.env.SHOW_TRANSITION) console.log({ ...details, dev: migrationSql(dir, 'dev', migrationDirs(dir, 'dev').at(-1)!) });
      },
    });
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
    await dev.close();
    await pool.end();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function simulatedApp(name: string, errors: string[], step: (n: number) => Promise<void>): SimulatedApp {
  let stopped = false;
  const loop = (async () => {
    for (let n = 1; !stopped; n++) {
      try {
        await step(n);
      } catch (error) {
        errors.push(`${name} app: ${(error as Error).message}`);
      }
      await sleep(2);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

/** `migrate create --expand-contract` writing `phase`: what it said, and the name and SQL of `env`'s new migration. */
export async function createPhase(
  dir: string,
  name: string,
  phase: 'expand' | 'contract',
  env = 'production',
): Promise<{ stdout: string; name: string; sql: string }> {
  const created = await run(dir, 'migrate', 'create', '--expand-contract', '--name', name);
  assert.equal(created.code, 0, created.stdout + created.stderr);
  assert.match(created.stdout, new RegExp(`phase: ${phase}`));
  const written = migrationDirs(dir, env).at(-1)!;
  return { stdout: created.stdout, name: written, sql: migrationSql(dir, env, written) };
}

/** `migrate create --expand-contract` refused by the usage gate (transition-old-shape-used), nothing written to `env`: what it said. */
export async function refusedContract(dir: string, name: string, env = 'production'): Promise<string> {
  const before = migrationDirs(dir, env).length;
  const refused = await run(dir, 'migrate', 'create', '--expand-contract', '--name', name);
  assert.equal(refused.code, 1, refused.stdout + refused.stderr);
  const said = refused.stdout + refused.stderr;
  assert.match(said, /phase: contract/);
  assert.match(said, /transition-old-shape-used/);
  assert.equal(migrationDirs(dir, env).length, before);
  return said;
}

/** The histories match the master: Prisma plans nothing more in `envs`, and no transition is left. */
export async function assertTransitionsDone(dir: string, envs: readonly string[]): Promise<void> {
  const after = await run(dir, 'migrate', 'create', '--name', 'after', '--dry-run');
  for (const env of envs) assert.match(after.stdout, new RegExp(`${env}: nothing to migrate`), after.stdout + after.stderr);
  const done = await run(dir, 'migrate', 'create', '--expand-contract', '--name', 'again', '--dry-run');
  assert.match(done.stdout, /phase: none/);
}
