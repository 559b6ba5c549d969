import { dirname, relative, sep } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { resolveChangesConfig, type ResolvedChangesConfig } from '../diff/config.js';
import { changelogPath, diffProject, type NewMigration, type ProjectDiff } from '../diff/project.js';
import type { UsageScanner } from '../diff/usage.js';
import { writeFilesAtomic } from '../fs/atomic-write.js';
import { readTextIfExists } from '../fs/read-text.js';
import { type ChangelogDocument, emptyChangelog, parseChangelog, renderChangelog, withUnreleased } from './document.js';
import { type ChangelogEntry, renderEntry } from './entry.js';

export interface ChangelogUpdate {
  /** Absolute path of the changelog. */
  path: string;
  /** The changelog as it should be. */
  text: string;
  /** Whether the file on disk differs (or is missing). */
  changed: boolean;
  written: boolean;
  diff: ProjectDiff;
  document: ChangelogDocument;
}

/**
 * `steward changelog` as a library call: the Unreleased section lists the changes from the
 * latest version tag to the working tree. Writes only with `write` and only when it changed.
 */
export async function updateChangelog(
  config: ResolvedConfig,
  options: { write?: boolean; usages?: UsageScanner; changes?: ResolvedChangesConfig } = {},
): Promise<ChangelogUpdate> {
  const changesConfig = options.changes ?? resolveChangesConfig(config.sections);
  const path = changelogPath(config, changesConfig);
  const diff = await diffProject(config, { usages: options.usages, changes: changesConfig });
  const current = readTextIfExists(path, config.cwd);
  const document = withUnreleased(current === undefined ? emptyChangelog() : parseChangelog(current), renderEntry(entryFor(diff, path)));
  const text = renderChangelog(document);
  const changed = text !== current;
  if (options.write && changed) writeFilesAtomic([{ path, text }], config.cwd);
  return { path, text, changed, written: options.write === true && changed, diff, document };
}

export function entryFor(diff: Pick<ProjectDiff, 'changes' | 'migrations' | 'from'>, changelogFile: string): ChangelogEntry {
  return {
    since: diff.from.ref,
    changes: diff.changes,
    migrations: migrationLinks(diff.migrations, changelogFile),
  };
}

export function migrationLinks(migrations: readonly NewMigration[], changelogFile: string): ChangelogEntry['migrations'] {
  return migrations.map((m) => ({ env: m.env, name: m.name, link: relative(dirname(changelogFile), m.path).split(sep).join('/') + '/migration.sql' }));
}
