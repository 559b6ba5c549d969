/**
 * Issue 15's scale goal: `steward migrate deploy --urls-file` rolls a 3-migration change out to
 * fleets of 20, 50 and 200 PostgreSQL databases on one throwaway cluster at concurrency 8. Each
 * database starts at the release before (a 12-table baseline, copied from a template database).
 * Reported: the command's wall time, and the median and 90th percentile of the per-database
 * time (the JSON line of each database); the per-database median must stay flat as the fleet grows.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMigrationsList } from '../src/engine/migrations-list.js';
import { deployDatabase } from '../src/migrate/deploy.js';
import { startPostgresServer } from '../test/helpers/postgres-server.js';
import { type Benchmark, fmtMs, median, stewardBin } from './measure.js';

const SIZES = [20, 50, 200];
const CONCURRENCY = 8;

function baseline(): string {
  const tables = Array.from(
    { length: 12 },
    (_, i) =>
      `CREATE TABLE "t${i}" ("id" SERIAL PRIMARY KEY, "name" TEXT NOT NULL, "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP);\nCREATE INDEX "t${i}_name_idx" ON "t${i}"("name");\n`,
  );
  return tables.join('');
}

const CHANGE: Array<[string, string]> = [
  ['20250201000000_tags', 'CREATE TABLE "tag" ("id" SERIAL PRIMARY KEY, "label" TEXT NOT NULL);\nCREATE UNIQUE INDEX "tag_label_key" ON "tag"("label");\n'],
  ['20250202000000_t0_tag', 'ALTER TABLE "t0" ADD COLUMN "tagId" INTEGER;\nCREATE INDEX "t0_tagId_idx" ON "t0"("tagId");\n'],
  [
    '20250203000000_t0_tag_fk',
    'ALTER TABLE "t0" ADD CONSTRAINT "t0_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "tag"("id") ON DELETE SET NULL ON UPDATE CASCADE;\n',
  ],
];

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'steward-bench-deploy-'));
  const migrations = join(dir, 'prisma', 'migrations', 'tenants');
  mkdirSync(migrations, { recursive: true });
  writeFileSync(join(dir, 'prisma', 'schema.prisma'), 'datasource db {\n  provider = "postgresql"\n}\n\nmodel T0 {\n  id Int @id\n\n  @@map("t0")\n}\n');
  writeFileSync(join(dir, 'steward.config.json'), JSON.stringify({ master: 'prisma/schema.prisma', environments: { tenants: { provider: 'postgresql' } } }));
  writeFileSync(join(migrations, 'migration_lock.toml'), 'provider = "postgresql"\n');
  for (const [name, script] of [['20250101000000_init', baseline()], ...CHANGE]) {
    mkdirSync(join(migrations, name));
    writeFileSync(join(migrations, name, 'migration.sql'), script);
  }
  return dir;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const deployBenchmark: Benchmark = {
  name: 'deploy',
  async run() {
    const lines: string[] = [];
    const goals: { goal: string; met: boolean }[] = [];
    let skipped = '';
    const server = await startPostgresServer((message) => (skipped = message));
    if (!server) return { name: 'deploy', lines: [`skipped: ${skipped}`], goals };
    const dir = project();
    try {
      // The template: the fleet's state before the change (the baseline applied by steward).
      const templateUrl = await server.createDatabase('fleet_template');
      const all = await readMigrationsList(join(dir, 'prisma', 'migrations', 'tenants'));
      const before = { ...all, migrationDirectories: all.migrationDirectories.slice(0, 1) };
      const seeded = await deployDatabase(before, templateUrl);
      if (seeded.status !== 'applied') throw new Error(`template: ${seeded.status} ${seeded.error}`);
      const medians: Record<number, number> = {};
      for (const size of SIZES) {
        const urls: string[] = [];
        for (let i = 0; i < size; i++) {
          await server.sql(`CREATE DATABASE "tenant_${size}_${i}" TEMPLATE fleet_template`);
          urls.push(server.url({ database: `tenant_${size}_${i}` }));
        }
        writeFileSync(join(dir, `fleet-${size}.txt`), urls.join('\n') + '\n');
        const start = performance.now();
        const result = spawnSync(
          process.execPath,
          [stewardBin, 'migrate', 'deploy', '--env', 'tenants', '--urls-file', `fleet-${size}.txt`, '--concurrency', String(CONCURRENCY)],
          { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 },
        );
        const totalMs = performance.now() - start;
        if (result.status !== 0)
          throw new Error(`deploy to ${size} databases exited ${result.status}: ${result.stderr.slice(0, 2000)}${result.stdout.slice(-2000)}`);
        const perDatabase = result.stdout
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line))
          .filter((line) => line.database !== undefined);
        if (perDatabase.length !== size || perDatabase.some((line) => line.status !== 'applied' || line.applied.length !== 3))
          throw new Error(`deploy to ${size}: not every database got the 3 migrations`);
        const times = perDatabase.map((line) => Number(line.durationMs));
        medians[size] = median(times);
        lines.push(
          `${String(size).padStart(3)} databases, concurrency ${CONCURRENCY}: total ${fmtMs(totalMs)} (${fmtMs(totalMs / size)} per database), per database median ${fmtMs(medians[size])}, p90 ${fmtMs(percentile(times, 90))}`,
        );
        for (let i = 0; i < size; i++) await server.sql(`DROP DATABASE "tenant_${size}_${i}"`);
      }
      const ratio = medians[200] / medians[20];
      goals.push({
        goal: `per-database median stays flat from 20 to 200 databases (200: ${fmtMs(medians[200])}, 20: ${fmtMs(medians[20])}, x${ratio.toFixed(2)} <= x1.5)`,
        met: ratio <= 1.5,
      });
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    return { name: 'deploy', lines, goals };
  },
};
