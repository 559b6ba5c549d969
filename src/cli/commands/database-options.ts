/** Options shared by the commands that open a database (db drift, migrate status). */
import type { ResolvedEnvironment } from '../../config/types.js';
import { DEFAULT_DRIFT_TIMEOUT_MS } from '../../drift/check-drift.js';
import { StewardError } from '../../errors/index.js';
import { readFleetFile } from '../../migrate/fleet-file.js';
import type { CommandContext } from '../command.js';

/** The URL in the environment's configured variable (`urlEnv`). */
export function environmentUrl(ctx: CommandContext, env: ResolvedEnvironment): string {
  const url = ctx.env[env.urlEnv];
  if (!url) {
    throw new StewardError('USAGE', `No database URL for environment '${env.name}': set ${env.urlEnv} or pass --url`);
  }
  return url;
}

export function parseTimeout(value: unknown): number {
  if (value === undefined) return DEFAULT_DRIFT_TIMEOUT_MS;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms <= 0) throw new StewardError('USAGE', `--timeout takes milliseconds, got '${String(value)}'`);
  return ms;
}

export function parsePositiveInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new StewardError('USAGE', `--${name} takes a positive integer, got '${String(value)}'`);
  return n;
}

/** One URL per line; blank lines and `#` comments ignored. */
export async function readUrlsFile(file: string, cwd: string): Promise<string[]> {
  return readFleetFile(file, cwd);
}

/** `--shadow-url`: a PostgreSQL server where steward may create and drop a throwaway scratch database. */
export function parseShadowUrl(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const url = String(value);
  if (!/^postgres(ql)?:\/\//i.test(url))
    throw new StewardError('USAGE', '--shadow-url takes a postgresql:// URL (a server where steward creates and drops a throwaway database)');
  return url;
}
