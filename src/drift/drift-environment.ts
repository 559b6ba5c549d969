/** Drift for one environment across one or many databases: the library call behind `steward db drift`. */
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { projectCacheOptions, type PgliteCacheOptions } from '../engine/pglite-cache.js';
import { migratableEnvironments } from '../migrate/environment-schemas.js';
import { checkDriftFleet, type DriftOptions, type DriftResult } from './check-drift.js';
import { DRIFT_CODES } from './codes.js';
import { expectedDatabaseSchema } from './expected-schema.js';
import { driftMessage } from './message.js';

export interface EnvironmentDriftOptions extends DriftOptions {
  concurrency?: number;
  cache?: PgliteCacheOptions;
}

export async function driftForEnvironment(config: ResolvedConfig, envName: string, urls: readonly string[], options: EnvironmentDriftOptions = {}): Promise<DriftResult[]> {
  const [environment] = await migratableEnvironments(config, envName);
  const expected = await expectedDatabaseSchema(environment.provider, environment.schema, options.cache ?? projectCacheOptions(config.cwd));
  return checkDriftFleet(expected, urls, { ...options, cwd: options.cwd ?? config.cwd });
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
