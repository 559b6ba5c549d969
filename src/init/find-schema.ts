import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { StewardError } from '../errors/index.js';
import type * as TS from 'typescript';
import { readPrismaConfigFile, PRISMA_CONFIG_NAMES, type PrismaConfigPaths } from './prisma-config-file.js';
import { skippedDirs } from '../fs/generated-dirs.js';

/**
 * Folders never searched for a project's schema: dependencies, build output, VCS and caches, and
 * the places that hold copies of a schema rather than the schema (migration histories, docs,
 * examples and test fixtures).
 */
const SKIP_DIRS = skippedDirs(
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.vercel',
  '.steward',
  'vendor',
  'migrations',
  'migration',
  'docs',
  'doc',
  'documentation',
  'examples',
  'example',
  'fixtures',
  '__fixtures__',
  'test',
  'tests',
  '__tests__',
  'e2e',
  'generated',
);
const MAX_DEPTH = 8;

export interface FoundSchema {
  /** Absolute path of the schema file, or of the folder of a multi-file schema. */
  path: string;
  folder: boolean;
  /** How it was found, for the user. */
  via: string;
  /** The migrations folder the project's own Prisma configuration names (absolute), when it does. */
  migrations?: string;
  /** The prisma.config.* that declared it (absolute). */
  prismaConfig?: string;
}

/**
 * Finds the Prisma schema of an existing project as Prisma itself would, across a monorepo:
 * `--master` when given; else every schema declared by a `prisma.config.*` (`schema`,
 * `migrations.path`) or a package.json `prisma.schema`, in the project and its workspace packages;
 * else every `schema.prisma` (or folder of .prisma files with a datasource) below, outside
 * dependencies, build output, migrations, docs and fixtures. One candidate is taken; several are
 * listed, and `--master` picks one.
 */
export async function findPrismaSchema(cwdInput: string, explicit?: string): Promise<FoundSchema> {
  const cwd = resolve(cwdInput);
  // TypeScript's parser reads prisma.config.* files; loaded only when there is one to read.
  const ts = hasPrismaConfig(cwd) ? ((await import('typescript')).default as typeof TS) : undefined;
  return findIn(cwd, explicit, ts);
}

function hasPrismaConfig(cwd: string): boolean {
  return [cwd, ...packageFolders(cwd)].some((dir) => PRISMA_CONFIG_NAMES.some((name) => existsSync(join(dir, name))));
}

function findIn(cwd: string, explicit: string | undefined, ts: typeof TS | undefined): FoundSchema {
  if (explicit !== undefined) {
    const path = resolve(cwd, explicit);
    if (!existsSync(path)) throw new StewardError('FILE_NOT_FOUND', `--master ${explicit}: no such file or folder`, { location: { file: explicit } });
    const folder = statSync(path).isDirectory();
    if (folder && !hasPrismaFiles(path))
      throw new StewardError('FILE_NOT_FOUND', `--master ${explicit}: the folder holds no .prisma file`, { location: { file: explicit } });
    return { path, folder, via: '--master', migrations: declaredSchemas(cwd, ts).find((d) => d.path === path)?.migrations };
  }
  const declared = declaredSchemas(cwd, ts);
  if (declared.length === 1) return declared[0];
  if (declared.length > 1)
    throw ambiguous(
      cwd,
      declared.map((d) => `${show(cwd, d.path)} (${d.via})`),
    );
  const searched = searchSchemas(cwd);
  if (searched.length === 1) return searched[0];
  if (searched.length > 1)
    throw ambiguous(
      cwd,
      searched.map((d) => show(cwd, d.path)),
    );
  throw new StewardError('FILE_NOT_FOUND', `No Prisma schema found under ${cwd}`, {
    hint: 'Expected a prisma.config.ts with `schema`, "prisma.schema" in package.json, prisma/schema.prisma, schema.prisma or a prisma/schema folder; or name it with --master <path>.',
  });
}

function ambiguous(cwd: string, candidates: string[]): StewardError {
  return new StewardError('USAGE', `Several Prisma schemas found under ${cwd}; name the one to adopt with --master <path>`, { details: candidates });
}

function show(cwd: string, path: string): string {
  return relative(cwd, path).split(sep).join('/') || '.';
}

/** Schemas named by the project's own configuration (prisma.config.*, package.json), deduplicated by path. */
function declaredSchemas(cwd: string, ts: typeof TS | undefined): FoundSchema[] {
  const byPath = new Map<string, FoundSchema>();
  for (const dir of [cwd, ...packageFolders(cwd)]) {
    for (const found of declaredIn(cwd, dir, ts)) {
      const known = byPath.get(found.path);
      // Several configurations may name one schema (a root prisma.config.mjs and the package's own):
      // keep the one that names an existing migrations folder.
      if (!known || (!existingDir(known.migrations) && existingDir(found.migrations))) byPath.set(found.path, found);
    }
  }
  return [...byPath.values()];
}

function declaredIn(cwd: string, dir: string, ts: typeof TS | undefined): FoundSchema[] {
  const out: FoundSchema[] = [];
  for (const name of PRISMA_CONFIG_NAMES) {
    const file = join(dir, name);
    if (!ts || !existsSync(file)) continue;
    const paths: PrismaConfigPaths = readPrismaConfigFile(ts, file);
    if (paths.schema && existsSync(paths.schema)) {
      out.push({ ...found(paths.schema, `${show(cwd, file)} "schema"`), migrations: paths.migrations, prismaConfig: file });
    }
  }
  const pkg = join(dir, 'package.json');
  if (existsSync(pkg)) {
    const declared = readJson(pkg)?.prisma as { schema?: unknown } | undefined;
    if (typeof declared?.schema === 'string' && existsSync(resolve(dir, declared.schema))) {
      out.push(found(resolve(dir, declared.schema), `${show(cwd, pkg)} "prisma.schema"`));
    }
  }
  // Prisma's own defaults, relative to a package that configures nothing.
  if (out.length === 0 && (dir === cwd || existsSync(join(dir, 'package.json')))) {
    const conventional = conventionalSchema(dir);
    if (conventional) out.push(found(conventional, show(cwd, conventional)));
  }
  return out;
}

/** Prisma's default locations in one package: prisma/schema.prisma, schema.prisma, the prisma/schema folder. */
function conventionalSchema(dir: string): string | undefined {
  for (const candidate of ['prisma/schema.prisma', 'schema.prisma', 'prisma/schema']) {
    const p = join(dir, candidate);
    if (existsSync(p) && (statSync(p).isFile() || hasPrismaFiles(p))) return p;
  }
  return undefined;
}

/**
 * Workspace packages: the folders matched by package.json `workspaces` or pnpm-workspace.yaml
 * `packages` (the simple `dir/*` and `dir/name` forms monorepos use), else apps/* and packages/*.
 */
function packageFolders(cwd: string): string[] {
  const patterns = new Set<string>();
  const pkg = readJson(join(cwd, 'package.json'));
  const workspaces = pkg?.workspaces;
  const list = Array.isArray(workspaces)
    ? workspaces
    : Array.isArray((workspaces as { packages?: unknown })?.packages)
      ? (workspaces as { packages: unknown[] }).packages
      : [];
  for (const w of list) if (typeof w === 'string') patterns.add(w);
  const pnpm = join(cwd, 'pnpm-workspace.yaml');
  if (existsSync(pnpm)) {
    // A line scan is enough for the `packages:` list; a YAML parser would load for one key.
    let inPackages = false;
    for (const line of readFileSync(pnpm, 'utf8').split(/\r?\n/)) {
      if (/^packages\s*:/.test(line)) inPackages = true;
      else if (/^\S/.test(line)) inPackages = false;
      else if (inPackages) {
        const m = /^\s*-\s*['"]?([^'"#]+?)['"]?\s*(#.*)?$/.exec(line);
        if (m) patterns.add(m[1]);
      }
    }
  }
  if (patterns.size === 0) ['apps/*', 'packages/*'].forEach((p) => patterns.add(p));
  const folders: string[] = [];
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) continue;
    const clean = pattern.replace(/\/\*\*$/, '/*').replace(/\/$/, '');
    if (clean.endsWith('/*')) {
      const parent = join(cwd, clean.slice(0, -2));
      if (!existingDir(parent)) continue;
      for (const e of readdirSync(parent, { withFileTypes: true })) if (e.isDirectory() && !SKIP_DIRS.has(e.name)) folders.push(join(parent, e.name));
    } else if (!clean.includes('*') && existingDir(join(cwd, clean))) folders.push(join(cwd, clean));
  }
  return folders.sort();
}

/** Every schema.prisma or multi-file schema folder below cwd, outside the skipped folders. */
function searchSchemas(cwd: string): FoundSchema[] {
  const hits: FoundSchema[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > MAX_DEPTH || hits.length > 20) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const prisma = entries.filter((e) => e.isFile() && e.name.endsWith('.prisma'));
    if (prisma.some((e) => e.name === 'schema.prisma')) {
      hits.push(found(join(dir, 'schema.prisma'), 'search'));
      return;
    }
    // A folder of .prisma files one of which holds the datasource: a multi-file schema.
    if (prisma.length > 1 && prisma.some((e) => /^\s*datasource\s+\w+\s*\{/m.test(readFileSync(join(dir, e.name), 'utf8')))) {
      hits.push(found(dir, 'search'));
      return;
    }
    for (const e of entries) if (e.isDirectory() && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(join(dir, e.name), depth + 1);
  };
  walk(cwd, 0);
  return hits;
}

function found(path: string, via: string): FoundSchema {
  return { path, folder: statSync(path).isDirectory(), via };
}

function hasPrismaFiles(dir: string): boolean {
  return statSync(dir).isDirectory() && readdirSync(dir, { recursive: true }).some((n) => String(n).endsWith('.prisma') && !String(n).includes('node_modules'));
}

function existingDir(path: string | undefined): boolean {
  return path !== undefined && existsSync(path) && statSync(path).isDirectory();
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined; // an unreadable package.json is reported where it matters (init's plan)
  }
}

/**
 * The migrations folder of a schema: the one its Prisma configuration names, when it exists;
 * else `migrations` beside the schema (beside the folder, for a multi-file schema); else the
 * nearest folder below the schema's package that holds a `migration_lock.toml`.
 */
export function findMigrationsFolder(schema: FoundSchema): string | undefined {
  if (existingDir(schema.migrations)) return schema.migrations;
  const besideSchema = join(dirname(schema.path), 'migrations');
  if (existingDir(besideSchema)) return besideSchema;
  if (schema.folder && existingDir(join(schema.path, 'migrations'))) return join(schema.path, 'migrations');
  const root = schema.prismaConfig ? dirname(schema.prismaConfig) : dirname(schema.path);
  const queue: { dir: string; depth: number }[] = [{ dir: root, depth: 0 }];
  while (queue.length > 0) {
    const { dir, depth } = queue.shift()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    if (entries.some((e) => e.isFile() && e.name === 'migration_lock.toml')) return dir;
    if (depth < 3)
      for (const e of entries)
        if (e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.')) queue.push({ dir: join(dir, e.name), depth: depth + 1 });
  }
  return undefined;
}
