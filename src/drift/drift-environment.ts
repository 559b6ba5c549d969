/** Drift for one environment across one or many databases: the library call behind `steward db drift`. */
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { projectCacheOptions, type PgliteCacheOptions } from '../engine/pglite-cache.js';
import { migratableEnvironments, type MigratableEnvironment } from '../migrate/environment-schemas.js';
import { checkDriftFleet, type DriftOptions, type DriftResult } from './check-drift.js';
import { migrationScripts, readMigrationsList } from '../engine/migrations-list.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { acknowledgementLocation, applyAcknowledgements, todayUtc } from './acknowledge.js';
import { DRIFT_CODES, type DriftFinding } from '../catalog/codes.js';
import { driftConfigOf } from './config.js';
import { sqlObjectFiles } from '../catalog/sql-objects.js';
import { type ExpectedWorkerData, startExpectedBuilder } from './expected-in-worker.js';
import { scratchExtensionsOf } from '../catalog/expected-schema.js';
import { isDatabaseProvider, providerAdapter } from '../providers/registry.js';
import { readSchemaFiles } from '../schema/load.js';
import { parseDatabaseUrl } from '../providers/location.js';
import { driftMessage } from './message.js';

export interface EnvironmentDriftOptions extends DriftOptions {
  concurrency?: number;
  cache?: PgliteCacheOptions;
  /** YYYY-MM-DD for acknowledgement expiry; default today (UTC). */
  today?: string;
}

export interface EnvironmentDrift {
  results: DriftResult[];
  /** The environment's newest migration: the version every database should be at. */
  latest: string | null;
  /** What steward's Prisma 7 engine was not given (Prisma 5/6 URLs, unknown preview features), as info. */
  notes: Diagnostic[];
}

/** Drift of every database, with the notes on what the engine was not given. */
export async function environmentDrift(
  config: ResolvedConfig,
  envName: string,
  urls: readonly string[],
  options: EnvironmentDriftOptions = {},
): Promise<EnvironmentDrift> {
  // The expected structure is built in a worker (started now, so PGlite loads while the
  // environment is generated) while the databases are opened and read here.
  const builder = startExpectedBuilder(options.cache ?? projectCacheOptions(config.cwd), scratchAhead(config, envName));
  let environment: MigratableEnvironment;
  let objects: Awaited<ReturnType<typeof sqlObjectFiles>>;
  try {
    [environment] = await migratableEnvironments(config, envName);
    objects = await sqlObjectFiles(config, envName);
  } catch (error) {
    builder.cancel();
    throw error;
  }
  const planHere = !urls.some((url) => isPgliteUrl(url, options.cwd ?? config.cwd));
  const expected = builder.build({ provider: environment.provider, schema: environment.schema, objects }, { planHere });
  expected.catch(() => {}); // awaited below, where its failure is the command's
  const history = migrationScripts(await readMigrationsList(environment.env.migrationsDir));
  const checked = await checkDriftFleet(expected, urls, { ...options, history, cwd: options.cwd ?? config.cwd, provider: environment.provider });
  await expected;
  const acknowledged = applyAcknowledgements(checked, driftConfigOf(config.sections).acknowledge ?? [], envName, options.today ?? todayUtc());
  return {
    results: acknowledged.results,
    latest: history.length ? history[history.length - 1].name : null,
    notes: [...environment.engineNotes, ...(await locateAcknowledgements(config, acknowledged.notes))],
  };
}

/**
 * The provider and extensions the expected structure's scratch database will need, guessed from
 * the environment's provider and the master's own extensions before the environment is generated,
 * so the worker opens it meanwhile. A wrong guess costs only a second opening.
 */
function scratchAhead(config: ResolvedConfig, envName: string): ExpectedWorkerData['ahead'] {
  const env = config.environments.find((e) => e.name === envName);
  if (!env || !isDatabaseProvider(env.provider)) return undefined;
  if (!providerAdapter(env.provider).capabilities.extensions) return { provider: env.provider, extensions: [], create: [] };
  try {
    const { load, create } = scratchExtensionsOf(readSchemaFiles(config.master, config.cwd).map((file) => ({ path: file.path, text: file.text })));
    return { provider: env.provider, extensions: load, create };
  } catch {
    return undefined; // the master's problems are reported where it is generated
  }
}

/** A PGlite target: opening and reading it is most of the main thread's work (a URL that does not parse is reported by checkDrift). */
function isPgliteUrl(url: string, cwd: string): boolean {
  try {
    const location = parseDatabaseUrl(url, cwd);
    return location.provider === 'postgresql' && location.kind === 'pglite';
  } catch {
    return false;
  }
}

/** Notes on acknowledgements point at their entry in the config file (file:line:col). */
async function locateAcknowledgements(config: ResolvedConfig, notes: Diagnostic[]): Promise<Diagnostic[]> {
  if (notes.length === 0 || !config.configFile) return notes;
  const text = await readFile(config.configFile, 'utf8').catch(() => null);
  if (text === null) return notes;
  const file = path.relative(config.cwd, config.configFile) || config.configFile;
  return notes.map((note) => {
    const at = acknowledgementLocation(text, Number(note.data?.acknowledgement));
    return at ? { ...note, location: { file, ...at } } : note;
  });
}

export async function driftForEnvironment(
  config: ResolvedConfig,
  envName: string,
  urls: readonly string[],
  options: EnvironmentDriftOptions = {},
): Promise<DriftResult[]> {
  return (await environmentDrift(config, envName, urls, options)).results;
}

/** Findings of every database as Diagnostics; unreachable or failed databases are errors too. */
export function driftDiagnostics(results: readonly DriftResult[], env: string): Diagnostic[] {
  return results.flatMap((result): Diagnostic[] => {
    if (result.status === 'unreachable' || result.status === 'error') {
      return [
        {
          source: 'drift',
          code: result.status === 'unreachable' ? 'database-unreachable' : 'database-error',
          severity: 'error',
          message: `${result.database}: ${result.error ?? result.status}`,
          env,
          data: { database: result.database },
        },
      ];
    }
    const prefix = results.length > 1 ? `${result.database}: ` : '';
    return [
      ...result.findings.map(
        (finding): Diagnostic => ({
          source: 'drift',
          code: finding.code,
          severity: DRIFT_CODES[finding.code].severity,
          message: prefix + driftMessage(finding),
          env,
          notes: remedyNotes(finding),
          data: { database: result.database, ...finding },
        }),
      ),
      ...(result.acknowledged ?? []).map(
        (finding): Diagnostic => ({
          source: 'drift',
          code: finding.code,
          severity: 'info',
          message: `${prefix}acknowledged: ${driftMessage(finding)} (${finding.reason})`,
          env,
          data: { database: result.database, ...finding },
        }),
      ),
    ];
  });
}

/** The fix and the adoption under the message: what to run, or what to write in the master. */
function remedyNotes(finding: DriftFinding): string[] | undefined {
  const notes: string[] = [];
  if (finding.fix) notes.push(`fix: ${finding.fix.split('\n').join('\n     ')}`);
  if (finding.adopt) notes.push(`or adopt: ${finding.adopt}`);
  return notes.length > 0 ? notes : undefined;
}
