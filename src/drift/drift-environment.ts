/** Drift for one environment across one or many databases: the library call behind `steward db drift`. */
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { projectCacheOptions, type PgliteCacheOptions } from '../engine/pglite-cache.js';
import { migratableEnvironments, type MigratableEnvironment } from '../migrate/environment-schemas.js';
import { checkDriftFleet, type DriftOptions, type DriftResult } from './check-drift.js';
import { DRIFT_CODES } from './codes.js';
import { startExpectedBuilder } from './expected-in-worker.js';
import { driftMessage } from './message.js';

export interface EnvironmentDriftOptions extends DriftOptions {
  concurrency?: number;
  cache?: PgliteCacheOptions;
}

export interface EnvironmentDrift {
  results: DriftResult[];
  /** What steward's Prisma 7 engine was not given (Prisma 5/6 URLs, unknown preview features), as info. */
  notes: Diagnostic[];
}

/** Drift of every database, with the notes on what the engine was not given. */
export async function environmentDrift(config: ResolvedConfig, envName: string, urls: readonly string[], options: EnvironmentDriftOptions = {}): Promise<EnvironmentDrift> {
  // The expected structure is built in a worker (started now, so PGlite loads while the
  // environment is generated) while the databases are opened and read here.
  const builder = startExpectedBuilder(options.cache ?? projectCacheOptions(config.cwd));
  let environment: MigratableEnvironment;
  try {
    [environment] = await migratableEnvironments(config, envName);
  } catch (error) {
    builder.cancel();
    throw error;
  }
  const expected = builder.build({ provider: environment.provider, schema: environment.schema });
  expected.catch(() => {}); // awaited below, where its failure is the command's
  const results = await checkDriftFleet(expected, urls, { ...options, cwd: options.cwd ?? config.cwd, provider: environment.provider });
  await expected;
  return { results, notes: environment.engineNotes };
}

export async function driftForEnvironment(config: ResolvedConfig, envName: string, urls: readonly string[], options: EnvironmentDriftOptions = {}): Promise<DriftResult[]> {
  return (await environmentDrift(config, envName, urls, options)).results;
}

/** Findings of every database as Diagnostics; unreachable or failed databases are errors too. */
export function driftDiagnostics(results: readonly DriftResult[], env: string): Diagnostic[] {
  return results.flatMap((result): Diagnostic[] => {
    if (result.status === 'unreachable' || result.status === 'error') {
      return [{
        source: 'drift',
        code: result.status === 'unreachable' ? 'database-unreachable' : 'database-error',
        severity: 'error',
        message: `${result.database}: ${result.error ?? result.status}`,
        env,
        data: { database: result.database },
      }];
    }
    return result.findings.map((finding) => ({
      source: 'drift',
      code: finding.code,
      severity: DRIFT_CODES[finding.code].severity,
      message: results.length > 1 ? `${result.database}: ${driftMessage(finding)}` : driftMessage(finding),
      env,
      data: { database: result.database, ...finding },
    }));
  });
}
