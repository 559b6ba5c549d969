import { relative, resolve } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { ChangeSeverity } from '../diff/codes.js';
import { diffProject } from '../diff/project.js';
import { repositoryRoot } from '../diff/git.js';
import { docsProject } from '../docs/project.js';
import { generateProject } from '../project/environments.js';
import { loadMaster } from '../project/master.js';
import { auditProject, type AuditResult } from '../audit/project.js';
import { countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.js';
import { lintProject } from '../project/lint.js';
import type { Progress } from '../progress/progress.js';
import { NO_PROGRESS } from '../progress/progress.js';
import type { Availability, FleetStatus, StatusReport } from './types.js';
import { readFleetFile } from '../migrate/fleet-file.js';
import { fleetPositions } from '../migrate/fleet-positions.js';
import { versionSkew } from '../migrate/version-skew.js';
import { driftForEnvironment } from '../drift/drift-environment.js';
import { parseDatabaseUrl } from '../providers/location.js';
import { migrationScripts, readMigrationsList } from '../engine/migrations-list.js';
import { isMigratableProvider } from '../migrate/environment-schemas.js';
import { migrationStatus } from '../migrate/migration-status.js';

export interface StatusOptions {
  progress?: Progress;
  /** Clock, replaceable in tests. */
  now?: () => Date;
  /** An audit already run by the caller (the HTML report shows its findings too). */
  audit?: AuditResult;
  /** Lint diagnostics already computed by the caller. */
  lint?: Diagnostic[];
  /** A fleet file for one environment (`status --urls-file`), beside the ones configured (`environments.<env>.fleet`). */
  fleet?: { env: string; file: string };
}

/**
 * Figures for `steward status`, one section per capability. A capability that is not part of
 * this build, or whose inputs are absent (no git repository), gives `available: false` with the
 * reason; a figure is never guessed.
 */
export async function collectStatus(config: ResolvedConfig, options: StatusOptions = {}): Promise<StatusReport> {
  const progress = options.progress ?? NO_PROGRESS;
  const task = progress.start('status', 6);
  const master = loadMaster(config, { validate: false }).schema;
  task.tick(1, 'environments');
  const generated = await generateProject(config, { check: true });
  const environments = generated.environments.map((e) => ({
    name: e.env.name,
    provider: e.env.provider,
    files: [e.schema, e.prismaConfig]
      .filter((f) => f !== undefined)
      .map((f) => {
        const path = relative(config.cwd, f!.path) || f!.path;
        const stale = generated.stale.find((s) => s.path === path);
        return { path, state: stale ? stale.reason : ('fresh' as const) };
      }),
  }));
  task.tick(1, 'docs');
  const docs = guard(() => {
    const report = docsProject(config, { master });
    const sections = report.files.reduce((n, f) => n + f.sections.length, 0);
    const stale = report.files.reduce((n, f) => n + f.sections.filter((s) => s.stale).length, 0);
    return { files: report.files.length, sections, stale };
  });
  task.tick(1, 'lint');
  const lint = await guardAsync(async () => countBySeverity(options.lint ?? (await lintProject(config)).diagnostics));
  task.tick(1, 'audit');
  const audit = await guardAsync(async () => {
    const result = options.audit ?? (await auditProject(config));
    const byModel: Record<string, number> = {};
    for (const f of result.findings) byModel[f.model] = (byModel[f.model] ?? 0) + 1;
    return { total: result.findings.length, byModel };
  });
  task.tick(1, 'release');
  const release = await releaseStatus(config);
  task.tick(1);
  task.done();
  return {
    generatedAt: (options.now ?? (() => new Date()))().toISOString(),
    master: relative(config.cwd, config.master) || config.master,
    models: master.models.length,
    environments,
    docs,
    lint,
    audit,
    migrations: await guardAsync(() => migrationsStatus(config)),
    release,
    drift: await guardAsync(() => driftStatus(config)),
    ...(await fleetsStatus(config, options.fleet)),
  };
}

/** Only when a fleet is configured or given: every other figure of status stays offline. */
async function fleetsStatus(config: ResolvedConfig, given: StatusOptions['fleet']): Promise<Pick<StatusReport, 'fleets'>> {
  const fleets = config.environments.flatMap((env) => {
    const file = given?.env === env.name ? given.file : env.fleetFile;
    return file === undefined ? [] : [{ env, file }];
  });
  if (fleets.length === 0) return {};
  return {
    fleets: await Promise.all(
      fleets.map(async ({ env, file }): Promise<Availability<FleetStatus>> => {
        const shown = relative(config.cwd, resolve(config.cwd, file)) || file;
        try {
          if (!isMigratableProvider(env.provider)) throw new Error(`${env.provider} environments have no migrations steward reads`);
          const urls = await readFleetFile(file, config.cwd, `the fleet file of ${env.name}`);
          const local = migrationScripts(await readMigrationsList(env.migrationsDir));
          const positions = await fleetPositions(local, urls, { cwd: config.cwd, timeoutMs: 5_000 });
          return {
            available: true,
            value: {
              env: env.name,
              file: shown,
              skew: versionSkew(
                local.length ? local[local.length - 1].name : null,
                positions.map((p) => p.position),
              ),
              notRead: positions.flatMap((p) => (p.status === 'read' ? [] : [{ database: p.database, state: p.status, error: p.error ?? p.status }])),
            },
          };
        } catch (error) {
          return { available: false, reason: `${env.name}: ${(error as Error).message}` };
        }
      }),
    ),
  };
}

/**
 * An environment's database is the URL in its variable (`urlEnv`), when that is set and names a
 * database of the environment's provider (dev and production often share one variable name).
 */
function environmentUrl(env: ResolvedConfig['environments'][number], cwd: string): string | undefined {
  const url = process.env[env.urlEnv];
  if (!url) return undefined;
  try {
    return parseDatabaseUrl(url, cwd).provider === env.provider ? url : undefined;
  } catch {
    return undefined;
  }
}

async function migrationsStatus(config: ResolvedConfig): Promise<NonNullable<Extract<StatusReport['migrations'], { available: true }>['value']>> {
  const out: Extract<StatusReport['migrations'], { available: true }>['value'] = [];
  for (const env of config.environments) {
    if (!isMigratableProvider(env.provider)) continue;
    const local = migrationScripts(await readMigrationsList(env.migrationsDir)).length;
    const url = environmentUrl(env, config.cwd);
    if (!url) {
      out.push({ env: env.name, local, state: 'not-configured', reason: `${env.urlEnv} is not set to a ${env.provider} database` });
      continue;
    }
    try {
      const report = await migrationStatus(env.migrationsDir, url, { timeoutMs: 5_000, cwd: config.cwd });
      out.push({ env: env.name, local, pending: report.migrations.filter((m) => m.state === 'pending').length, state: 'checked' });
    } catch (error) {
      out.push({ env: env.name, local, state: 'unreachable', reason: (error as Error).message });
    }
  }
  return out;
}

async function driftStatus(config: ResolvedConfig): Promise<NonNullable<Extract<StatusReport['drift'], { available: true }>['value']>> {
  const out: Extract<StatusReport['drift'], { available: true }>['value'] = [];
  for (const env of config.environments) {
    if (!isMigratableProvider(env.provider)) continue;
    const url = environmentUrl(env, config.cwd);
    if (!url) {
      out.push({ env: env.name, state: 'not-configured' });
      continue;
    }
    const [result] = await driftForEnvironment(config, env.name, [url], { timeoutMs: 5_000 });
    if (result.status === 'clean') out.push({ env: env.name, state: 'in-sync', differences: 0 });
    else if (result.status === 'drift') out.push({ env: env.name, state: 'drifted', differences: result.findings.length });
    else out.push({ env: env.name, state: 'unreachable' });
  }
  return out;
}

async function releaseStatus(config: ResolvedConfig): Promise<StatusReport['release']> {
  if (!repositoryRoot(config.cwd)) return { available: false, reason: 'not a git repository' };
  try {
    const diff = await diffProject(config);
    const bySeverity: Record<ChangeSeverity, number> = { breaking: 0, dangerous: 0, safe: 0 };
    for (const c of diff.changes) bySeverity[c.severity]++;
    return { available: true, value: { lastTag: diff.latest?.tag, unreleased: diff.changes.length, bySeverity } };
  } catch (error) {
    return { available: false, reason: (error as Error).message };
  }
}

async function guardAsync<T>(f: () => Promise<T>): Promise<Availability<T>> {
  try {
    return { available: true, value: await f() };
  } catch (error) {
    return { available: false, reason: (error as Error).message };
  }
}

function guard<T>(f: () => T): Availability<T> {
  try {
    return { available: true, value: f() };
  } catch (error) {
    return { available: false, reason: (error as Error).message };
  }
}
