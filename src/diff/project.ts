import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { StewardError } from '../errors/index.js';
import { readSchemaFiles } from '../schema/load.js';
import type { Schema, SourceFile } from '../schema/model.js';
import { parseSchema } from '../schema/parse.js';
import type { SchemaChange } from './codes.js';
import { type ResolvedChangesConfig, resolveChangesConfig } from './config.js';
import { diffSchemas } from './diff.js';
import { commitOf, git, isCommit, listFilesAtRef, readSchemaAtRef, repoPath, repositoryRoot, tagsWithPrefix } from './git.js';
import type { MigrationScript } from './migration-sql.js';
import { applyUsages, type UsageScanner } from './usage.js';
import { withTransitionPhases, type TransitionHistory } from './transition-phases.js';
import { findProvider, isDatabaseProvider } from '../providers/registry.js';
import { latestVersionTag, type SchemaVersion } from './version.js';

/** One side of a diff: where the master was read from. */
export interface DiffSide {
  /** What the user sees: `schema-v1.2.0`, `HEAD`, `working tree`, a path. */
  label: string;
  /** The git ref, when read from git. */
  ref?: string;
  commit?: string;
  files: SourceFile[];
  schema: Schema;
  /** Why the side is empty, when it is (no version tag yet, master absent at that ref). */
  note?: string;
}

export interface ProjectDiff {
  from: DiffSide;
  to: DiffSide;
  changes: SchemaChange[];
  /** Migration folders that exist in `to` but not in `from`, per environment. */
  migrations: NewMigration[];
  /** The latest version tag, when `from` defaulted to it. */
  latest?: { tag: string; version: SchemaVersion };
}

export interface NewMigration {
  env: string;
  name: string;
  /** Absolute path of the migration folder. */
  path: string;
}

export interface ProjectDiffOptions {
  /** A git ref, a .prisma file or a folder. Default: the latest version tag (nothing when there is none). */
  from?: string;
  /** A git ref, a .prisma file or a folder. Default: the working tree. */
  to?: string;
  /** Finds call sites of the old schema's models and fields in the project's code. */
  usages?: UsageScanner;
  changes?: ResolvedChangesConfig;
}

const EMPTY: Schema = parseSchema([]);

/**
 * `steward diff` as a library call: resolves both sides (git objects, files or the working
 * tree), diffs them, attaches per-environment effects, call sites and new migrations.
 */
export async function diffProject(config: ResolvedConfig, options: ProjectDiffOptions = {}): Promise<ProjectDiff> {
  const changesConfig = options.changes ?? resolveChangesConfig(config.sections);
  const root = repositoryRoot(config.cwd);
  let latest: ProjectDiff['latest'];
  let from: DiffSide;
  if (options.from !== undefined) from = resolveSide(config, root, options.from);
  else {
    latest = root ? latestVersionTag(tagsWithPrefix(root, changesConfig.tagPrefix), changesConfig.tagPrefix) : undefined;
    from = latest
      ? resolveSide(config, root, latest.tag)
      : {
          label: 'nothing',
          files: [],
          schema: EMPTY,
          note: root ? `no ${changesConfig.tagPrefix}<version> tag yet: every model counts as added` : 'not a git repository: every model counts as added',
        };
  }
  const to = options.to !== undefined ? resolveSide(config, root, options.to) : workingTree(config);
  const migrations = root ? newMigrations(config, root, from, to) : [];
  let changes = diffSchemas(from.schema, to.schema, {
    environments: config.environments.map((e) => ({ name: e.name, provider: e.provider })),
    severities: changesConfig.severities,
    migrations: migrationScripts(root, to, migrations, config.cwd),
  });
  if (changes.some((c) => c.transition)) changes = withTransitionPhases(changes, transitionHistories(config, root, to));
  if (options.usages && changes.length > 0) changes = applyUsages(changes, await options.usages(from.schema));
  return { from, to, changes, migrations, latest };
}

export function workingTree(config: ResolvedConfig): DiffSide {
  const files = readSchemaFiles(config.master, config.cwd);
  return { label: 'working tree', files, schema: parseSchema(files) };
}

/** A path on disk when one exists, else a git ref. */
export function resolveSide(config: ResolvedConfig, root: string | undefined, spec: string): DiffSide {
  const onDisk = resolve(config.cwd, spec);
  if (existsSync(onDisk)) {
    const files = readSchemaFiles(onDisk, config.cwd);
    return { label: relative(config.cwd, onDisk) || spec, files, schema: parseSchema(files) };
  }
  if (!root) throw new StewardError('USAGE', `'${spec}' is not a file or folder, and ${config.cwd} is not a git repository`);
  if (!isCommit(root, spec)) {
    throw new StewardError('USAGE', `'${spec}' is neither a file, a folder nor a git ref`, {
      hint: 'Pass a tag (schema-v1.2.0), a branch, a commit, or a path to a .prisma file or folder.',
    });
  }
  const commit = commitOf(root, spec);
  const files = readSchemaAtRef(root, spec, config.master, config.cwd);
  if (!files) return { label: spec, ref: spec, commit, files: [], schema: EMPTY, note: `the master did not exist at ${spec}` };
  return { label: spec, ref: spec, commit, files, schema: parseSchema(files) };
}

/** The SQL of the migrations the change added, as the `to` side has it (working tree or git objects). */
function migrationScripts(root: string | undefined, to: DiffSide, migrations: NewMigration[], cwd: string): MigrationScript[] {
  const out: MigrationScript[] = [];
  for (const m of migrations) {
    const file = join(m.path, 'migration.sql');
    try {
      const sql = to.ref && root ? git(root, ['show', `${to.ref}:${repoPath(root, file)}`]) : existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      if (sql !== undefined) out.push({ name: relative(cwd, m.path) || m.name, sql });
    } catch {
      // A migration folder without its script has nothing to report.
    }
  }
  return out;
}

/**
 * Each migrating environment's scripts that may mark a transition (they name steward), as the
 * `to` side has them: the working tree's files, or a ref's objects found with `git grep`.
 */
function transitionHistories(config: ResolvedConfig, root: string | undefined, to: DiffSide): TransitionHistory[] {
  const histories: TransitionHistory[] = [];
  for (const env of config.environments) {
    if (!isDatabaseProvider(env.provider)) continue;
    const scripts: TransitionHistory['scripts'][number][] = [];
    if (to.ref && root) {
      let listed = '';
      try {
        listed = git(root, ['grep', '-l', '-F', 'steward', to.ref, '--', repoPath(root, env.migrationsDir)]);
      } catch {
        // No script names steward (git grep exits 1), or the folder is not at that ref.
      }
      for (const line of listed.split('\n').filter((l) => l.endsWith('/migration.sql'))) {
        const file = line.slice(to.ref.length + 1);
        scripts.push({ name: file.split('/').at(-2)!, sql: git(root, ['show', `${to.ref}:${file}`]) });
      }
    } else if (to.label === 'working tree' && existsSync(env.migrationsDir)) {
      for (const name of readdirSync(env.migrationsDir).sort()) {
        const file = join(env.migrationsDir, name, 'migration.sql');
        if (existsSync(file)) scripts.push({ name, sql: readFileSync(file, 'utf8') });
      }
    } else continue;
    histories.push({ env: env.name, oneStep: findProvider(env.provider)?.family === 'sqlite', scripts: scripts.sort((a, b) => a.name.localeCompare(b.name)) });
  }
  return histories;
}

function newMigrations(config: ResolvedConfig, root: string, from: DiffSide, to: DiffSide): NewMigration[] {
  const out: NewMigration[] = [];
  for (const env of config.environments) {
    const names = (side: DiffSide): Set<string> | undefined => {
      if (side.ref) {
        const prefix = relative(root, env.migrationsDir).split(sep).join('/') + '/';
        return new Set(
          listFilesAtRef(root, side.ref, env.migrationsDir)
            .filter((p) => p.startsWith(prefix))
            .map((p) => p.slice(prefix.length).split('/')[0])
            .filter((n) => !n.includes('.')),
        );
      }
      if (side.label === 'working tree') {
        if (!existsSync(env.migrationsDir)) return new Set();
        return new Set(readdirSync(env.migrationsDir).filter((n) => statSync(join(env.migrationsDir, n)).isDirectory()));
      }
      return from === side ? new Set() : undefined;
    };
    const before = names(from) ?? new Set<string>();
    const after = names(to);
    if (!after) continue;
    for (const name of [...after].sort()) if (!before.has(name)) out.push({ env: env.name, name, path: join(env.migrationsDir, name) });
  }
  return out;
}

/** Default changelog path: SCHEMA_CHANGELOG.md beside the master (inside it, when the master is a folder). */
export function changelogPath(config: ResolvedConfig, changes: ResolvedChangesConfig): string {
  if (changes.changelog) return resolve(config.configFile ? dirname(config.configFile) : config.cwd, changes.changelog);
  const isDir = existsSync(config.master) && statSync(config.master).isDirectory();
  const dir = isDir ? (basename(config.master) === 'schema' ? dirname(config.master) : config.master) : dirname(config.master);
  return join(dir, 'SCHEMA_CHANGELOG.md');
}
