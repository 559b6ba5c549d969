/**
 * Each real application's own history applied to a real PostgreSQL 15 (one throwaway cluster,
 * one database per app; formbricks needs `vector`, which Debian's PostgreSQL lacks, so its
 * database is a PGlite data directory), then `steward db drift --env production` on a copy of
 * the app with a hand-written steward.config.json. Drift must run without a crash, and its
 * findings must be exactly the ones checked by hand in realworld-drift.expected.ts.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { migrationScripts, readMigrationsList } from '../../src/engine/migrations-list.js';
import { PgliteConnection } from '../../src/engine/pglite-connection.js';
import { extensionNames, extensionsInHistory } from '../../src/engine/pglite-extensions.js';
import { startPostgresServer, type PostgresServer } from '../helpers/postgres-server.js';
import { run } from '../helpers/project.js';
import { REALWORLD_APPS, realworldDir, type RealworldApp } from '../helpers/realworld.js';
import { EXPECTED_DRIFT } from './realworld-drift.expected.js';
import { findingObject, type DriftFinding } from '../../src/catalog/codes.js';

const root = realworldDir();
/** Apps whose database is PGlite: their history needs an extension Debian's PostgreSQL 15 lacks. */
const PGLITE_APPS = new Set(['formbricks']);

/** A copy of the app's master schema and history only (the rest is not read), plus a hand-written config. */
function copyApp(app: RealworldApp): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `steward-drift-${app.name}-`));
  for (const part of [app.master, app.migrations]) {
    mkdirSync(path.dirname(path.join(dir, part)), { recursive: true });
    cpSync(path.join(root!, app.name, part), path.join(dir, part), { recursive: true });
  }
  writeFileSync(
    path.join(dir, 'steward.config.json'),
    JSON.stringify(
      {
        master: app.master,
        prismaMajor: 7,
        environments: { production: { provider: 'postgresql', output: path.join(dir, 'schema.production.prisma'), migrations: app.migrations } },
      },
      null,
      2,
    ),
  );
  return dir;
}

/** `prisma migrate deploy` without its bookkeeping table: every migration.sql in order, as the app's deploys did. */
async function applyHistory(url: string, migrationsDir: string): Promise<number> {
  const scripts = migrationScripts(await readMigrationsList(migrationsDir));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const { name, script } of scripts) {
      await client.query(script).catch((error: Error) => {
        throw new Error(`${name}: ${error.message}`);
      });
    }
  } finally {
    await client.end();
  }
  return scripts.length;
}

async function applyHistoryToPglite(dataDir: string, migrationsDir: string, cacheDir: string): Promise<number> {
  const scripts = migrationScripts(await readMigrationsList(migrationsDir));
  const connection = await PgliteConnection.create(dataDir, { cacheDir }, extensionNames(extensionsInHistory(scripts)));
  try {
    for (const { name, script } of scripts) {
      await connection.executeScript(script).catch((error: Error) => {
        throw new Error(`${name}: ${error.message}`);
      });
    }
  } finally {
    await connection.close();
  }
  return scripts.length;
}

/** A finding as the expectation file spells it: code, table, and the column, index or key it is about. */
function findingKey(finding: Record<string, unknown>): string {
  const subject =
    finding.column ??
    finding.index ??
    finding.foreignKey ??
    finding.constraint ??
    finding.trigger ??
    finding.policy ??
    finding.enum ??
    finding.value ??
    finding.view ??
    finding.function ??
    finding.sequence ??
    finding.extension ??
    '';
  return `${String(finding.code)} ${String(finding.table ?? '')}${subject ? ` ${String(subject)}` : ''}`.replace(/\s+/g, ' ').trim();
}

/** The app's config with every recorded finding acknowledged, each with its reason. */
function acknowledgeAll(dir: string, app: RealworldApp, findings: Array<Record<string, unknown>>): void {
  const config = JSON.parse(readFileSync(path.join(dir, 'steward.config.json'), 'utf8'));
  const reasons = new Map(EXPECTED_DRIFT[app.name].map((entry) => [entry.finding, entry.reason ?? 'intended: explained in realworld-drift.expected.ts']));
  config.drift = {
    acknowledge: findings.map((finding) => ({
      env: 'production',
      object: findingObject(finding as unknown as DriftFinding),
      codes: [String(finding.code)],
      reason: reasons.get(findingKey(finding)),
    })),
  };
  writeFileSync(path.join(dir, 'steward.config.json'), JSON.stringify(config, null, 2));
}

describe('real applications: db drift against their own history on PostgreSQL 15', { skip: root ? false : '../shared/realworld is absent' }, () => {
  let server: PostgresServer | null = null;
  let skipReason: string | undefined;
  let cacheDir: string;
  before(async () => {
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'steward-drift-cache-'));
    server = await startPostgresServer((message) => (skipReason = message));
  });
  after(async () => {
    await server?.stop();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  for (const app of REALWORLD_APPS) {
    test(app.name, async (t) => {
      if (!server) return t.skip(skipReason);
      const dir = copyApp(app);
      try {
        const env = { STEWARD_CACHE_DIR: cacheDir };
        Object.assign(process.env, env);
        let url: string;
        let started = performance.now();
        let applied: number;
        if (PGLITE_APPS.has(app.name)) {
          const dataDir = path.join(dir, 'pglite-data');
          applied = await applyHistoryToPglite(dataDir, path.join(dir, app.migrations), cacheDir);
          url = `pglite:${dataDir}`;
        } else {
          url = await server.createDatabase(app.name);
          applied = await applyHistory(url, path.join(dir, app.migrations));
        }
        const applyMs = performance.now() - started;

        const generated = await run(dir, 'generate');
        assert.equal(generated.code, 0, generated.stdout + generated.stderr);
        started = performance.now();
        const drift = await run(dir, 'db', 'drift', '--env', 'production', '--url', url, '--format', 'json', '--timeout', '60000');
        const driftMs = performance.now() - started;
        assert.ok(drift.code === 0 || drift.code === 1, `drift runs without a crash (exit ${drift.code}): ${drift.stderr}`);
        const report = (
          JSON.parse(drift.stdout) as { data: { databases: Array<{ status: string; error: string | null; findings: Array<Record<string, unknown>> }> } }
        ).data;
        assert.equal(report.databases[0].error, null);
        const actual = report.databases[0].findings.map(findingKey).sort();
        t.diagnostic(`${app.name}: ${applied} migrations applied in ${applyMs.toFixed(0)} ms; drift ${driftMs.toFixed(0)} ms; ${actual.length} finding(s)`);
        if (process.env.STEWARD_PRINT_DRIFT)
          for (const finding of report.databases[0].findings) t.diagnostic(`${findingKey(finding)} :: ${String(finding.message)}`);
        assert.deepEqual(actual, [...EXPECTED_DRIFT[app.name].map((entry) => entry.finding)].sort());
        for (const finding of report.databases[0].findings) assert.ok(finding.fix, `${findingKey(finding)} carries its remediation SQL`);

        // Every recorded finding acknowledged: drift is clean, nothing is left over.
        acknowledgeAll(dir, app, report.databases[0].findings);
        started = performance.now();
        const acknowledged = await run(dir, 'db', 'drift', '--env', 'production', '--url', url, '--format', 'json', '--timeout', '60000');
        const secondEnvelope = JSON.parse(acknowledged.stdout) as {
          diagnostics: Array<{ code: string }>;
          data: { databases: Array<{ status: string; findings: unknown[]; acknowledged: unknown[] }> };
        };
        const second = { ...secondEnvelope.data, notes: secondEnvelope.diagnostics };
        t.diagnostic(`${app.name}: acknowledged, drift (expected structure cached) ${(performance.now() - started).toFixed(0)} ms: clean`);
        assert.equal(acknowledged.code, 0, acknowledged.stdout + acknowledged.stderr);
        assert.equal(second.databases[0].status, 'clean');
        assert.deepEqual(second.databases[0].findings, []);
        assert.equal(second.databases[0].acknowledged.length, actual.length);
        assert.deepEqual(
          second.notes.filter((note) => note.code.startsWith('drift-acknowledgement')),
          [],
        );

        // Without the acknowledgements, --fix-sql drafts the remediation; applied, nothing but info (enum order) is left.
        const config = JSON.parse(readFileSync(path.join(dir, 'steward.config.json'), 'utf8'));
        delete config.drift;
        writeFileSync(path.join(dir, 'steward.config.json'), JSON.stringify(config, null, 2));
        const drafted = await run(dir, 'db', 'drift', '--env', 'production', '--url', url, '--format', 'json', '--timeout', '60000', '--fix-sql', 'remediate');
        const draftNote = (JSON.parse(drafted.stdout) as { diagnostics: Array<{ code: string; data?: { file?: string } }> }).diagnostics.find(
          (note) => note.code === 'fix-migration-written',
        );
        const infoOnly = actual.every((key) => key.startsWith('enum-value-order'));
        assert.equal(draftNote === undefined, infoOnly, drafted.stdout);
        if (draftNote) {
          const script = readFileSync(path.join(dir, draftNote.data!.file!), 'utf8');
          if (PGLITE_APPS.has(app.name)) {
            const connection = await PgliteConnection.open(url.slice('pglite:'.length), { cacheDir });
            try {
              await connection.executeScript(script);
            } finally {
              await connection.close();
            }
          } else {
            const client = new pg.Client({ connectionString: url });
            await client.connect();
            try {
              await client.query(script);
            } finally {
              await client.end();
            }
          }
          const fixed = await run(dir, 'db', 'drift', '--env', 'production', '--url', url, '--format', 'json', '--timeout', '60000');
          const after = (JSON.parse(fixed.stdout) as { data: { databases: Array<{ status: string; findings: Array<Record<string, unknown>> }> } }).data;
          assert.equal(after.databases[0].status, 'clean', `after the remediation:\n${after.databases[0].findings.map(findingKey).join('\n')}`);
          assert.ok(after.databases[0].findings.every((finding) => finding.code === 'enum-value-order'));
        }
      } finally {
        delete process.env.STEWARD_CACHE_DIR;
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
