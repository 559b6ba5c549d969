/**
 * Issue 21's cost goals on long real histories: `steward check` on a 434- and a 696-migration
 * history (bench/combined-history.ts: seven real apps' migrations in one timeline), cold (empty
 * `.steward/cache`) under 15 s and warm (the second run) under 3 s, peak under 600 MB; the first
 * `db drift` in a project under 3 s (against a PGlite data directory, and against a PostgreSQL 15
 * server when the binaries are installed); `migrate create` on the 434-migration history, warm, under
 * 3 s. Each history is checked adopted (`migrate.adoptedAt` three migrations before the end:
 * the rest is replayed, those three are linted) and not adopted (every migration linted).
 * Baseline, in the same run: PGlite alone applying each migration.sql in order, one process
 * (bench/replay-history.ts), what any tool replaying the history pays at least.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteConnection } from '../src/engine/pglite-connection.js';
import { PostgresConnection } from '../src/engine/postgres-connection.js';
import { extensionNames, extensionsInHistory } from '../src/engine/pglite-extensions.js';
import { SchemaEngineSession } from '../src/engine/schema-engine.js';
import { replayScripts } from '../src/migrate/replay.js';
import { startPostgresServer } from '../test/helpers/postgres-server.js';
import { combinedTimeline, writeHistory, type CombinedMigration } from './combined-history.js';
import { type Benchmark, fmtMs, repoRoot, runNode, sideBySide, stewardBin, type Sample } from './measure.js';

const SIZES = [434, 696] as const;
/** Migrations after the adoption point in the adopted projects. */
const AFTER_ADOPTION = 3;
const replayBaseline = join(repoRoot, 'dist', 'bench', 'replay-history.js');

/** The master of a history: Prisma's introspection of the database the history builds. */
export async function introspectedMaster(migrations: readonly CombinedMigration[], cacheDir: string): Promise<string> {
  const connection = await PgliteConnection.scratch({ cacheDir }, extensionNames(extensionsInHistory(migrations)));
  try {
    await replayScripts(connection, migrations, (m) => m.name);
    const engine = await SchemaEngineSession.open(connection.adapterFactory());
    try {
      const datasource =
        'generator client {\n  provider = "prisma-client"\n  output   = "../generated/prisma"\n}\n\ndatasource db {\n  provider = "postgresql"\n}\n';
      const result = await engine.introspect({ path: 'schema.prisma', content: datasource }, cacheDir);
      return result.schema.files[0].content;
    } finally {
      await engine.dispose();
    }
  } finally {
    await connection.close();
  }
}

/** A project: the master, the history, a steward.config.json as `steward init` writes it for an adopted app. */
export function project(root: string, name: string, master: string, migrations: readonly CombinedMigration[], adoptedAt?: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'prisma'), { recursive: true });
  writeFileSync(join(dir, 'prisma', 'schema.prisma'), master);
  writeHistory(join(dir, 'prisma', 'migrations'), migrations);
  writeFileSync(
    join(dir, 'steward.config.json'),
    JSON.stringify(
      {
        master: 'prisma/schema.prisma',
        prismaMajor: 7,
        environments: { production: { provider: 'postgresql', output: 'prisma/schema.prisma', migrations: 'prisma/migrations' } },
        ...(adoptedAt ? { migrate: { adoptedAt: { production: adoptedAt } } } : {}),
      },
      null,
      2,
    ),
  );
  return dir;
}

/** `steward check` with an empty cache (cold) or the cache of the cold run before it (warm). */
function check(dir: string, cacheDir: string, fresh: boolean): Sample {
  if (fresh) rmSync(cacheDir, { recursive: true, force: true });
  return runNode(stewardBin, ['check', '--format', 'json', '--cwd', dir], { env: { STEWARD_CACHE_DIR: cacheDir }, expectStatus: [0, 1] });
}

const mb = (value: number) => `${value.toFixed(0)} MB`;

export const longHistoriesBenchmark: Benchmark = {
  name: 'long-histories',
  async run({ rounds }) {
    const realworld = process.env.STEWARD_REALWORLD ?? join(repoRoot, '..', 'shared', 'realworld');
    if (!existsSync(realworld)) return { name: 'long-histories', lines: [`skipped: ${realworld} is absent (the real applications)`], goals: [] };
    const lines: string[] = [];
    const goals: { goal: string; met: boolean }[] = [];
    const root = mkdtempSync(join(tmpdir(), 'steward-bench-history-'));
    try {
      const timeline = await combinedTimeline(realworld);
      const setupCache = join(root, 'setup-cache');
      const projects: { label: string; size: number; dir: string; cache: string }[] = [];
      for (const size of SIZES) {
        const migrations = timeline.slice(0, size);
        const master = await introspectedMaster(migrations, setupCache);
        const models = (master.match(/^model /gm) ?? []).length;
        const apps = new Set(migrations.map((m) => m.app)).size;
        lines.push(
          `${size} migrations (${apps} apps, ${migrations[0].name.slice(0, 8)} to ${migrations[size - 1].name.slice(0, 8)}), master of ${models} models introspected from it`,
        );
        const adoptedAt = migrations[size - 1 - AFTER_ADOPTION].name;
        projects.push({
          label: `${size}, adopted`,
          size,
          dir: project(root, `adopted-${size}`, master, migrations, adoptedAt),
          cache: join(root, `cache-adopted-${size}`),
        });
        projects.push({
          label: `${size}, every migration linted`,
          size,
          dir: project(root, `all-${size}`, master, migrations),
          cache: join(root, `cache-all-${size}`),
        });
      }
      const n = Math.min(Math.max(rounds, 1), 3);

      // Cold then warm, per project, interleaved round by round with the baseline.
      const commands: Record<string, () => Sample> = {};
      for (const size of SIZES) commands[`baseline ${size}`] = () => runNode(replayBaseline, [join(root, `all-${size}`, 'prisma', 'migrations'), setupCache]);
      for (const p of projects) {
        commands[`cold ${p.label}`] = () => check(p.dir, p.cache, true);
        commands[`warm ${p.label}`] = () => check(p.dir, p.cache, false);
      }
      const results = sideBySide(n, commands);
      for (const p of projects) {
        const cold = results[`cold ${p.label}`];
        const warm = results[`warm ${p.label}`];
        const baseline = results[`baseline ${p.size}`];
        lines.push(
          `check, ${p.label}: cold ${fmtMs(cold.ms)} (${(cold.ms / baseline.ms).toFixed(2)}x the baseline), peak ${mb(cold.peakMb)}; warm ${fmtMs(warm.ms)}, peak ${mb(warm.peakMb)}`,
        );
        goals.push({ goal: `check, ${p.label}: cold < 15 s (${fmtMs(cold.ms)})`, met: cold.ms < 15_000 });
        goals.push({ goal: `check, ${p.label}: warm < 3 s (${fmtMs(warm.ms)})`, met: warm.ms < 3_000 });
        goals.push({ goal: `check, ${p.label}: peak < 600 MB (${mb(Math.max(cold.peakMb, warm.peakMb))})`, met: Math.max(cold.peakMb, warm.peakMb) < 600 });
      }
      for (const size of SIZES)
        lines.push(
          `baseline: PGlite alone applying the ${size} migration.sql files in order: ${fmtMs(results[`baseline ${size}`].ms)}, peak ${mb(results[`baseline ${size}`].peakMb)}`,
        );

      // migrate create on the 434-migration history: a new optional field on one model.
      const adopted = projects.find((p) => p.label === `${SIZES[0]}, adopted`)!;
      const changed = join(root, 'create-434');
      cpSync(adopted.dir, changed, { recursive: true });
      const masterFile = join(changed, 'prisma', 'schema.prisma');
      writeFileSync(masterFile, readFileSync(masterFile, 'utf8').replace(/^(model \w+ \{\n)/m, '$1  benchNote String?\n'));
      const createCache = join(root, 'cache-create');
      const create = () =>
        runNode(stewardBin, ['migrate', 'create', '--name', 'add_field', '--dry-run', '--format', 'json', '--cwd', changed], {
          env: { STEWARD_CACHE_DIR: createCache },
          expectStatus: [0],
        });
      const createCold = create();
      const createWarm = sideBySide(n, { create })['create'];
      lines.push(
        `migrate create, ${SIZES[0]} migrations, a new optional field: first ${fmtMs(createCold.ms)}, warm ${fmtMs(createWarm.ms)}, peak ${mb(createWarm.peakMb)}`,
      );
      goals.push({ goal: `migrate create on the ${SIZES[0]}-migration history, warm < 3 s (${fmtMs(createWarm.ms)})`, met: createWarm.ms < 3_000 });

      // The first db drift in a project: no cache at all (no warm PGlite, no expected structure).
      const dataDir = join(root, 'drift-pgdata');
      const applied = await PgliteConnection.create(dataDir, { cacheDir: setupCache }, extensionNames(extensionsInHistory(timeline.slice(0, SIZES[0]))));
      await replayScripts(applied, timeline.slice(0, SIZES[0]), (m) => m.name);
      await applied.close();
      const driftCache = join(root, 'cache-drift');
      // Also with WebAssembly tiering up to TurboFan (STEWARD_WASM_TIER_UP=on): the effect of
      // src/cli/v8-flags.ts's --liftoff-only on this run.
      const firstDrift = (url: string, cwd: string, tierUp: boolean) => () => {
        rmSync(driftCache, { recursive: true, force: true });
        return runNode(stewardBin, ['db', 'drift', '--env', 'production', '--url', url, '--format', 'json', '--cwd', cwd], {
          env: { STEWARD_CACHE_DIR: driftCache, ...(tierUp ? { STEWARD_WASM_TIER_UP: 'on' } : {}) },
          expectStatus: [0, 1],
        });
      };
      const pgliteDrift = sideBySide(n, {
        drift: firstDrift(`pglite:${dataDir}`, adopted.dir, false),
        'tier-up': firstDrift(`pglite:${dataDir}`, adopted.dir, true),
      });
      const drift = pgliteDrift['drift'];
      lines.push(
        `first db drift in a project (empty cache), ${SIZES[0]}-migration database (PGlite data directory): ${fmtMs(drift.ms)}, peak ${mb(drift.peakMb)}; with WebAssembly tier-up ${fmtMs(pgliteDrift['tier-up'].ms)}`,
      );
      goals.push({ goal: `first db drift in a project < 3 s, PGlite data directory (${fmtMs(drift.ms)})`, met: drift.ms < 3_000 });

      // The same against a PostgreSQL 15 server, what a production database is. Debian's
      // PostgreSQL 15 has no `vector` (formbricks' history needs it), so the server's history is
      // the first migrations of the six other apps, as many; its master is introspected likewise.
      const server = await startPostgresServer((why) => lines.push(`first db drift against a PostgreSQL server: skipped (${why})`));
      if (server) {
        try {
          const six = timeline.filter((m) => m.app !== 'formbricks').slice(0, SIZES[0]);
          const sixProject = project(root, 'six-apps', await introspectedMaster(six, setupCache), six, six[SIZES[0] - 1 - AFTER_ADOPTION].name);
          const url = await server.createDatabase('history');
          const target = await PostgresConnection.open(url);
          try {
            await replayScripts(target, six, (m) => m.name);
          } finally {
            await target.close();
          }
          const serverDrift = sideBySide(n, { drift: firstDrift(url, sixProject, false), 'tier-up': firstDrift(url, sixProject, true) });
          const onServer = serverDrift['drift'];
          lines.push(
            `first db drift in a project (empty cache), PostgreSQL 15 server with the first ${SIZES[0]} migrations of six apps (no formbricks: vector): ${fmtMs(onServer.ms)}, peak ${mb(onServer.peakMb)}; with WebAssembly tier-up ${fmtMs(serverDrift['tier-up'].ms)}`,
          );
          goals.push({ goal: `first db drift in a project < 3 s, PostgreSQL server (${fmtMs(onServer.ms)})`, met: onServer.ms < 3_000 });
        } finally {
          await server.stop();
        }
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    return { name: 'long-histories', lines, goals };
  },
};
