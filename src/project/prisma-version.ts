/**
 * The Prisma major a project uses, from the evidence on disk, strongest first:
 *   1. a lockfile at the workspace root (what CI installs): package-lock.json, pnpm-lock.yaml,
 *      yarn.lock, bun.lock;
 *   2. the installed `node_modules/prisma` (or `@prisma/client`);
 *   3. the `prisma` / `@prisma/client` ranges in the package.json of the package holding the
 *      schema, then its ancestors up to the workspace root (pnpm `catalog:` ranges resolved
 *      from pnpm-workspace.yaml);
 *   4. a `prisma.config.ts` beside a schema without a datasource `url` (Prisma 7's layout);
 *   5. the schema itself: a datasource `url` means 6, none means 7.
 * Majors below 5 are reported as 5 and above 7 as 7 (the nearest steward validates for).
 * Reads files only; never runs a package manager.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import semver from 'semver';
import { parse as parseYaml } from 'yaml';
import type { PrismaMajor } from '../prisma/major.js';

export interface DetectedPrismaMajor {
  major: PrismaMajor;
  /** Where the answer comes from, for `init`'s plan (e.g. "pnpm-lock.yaml: prisma 7.8.0"). */
  evidence: string;
}

const PACKAGES = ['prisma', '@prisma/client'] as const;
const CONFIG_NAMES = ['prisma.config.ts', 'prisma.config.mts', 'prisma.config.js', 'prisma.config.mjs', 'prisma.config.cjs', 'prisma.config.cts'];

/**
 * @param projectDir where the search starts (the folder `init` or the configuration runs in)
 * @param masterSchema the schema file or folder, absolute or relative to projectDir: its package
 *   is preferred in a monorepo, and its datasource decides when nothing else does
 */
export function detectPrismaMajor(projectDir: string, masterSchema?: string): DetectedPrismaMajor {
  const root = resolve(projectDir);
  const schemaPath = masterSchema ? resolve(root, masterSchema) : undefined;
  const start = schemaPath ? (isDirectory(schemaPath) ? schemaPath : dirname(schemaPath)) : root;
  const shown = (path: string) => relative(root, path).split(sep).join('/') || '.';
  const chain = packageChain(start, root);
  const workspaceRoot = chain.workspaceRoot;
  const ranges = declaredRanges(chain.packages, workspaceRoot);

  const locked = lockedVersion(workspaceRoot, chain.packages[0], ranges);
  if (locked) return answer(locked.version, `${shown(locked.file)}: ${locked.name} ${locked.version}`);

  for (const dir of chain.dirs) {
    for (const name of PACKAGES) {
      const file = join(dir, 'node_modules', name, 'package.json');
      const version = readJson<{ version?: string }>(file)?.version;
      if (version && semver.valid(version)) return answer(version, `${shown(file)}: ${name} ${version} installed`);
    }
  }

  for (const range of ranges) {
    const min = minVersion(range.range);
    const resolved = range.declared === range.range ? '' : ` (${range.range} in the pnpm catalog)`;
    if (min) return answer(min, `${shown(range.file)}: ${range.name} "${range.declared}"${resolved}`);
  }

  const schemaText = schemaPath ? readSchemaText(schemaPath) : '';
  const hasUrl = datasourceHasUrl(schemaText);
  const config = chain.dirs.flatMap((dir) => CONFIG_NAMES.map((n) => join(dir, n))).find((p) => existsSync(p));
  if (config && !hasUrl) return { major: 7, evidence: `${shown(config)} and no datasource url` };
  if (hasUrl) return { major: 6, evidence: 'the datasource has a url (Prisma 6 style)' };
  return { major: 7, evidence: schemaPath ? 'the datasource has no url (Prisma 7 style)' : 'no evidence: Prisma 7 assumed' };
}

function answer(version: string, evidence: string): DetectedPrismaMajor {
  const major = semver.major(version);
  return { major: major <= 5 ? 5 : major >= 7 ? 7 : 6, evidence };
}

/** Folders from the schema's up to the workspace root, and the package.json files among them. */
function packageChain(start: string, projectDir: string): { dirs: string[]; packages: string[]; workspaceRoot: string } {
  const dirs: string[] = [];
  const packages: string[] = [];
  let workspaceRoot: string | undefined;
  for (let dir = start; ; dir = dirname(dir)) {
    dirs.push(dir);
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) packages.push(pkg);
    if (isWorkspaceRoot(dir)) {
      workspaceRoot = dir;
      break;
    }
    // Never above the project unless the schema lies outside it; stop at the filesystem root.
    if (dirname(dir) === dir || (dir === projectDir && !hasAncestorWorkspace(projectDir))) break;
  }
  return { dirs, packages, workspaceRoot: workspaceRoot ?? (packages.length > 0 ? dirname(packages[packages.length - 1]) : projectDir) };
}

function isWorkspaceRoot(dir: string): boolean {
  if (['pnpm-workspace.yaml', 'package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock', 'bun.lockb'].some((n) => existsSync(join(dir, n)))) return true;
  return readJson<{ workspaces?: unknown }>(join(dir, 'package.json'))?.workspaces !== undefined;
}

/**
 * A project inside a monorepo package: keep walking up to the workspace that holds it (a few
 * levels). Only a folder that declares workspaces counts: a lockfile alone is another project's.
 */
function hasAncestorWorkspace(dir: string): boolean {
  let up = dir;
  for (let level = 0; level < 4 && dirname(up) !== up; level++) {
    up = dirname(up);
    if (existsSync(join(up, 'pnpm-workspace.yaml')) || readJson<{ workspaces?: unknown }>(join(up, 'package.json'))?.workspaces !== undefined) return true;
  }
  return false;
}

interface DeclaredRange {
  name: string;
  /** As written (`^6.19.0`, `catalog:`). */
  declared: string;
  /** Resolved (a catalog entry's range). */
  range: string;
  file: string;
}

/** The declared ranges, nearest package first, `prisma` before `@prisma/client` in each. */
function declaredRanges(packages: string[], workspaceRoot: string): DeclaredRange[] {
  const out: DeclaredRange[] = [];
  let catalogs: Catalogs | undefined;
  for (const file of packages) {
    const pkg = readJson<Record<string, Record<string, unknown> | undefined>>(file);
    if (!pkg) continue;
    for (const name of PACKAGES) {
      for (const section of ['devDependencies', 'dependencies', 'peerDependencies', 'optionalDependencies']) {
        const declared = pkg[section]?.[name];
        if (typeof declared !== 'string') continue;
        let range = declared;
        if (declared.startsWith('catalog:')) {
          catalogs ??= pnpmCatalogs(workspaceRoot);
          const catalog = declared.slice('catalog:'.length) || 'default';
          range = catalogs[catalog]?.[name] ?? '';
        }
        out.push({ name, declared, range: range.replace(/^npm:(@?[^@]+)@/, ''), file });
      }
    }
  }
  return out;
}

type Catalogs = Record<string, Record<string, string>>;

function pnpmCatalogs(root: string): Catalogs {
  const file = join(root, 'pnpm-workspace.yaml');
  if (!existsSync(file)) return {};
  try {
    const doc = parseYaml(readFileSync(file, 'utf8')) as { catalog?: Record<string, string>; catalogs?: Catalogs } | null;
    return { ...(doc?.catalogs ?? {}), ...(doc?.catalog ? { default: doc.catalog } : {}) };
  } catch {
    return {};
  }
}

function minVersion(range: string): string | undefined {
  try {
    return semver.minVersion(range)?.version;
  } catch {
    return undefined;
  }
}

interface LockedVersion {
  name: string;
  version: string;
  file: string;
}

/** The locked version of prisma (else @prisma/client) for the schema's package. */
function lockedVersion(root: string, nearestPackage: string | undefined, ranges: DeclaredRange[]): LockedVersion | undefined {
  const packageDir = nearestPackage ? relative(root, dirname(nearestPackage)).split(sep).join('/') : '';
  for (const name of PACKAGES) {
    const found =
      fromPackageLock(join(root, 'package-lock.json'), name, packageDir) ??
      fromPnpmLock(join(root, 'pnpm-lock.yaml'), name, packageDir) ??
      fromVersionList(join(root, 'yarn.lock'), name, yarnVersions, ranges) ??
      fromVersionList(join(root, 'bun.lock'), name, bunVersions, ranges);
    if (found) return found;
  }
  return undefined;
}

function fromPackageLock(file: string, name: string, packageDir: string): LockedVersion | undefined {
  const lock = readJson<{ packages?: Record<string, { version?: string }>; dependencies?: Record<string, { version?: string }> }>(file);
  if (!lock) return undefined;
  const keys = [packageDir ? `${packageDir}/node_modules/${name}` : undefined, `node_modules/${name}`].filter((k): k is string => !!k);
  for (const key of keys) {
    const version = lock.packages?.[key]?.version;
    if (version && semver.valid(version)) return { name, version, file };
  }
  const version = lock.dependencies?.[name]?.version; // lockfileVersion 1
  return version && semver.valid(version) ? { name, version, file } : undefined;
}

interface PnpmImporter {
  dependencies?: Record<string, { version?: string } | string>;
  devDependencies?: Record<string, { version?: string } | string>;
}

function fromPnpmLock(file: string, name: string, packageDir: string): LockedVersion | undefined {
  if (!existsSync(file)) return undefined;
  let lock: { importers?: Record<string, PnpmImporter>; dependencies?: PnpmImporter['dependencies']; devDependencies?: PnpmImporter['devDependencies'] } | null;
  try {
    lock = parseYaml(readFileSync(file, 'utf8'), { maxAliasCount: -1 }) as typeof lock;
  } catch {
    return undefined;
  }
  if (!lock) return undefined;
  const importers = lock.importers ?? { '.': { dependencies: lock.dependencies, devDependencies: lock.devDependencies } };
  for (const key of [packageDir || '.', '.']) {
    const importer = importers[key];
    const entry = importer?.devDependencies?.[name] ?? importer?.dependencies?.[name];
    const raw = typeof entry === 'string' ? entry : entry?.version;
    // "7.8.0(typescript@5.9.3)", or "7.8.0" in old lockfiles
    const version = raw ? semver.coerce(raw)?.version : undefined;
    if (raw && version && !raw.startsWith('link:')) return { name, version, file };
  }
  return undefined;
}

/** A lockfile that lists versions without importers: the single one, or the one the declared range takes. */
function fromVersionList(file: string, name: string, versionsOf: (text: string, name: string) => string[], ranges: DeclaredRange[]): LockedVersion | undefined {
  if (!existsSync(file)) return undefined;
  const versions = [...new Set(versionsOf(readFileSync(file, 'utf8'), name))].filter((v) => semver.valid(v));
  if (versions.length === 0) return undefined;
  const wanted = ranges.find((r) => r.name === name)?.range;
  const version = (wanted && semver.maxSatisfying(versions, wanted)) || (versions.length === 1 ? versions[0] : undefined);
  return version ? { name, version, file } : undefined;
}

/** yarn v1 (`prisma@^6.1.0:` then `  version "6.1.0"`) and berry (`"prisma@npm:^6.1.0":` then `  version: 6.1.0`). */
function yarnVersions(text: string, name: string): string[] {
  const out: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith(' ') || !line.trimEnd().endsWith(':')) continue;
    const specs = line
      .slice(0, -1)
      .split(',')
      .map((s) => s.trim().replace(/^"|"$/g, ''));
    if (!specs.some((spec) => spec.startsWith(`${name}@`))) continue;
    for (let j = i + 1; j < lines.length && lines[j].startsWith(' '); j++) {
      const m = /^\s+version:?\s+"?([^"\s]+)"?/.exec(lines[j]);
      if (m) {
        out.push(m[1]);
        break;
      }
    }
  }
  return out;
}

/** bun.lock (JSON with trailing commas): `"prisma": ["prisma@6.19.0", ...]` under "packages". */
function bunVersions(text: string, name: string): string[] {
  const escaped = name.replace(/[/.]/g, (c) => `\\${c}`);
  const pattern = new RegExp(`"${escaped}":\\s*\\[\\s*"${escaped}@(\\d[^"]*)"`, 'g');
  return [...text.matchAll(pattern)].map((m) => m[1]);
}

function readSchemaText(path: string): string {
  try {
    if (!isDirectory(path)) return readFileSync(path, 'utf8');
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.prisma'))
      .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
      .join('\n');
  } catch {
    return '';
  }
}

function datasourceHasUrl(text: string): boolean {
  for (const block of text.match(/^[ \t]*datasource[ \t]+\w+[ \t]*\{[^}]*\}/gm) ?? []) {
    if (/^[ \t]*url[ \t]*=/m.test(block)) return true;
  }
  return false;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
