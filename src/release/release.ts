import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { entryFor } from '../changelog/changelog.js';
import { emptyChangelog, parseChangelog, renderChangelog, withRelease } from '../changelog/document.js';
import { renderEntry } from '../changelog/entry.js';
import type { ResolvedConfig } from '../config/types.js';
import type { SchemaChange } from '../diff/codes.js';
import { resolveChangesConfig, type ResolvedChangesConfig } from '../diff/config.js';
import { diffSchemas } from '../diff/diff.js';
import { renderCommitMessage } from '../diff/format/commit.js';
import { commitOf, commitPaths, createAnnotatedTag, requireRepositoryRoot } from '../diff/git.js';
import { changelogPath, diffProject, type ProjectDiff, workingTree } from '../diff/project.js';
import type { UsageScanner } from '../diff/usage.js';
import { StewardError } from '../errors/index.js';
import { writeFilesAtomic } from '../fs/atomic-write.js';
import { RELEASE_CHECKS, type ReleaseCheck } from './checks.js';
import { type Bump, bumpFor, bumpVersion, compareVersions, formatVersion, parseVersion } from './version.js';

export interface ReleaseOptions {
  /** An explicit version (X.Y.Z or X.Y). */
  version?: string;
  /** How to pick the next version. Default: auto (from the severities). */
  bump?: 'auto' | Bump;
  /** Release despite refusals. */
  force?: boolean;
  /** Compute everything, write and tag nothing. */
  dryRun?: boolean;
  /** Date in the changelog heading (YYYY-MM-DD). Default: today. */
  date?: string;
  usages?: UsageScanner;
  checks?: ReleaseCheck[];
  changes?: ResolvedChangesConfig;
}

export interface ReleaseResult {
  status: 'released' | 'nothing-to-release' | 'refused' | 'dry-run';
  /** The new version and tag (when one was or would be created). */
  version?: string;
  tag?: string;
  previousTag?: string;
  bump?: Bump;
  changes: SchemaChange[];
  /** Why release refused (or would have, with --force). */
  refusals: string[];
  /** Checks that could not run. */
  skipped: string[];
  changelogPath: string;
  diff: ProjectDiff;
}

/**
 * `steward release`: the changes from the latest version tag to HEAD pick the next version;
 * the changelog's Unreleased section becomes that version's section (committed), and HEAD is
 * tagged `<prefix><version>` with an annotated tag. Nothing changed since the latest tag: does
 * nothing. Refuses when a configured check fails, unless `force`.
 */
export async function releaseSchema(config: ResolvedConfig, options: ReleaseOptions = {}): Promise<ReleaseResult> {
  const changesConfig = options.changes ?? resolveChangesConfig(config.sections);
  const root = requireRepositoryRoot(config.cwd);
  const path = changelogPath(config, changesConfig);
  const diff = await diffProject(config, { to: 'HEAD', usages: options.usages, changes: changesConfig });
  const base = { changes: diff.changes, refusals: [] as string[], skipped: [] as string[], changelogPath: path, diff, previousTag: diff.latest?.tag };
  const headIsTagged = diff.latest !== undefined && diff.from.commit === commitOf(root, 'HEAD');
  if ((diff.changes.length === 0 && diff.latest !== undefined) || headIsTagged) return { ...base, status: 'nothing-to-release' };
  if (diff.changes.length === 0 && diff.from.files.length === 0 && diff.to.files.length === 0) return { ...base, status: 'nothing-to-release' };

  const { version, bump } = nextVersion(diff, options, changesConfig);
  const tag = `${changesConfig.tagPrefix}${version}`;

  const checks = (options.checks ?? RELEASE_CHECKS).filter((c) => changesConfig.releaseChecks.includes(c.name));
  for (const check of checks) {
    const result = await check.run(config, root);
    if (result.skipped) base.skipped.push(`${check.name}: ${result.skipped}`);
    for (const p of result.problems) base.refusals.push(`${check.name}: ${p}`);
  }
  if (base.refusals.length > 0 && !options.force) return { ...base, status: 'refused', version, tag, bump };
  if (options.dryRun) return { ...base, status: 'dry-run', version, tag, bump };

  // The Unreleased section after the release lists what the working tree has beyond HEAD.
  const tree = workingTree(config);
  const pending = diffSchemas(diff.to.schema, tree.schema, {
    environments: config.environments.map((e) => ({ name: e.name, provider: e.provider })),
    severities: changesConfig.severities,
  });
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const document = withRelease(
    current === undefined ? emptyChangelog() : parseChangelog(current),
    version,
    `${version} - ${date}`,
    renderEntry(entryFor(diff, path)),
    renderEntry({ since: tag, changes: pending, migrations: [] }),
  );
  const text = renderChangelog(document);
  const message = renderCommitMessage(diff.changes);
  if (text !== current) {
    writeFilesAtomic([{ path, text }]);
    if (changesConfig.commitChangelog) commitPaths(root, [relative(root, path)], `schema: release ${tag}\n\n${message.split('\n').slice(2).join('\n')}`);
  }
  createAnnotatedTag(root, tag, `Schema ${version}\n\n${message}`);
  return { ...base, status: 'released', version, tag, bump };
}

function nextVersion(diff: ProjectDiff, options: ReleaseOptions, changesConfig: ResolvedChangesConfig): { version: string; bump?: Bump } {
  const latest = diff.latest?.version;
  if (options.version !== undefined) {
    const v = parseVersion(options.version);
    if (!v) throw new StewardError('USAGE', `--version ${options.version} is not a version like 1.2.0 or 1.2`);
    if (latest && compareVersions(v, latest) <= 0)
      throw new StewardError('USAGE', `--version ${options.version} is not newer than the latest version ${diff.latest!.tag}`);
    return { version: formatVersion(v) };
  }
  if (!latest) {
    return { version: formatVersion(parseVersion(changesConfig.initialVersion)!) };
  }
  const bump = options.bump === undefined || options.bump === 'auto' ? (bumpFor(diff.changes) ?? 'patch') : options.bump;
  return { version: formatVersion(bumpVersion(latest, bump)), bump };
}
