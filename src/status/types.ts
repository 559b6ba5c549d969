import type { Severity } from '../diagnostics/diagnostic.js';
import type { ChangeSeverity } from '../diff/codes.js';
import type { StaleReason } from '../generate/generate.js';
import type { VersionSkew } from '../migrate/version-skew.js';

/** A figure that is either known or, with the reason, not available. Never a made-up value. */
export type Availability<T> = { available: true; value: T } | { available: false; reason: string };

export interface EnvironmentStatus {
  name: string;
  provider: string;
  files: { path: string; state: 'fresh' | StaleReason }[];
}

export interface StatusReport {
  /** ISO time the figures were taken. */
  generatedAt: string;
  /** Master path relative to cwd. */
  master: string;
  models: number;
  environments: EnvironmentStatus[];
  docs: Availability<{ files: number; sections: number; stale: number }>;
  lint: Availability<Record<Severity, number>>;
  audit: Availability<{ total: number; byModel: Record<string, number> }>;
  /** Per environment: migrations in its folder, and (when its database URL is set) how many the database has not applied. */
  migrations: Availability<{ env: string; local: number; pending?: number; state: 'checked' | 'not-configured' | 'unreachable'; reason?: string }[]>;
  release: Availability<{ lastTag?: string; unreleased: number; bySeverity: Record<ChangeSeverity, number> }>;
  drift: Availability<{ env: string; state: 'in-sync' | 'drifted' | 'unreachable' | 'not-configured'; differences?: number }[]>;
  /**
   * Per environment with a fleet (`environments.<env>.fleet` or `status --urls-file`): the version
   * skew of its databases. Absent unless a fleet is configured or given: status stays offline otherwise.
   */
  fleets?: Availability<FleetStatus>[];
}

export interface FleetStatus {
  env: string;
  /** The fleet file, relative to cwd. */
  file: string;
  skew: VersionSkew;
  /** Databases whose history could not be read (password-free), with why. */
  notRead: { database: string; state: 'unreachable' | 'error'; error: string }[];
}

/** One line of .steward/history.jsonl: the figures of a status, flat, for trends. */
export interface HistoryEntry {
  time: string;
  staleFiles: number;
  staleDocs?: number;
  lintErrors?: number;
  lintWarnings?: number;
  auditMismatches?: number;
  pendingMigrations?: number;
  unreleasedChanges?: number;
  lastTag?: string;
  driftedEnvironments?: number;
}
