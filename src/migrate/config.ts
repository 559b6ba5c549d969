import type { ConfigProblems } from '../config/check-value.js';
import { join } from '../config/check-value.js';

/**
 * The `migrate` section of steward.config.*: what steward knows about histories it did not write.
 *
 * `adoptedAt` names, per environment, the last migration that existed when steward was adopted
 * (`steward init` records it). Those migrations were applied long ago: they are replayed to build
 * the structure later ones are judged against, but never linted (a 434-migration history would
 * otherwise fail on day one for decisions nobody can take back).
 *
 * `acknowledge` accepts a finding of one migration without editing its file: Prisma compares
 * applied migrations by checksum, so a comment added to an applied migration.sql breaks
 * `prisma migrate deploy`. An acknowledgement names the migration and the checksum of the file it
 * was given for; when the file changes, the acknowledgement no longer applies and the finding returns.
 */
export interface MigrateConfig {
  adoptedAt?: Record<string, string>;
  acknowledge?: MigrationAcknowledgement[];
  /**
   * PostgreSQL's lock_timeout (e.g. `5s`) that `migrate create` writes at the top of every
   * PostgreSQL migration and down.sql it writes, so a statement waiting behind a long
   * transaction fails fast instead of stalling every query on its table (lint: missing-lock-timeout).
   */
  lockTimeout?: string;
}

export interface MigrationAcknowledgement {
  /** The environment; default every environment whose history holds the migration. */
  env?: string;
  /** Migration folder name, e.g. `20240611093000_drop_legacy_tokens`. */
  migration: string;
  /** `sha256:` and the first 16 hex digits of the migration.sql's SHA-256 (Prisma's checksum). */
  checksum: string;
  /** Safety codes accepted for this migration (e.g. `drop-column`). */
  codes: string[];
  /** Why it is safe: shown with the finding, which stays as info. */
  reason?: string;
}

const KEYS = ['adoptedAt', 'acknowledge', 'lockTimeout'] as const;
/** PostgreSQL's duration syntax for lock_timeout: a number, optionally with a unit. */
const LOCK_TIMEOUT = /^\d+\s*(?:us|ms|s|min|h)?$/;
const ACK_KEYS = ['env', 'migration', 'checksum', 'codes', 'reason'] as const;

export function validateMigrateConfig(value: unknown, problems: ConfigProblems, path: string): void {
  if (!problems.object(path, value)) return;
  problems.knownKeys(path, value, KEYS);
  if (value.adoptedAt !== undefined && problems.object(join(path, 'adoptedAt'), value.adoptedAt)) {
    for (const [env, name] of Object.entries(value.adoptedAt)) problems.string(join(join(path, 'adoptedAt'), env), name);
  }
  if (value.lockTimeout !== undefined && problems.string(join(path, 'lockTimeout'), value.lockTimeout) && !LOCK_TIMEOUT.test(value.lockTimeout)) {
    problems.add(join(path, 'lockTimeout'), `expected a PostgreSQL duration such as "5s" or "3000ms", got ${JSON.stringify(value.lockTimeout)}`);
  }
  if (value.acknowledge !== undefined) {
    if (!Array.isArray(value.acknowledge)) problems.add(join(path, 'acknowledge'), 'expected a list of { migration, checksum, codes }');
    else
      value.acknowledge.forEach((ack: unknown, i: number) => {
        const at = `${join(path, 'acknowledge')}[${i}]`;
        if (!problems.object(at, ack)) return;
        problems.knownKeys(at, ack, ACK_KEYS);
        problems.string(join(at, 'migration'), ack.migration);
        if (problems.string(join(at, 'checksum'), ack.checksum) && !/^sha256:[0-9a-f]{16,64}$/.test(ack.checksum)) {
          problems.add(join(at, 'checksum'), `expected "sha256:" and 16 to 64 lowercase hex digits, got ${JSON.stringify(ack.checksum)}`);
        }
        problems.stringArray(join(at, 'codes'), ack.codes);
        if (ack.env !== undefined) problems.string(join(at, 'env'), ack.env);
        if (ack.reason !== undefined) problems.string(join(at, 'reason'), ack.reason);
      });
  }
}

export function migrateConfigOf(sections: Record<string, unknown>): MigrateConfig {
  return (sections.migrate as MigrateConfig | undefined) ?? {};
}

/** The statement `migrate.lockTimeout` puts first in a PostgreSQL migration, or '' when unset. */
export function lockTimeoutPreamble(config: MigrateConfig): string {
  return config.lockTimeout === undefined
    ? ''
    : `-- migrate.lockTimeout (steward.config): fail fast instead of queueing behind a long transaction\nSET lock_timeout = '${config.lockTimeout}';\n\n`;
}
