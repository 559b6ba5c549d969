/**
 * Issue 5's goals: drift on a PostgreSQL database with 300 tables under 2 s; `migrate create`
 * for both environments of a 70-model schema under 2 s with a warm cache; a fleet of 20
 * databases checked with concurrency 4. A real PostgreSQL server is started when the binaries
 * are installed; otherwise PGlite data directories stand in (and the lines say so).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.js';
import type { DatabaseConnection } from '../src/engine/connection.js';
import { readMigrationsList } from '../src/engine/migrations-list.js';
import { PgliteConnection } from '../src/engine/pglite-connection.js';
import { PostgresConnection } from '../src/engine/postgres-connection.js';
import { SchemaEngineSession } from '../src/engine/schema-engine.js';
import { baselineMigrations } from '../src/migrate/baseline.js';
import { startPostgresServer } from '../test/helpers/postgres-server.js';
import { type Benchmark, fmtMs, runNode, sideBySide, stewardBin } from './measure.js';
import { syntheticSchema } from './synthetic.js';

function project(models: number): string {
  const dir = mkdtempSync(join(tmpdir(), `steward-bench-migrate-${models}-`));
  mkdirSync(join(dir, 'prisma'));
  writeFileSync(join(dir, 'prisma', 'schema.master.prisma'), syntheticSchema(models));
  writeFileSync(join(dir, 'steward.config.json'), JSON.stringify({ master: 'prisma/schema.master.prisma' }));
  return dir;
}

async function apply(connection: DatabaseConnection, migrationsDir: string): Promise<void> {
  const engine = await SchemaEngineSession.open(connection.adapterFactory());
  try {
    await engine.applyMigrations(await readMigrationsList(migrationsDir));
  } finally {
    await engine.dispose();
    await connection.close();
  }
}

export const migrateBenchmark: Benchmark = {
  name: 'migrate',
  async run({ rounds }) {
    const lines: string[] = [];
    const goals: { goal: string; met: boolean }[] = [];
    const cacheDir = mkdtempSync(join(tmpdir(), 'steward-bench-cache-'));
    const env = { STEWARD_CACHE_DIR: cacheDir };
    const p300 = project(300);
    const p70 = project(70);
    let skipped = '';
    const server = await startPostgresServer((message) => (skipped = message));
    try {
      // 300 tables: baseline, applied to one database; 20 copies of it for the fleet.
      const config300 = await loadConfig({ cwd: p300 });
      await baselineMigrations(config300, { name: 'init' });
      const migrations300 = join(p300, 'prisma', 'migrations', 'production');
      const urls: string[] = [];
      if (server) {
        const url = await server.createDatabase('bench300');
        await apply(await PostgresConnection.open(url), migrations300);
        for (let i = 0; i < 20; i++) {
          await server.sql(`CREATE DATABASE fleet_${i} TEMPLATE bench300`);
          urls.push(server.url({ database: `fleet_${i}` }));
        }
      } else {
        for (let i = 0; i < 20; i++) {
          const dataDir = join(p300, `pgdata-${i}`);
          await apply(await PgliteConnection.create(dataDir, { cacheDir }), migrations300);
          urls.push(`pglite:${dataDir}`);
        }
      }
      const where = server ? 'PostgreSQL 15 server' : `PGlite data directories (${skipped})`;
      // Warm the expected-schema cache once, as any second run in CI would have it.
      runNode(stewardBin, ['db', 'drift', '--env', 'production', '--url', urls[0], '--cwd', p300], { env });
      const drift = sideBySide(rounds, {
        'drift 300 tables': () => runNode(stewardBin, ['db', 'drift', '--env', 'production', '--url', urls[0], '--cwd', p300], { env }),
        'fleet 20 x 300 tables, concurrency 4': () =>
          runNode(
            stewardBin,
            ['db', 'drift', '--env', 'production', ...urls.flatMap((u) => ['--url', u]), '--concurrency', '4', '--cwd', p300, '--format', 'json'],
            { env },
          ),
      });
      lines.push(`drift, 300 tables (${where}): ${fmtMs(drift['drift 300 tables'].ms)}, peak ${drift['drift 300 tables'].peakMb.toFixed(0)} MB`);
      const fleet = drift['fleet 20 x 300 tables, concurrency 4'];
      lines.push(
        `fleet of 20 databases x 300 tables, concurrency 4: ${fmtMs(fleet.ms)} (${fmtMs(fleet.ms / 20)} per database), peak ${fleet.peakMb.toFixed(0)} MB`,
      );
      goals.push({ goal: 'drift on a PostgreSQL database with 300 tables under 2 s', met: drift['drift 300 tables'].ms < 2000 });
      goals.push({ goal: 'a fleet of 20 databases checked with concurrency 4, every one reported clean (exit 0)', met: true }); // runNode throws unless the fleet exits 0: all 20 clean

      // 70 models: a baseline history, then a changed master; migrate create for both environments.
      const config70 = await loadConfig({ cwd: p70 });
      await baselineMigrations(config70, { name: 'init' });
      writeFileSync(join(p70, 'prisma', 'schema.master.prisma'), syntheticSchema(70, { variant: 1 }));
      const createArgs = ['migrate', 'create', '--name', 'next', '--dry-run', '--cwd', p70];
      runNode(stewardBin, createArgs, { env, expectStatus: [0, 1] }); // warm
      const create = sideBySide(rounds, { 'migrate create': () => runNode(stewardBin, createArgs, { env, expectStatus: [0, 1] }) });
      lines.push(
        `migrate create, 70 models, dev + production, warm cache: ${fmtMs(create['migrate create'].ms)}, peak ${create['migrate create'].peakMb.toFixed(0)} MB`,
      );
      goals.push({ goal: 'migrate create for both environments on 70 models under 2 s (warm cache)', met: create['migrate create'].ms < 2000 });
    } finally {
      await server?.stop();
      for (const dir of [p300, p70, cacheDir]) rmSync(dir, { recursive: true, force: true });
    }
    return { name: 'migrate', lines, goals };
  },
};
