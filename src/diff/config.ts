import type { ConfigProblems } from '../config/check-value.js';
import { join } from '../config/check-value.js';
import { CHANGE_SEVERITIES, type ChangeSeverity, DIFF_CODES, type DiffCode } from './codes.js';

/**
 * The `changes` configuration section: change tracking (`steward diff`, `changelog`, `release`).
 *
 *   changes: {
 *     tagPrefix: 'schema-v',        // tags are <prefix><version>; 'v' gives v1.0-style tags
 *     changelog: 'prisma/SCHEMA_CHANGELOG.md', // default: SCHEMA_CHANGELOG.md beside the master
 *     initialVersion: '1.0.0',      // the first release when no version tag exists yet
 *     commitChangelog: true,        // release commits the changelog before tagging
 *     releaseChecks: ['clean', 'generate', 'validate', 'lint', 'audit'], // refusals (see docs/changes.md)
 *     severities: { 'enum-value-added': 'safe' }, // a code's severity when the project's policy differs from codes.ts
 *   }
 */
export interface ChangesConfig {
  tagPrefix?: string;
  changelog?: string;
  initialVersion?: string;
  commitChangelog?: boolean;
  releaseChecks?: string[];
  severities?: Partial<Record<DiffCode, ChangeSeverity>>;
}

export const RELEASE_CHECK_NAMES = ['clean', 'generate', 'validate', 'lint', 'audit'] as const;
export type ReleaseCheckName = (typeof RELEASE_CHECK_NAMES)[number];

export interface ResolvedChangesConfig {
  tagPrefix: string;
  /** Changelog path relative to the working directory, or absolute as configured. */
  changelog?: string;
  initialVersion: string;
  commitChangelog: boolean;
  releaseChecks: ReleaseCheckName[];
  /** Severity overrides by code; the defaults and their reasons are in codes.ts. */
  severities: Partial<Record<DiffCode, ChangeSeverity>>;
}

export const CHANGES_DEFAULTS: Omit<ResolvedChangesConfig, 'changelog' | 'severities'> = {
  tagPrefix: 'schema-v',
  initialVersion: '1.0.0',
  commitChangelog: true,
  releaseChecks: [...RELEASE_CHECK_NAMES],
};

export function validateChangesConfig(value: unknown, p: ConfigProblems, path: string): void {
  if (!p.object(path, value)) return;
  p.knownKeys(path, value, ['tagPrefix', 'changelog', 'initialVersion', 'commitChangelog', 'releaseChecks', 'severities']);
  if (value.severities !== undefined && p.object(join(path, 'severities'), value.severities)) {
    for (const [code, severity] of Object.entries(value.severities)) {
      if (!(code in DIFF_CODES)) p.add(join(join(path, 'severities'), code), `unknown change code ${JSON.stringify(code)} (see docs/changes.md)`);
      else if (!(CHANGE_SEVERITIES as readonly unknown[]).includes(severity))
        p.add(join(join(path, 'severities'), code), `expected one of ${CHANGE_SEVERITIES.join(', ')}`);
    }
  }
  if (value.tagPrefix !== undefined && typeof value.tagPrefix !== 'string') p.add(join(path, 'tagPrefix'), 'expected a string');
  if (value.changelog !== undefined) p.string(join(path, 'changelog'), value.changelog);
  if (value.initialVersion !== undefined && p.string(join(path, 'initialVersion'), value.initialVersion) && !/^\d+\.\d+(\.\d+)?$/.test(value.initialVersion)) {
    p.add(join(path, 'initialVersion'), `expected a version like 1.0.0 or 1.0, got ${JSON.stringify(value.initialVersion)}`);
  }
  if (value.commitChangelog !== undefined) p.boolean(join(path, 'commitChangelog'), value.commitChangelog);
  if (value.releaseChecks !== undefined && p.stringArray(join(path, 'releaseChecks'), value.releaseChecks)) {
    for (const c of value.releaseChecks)
      if (!(RELEASE_CHECK_NAMES as readonly string[]).includes(c))
        p.add(join(path, 'releaseChecks'), `unknown check ${JSON.stringify(c)}; known: ${RELEASE_CHECK_NAMES.join(', ')}`);
  }
}

export function resolveChangesConfig(sections: Record<string, unknown>): ResolvedChangesConfig {
  const raw = (sections.changes ?? {}) as ChangesConfig;
  return {
    tagPrefix: raw.tagPrefix ?? CHANGES_DEFAULTS.tagPrefix,
    changelog: raw.changelog,
    initialVersion: raw.initialVersion ?? CHANGES_DEFAULTS.initialVersion,
    commitChangelog: raw.commitChangelog ?? CHANGES_DEFAULTS.commitChangelog,
    releaseChecks: (raw.releaseChecks as ReleaseCheckName[] | undefined) ?? CHANGES_DEFAULTS.releaseChecks,
    severities: raw.severities ?? {},
  };
}
