/**
 * A warm PGlite: starting PGlite from nothing runs initdb (1.5-3 s); starting it from a
 * dump of a freshly initialised data directory takes ~0.3 s. The dump is made once and
 * kept in a cache directory (`.steward/cache/pglite` by default, `STEWARD_CACHE_DIR` to move it).
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../package-files.js';
import { PGlite, type Extension } from '@electric-sql/pglite';

export interface PgliteCacheOptions {
  /** Directory holding the cache; default `$STEWARD_CACHE_DIR` or `<cwd>/.steward/cache`. */
  cacheDir?: string;
}

export function defaultCacheDir(): string {
  return process.env.STEWARD_CACHE_DIR ?? path.join(process.cwd(), '.steward', 'cache');
}

let version: string | undefined;

/** The cache of a project: `<project>/.steward/cache`, or `$STEWARD_CACHE_DIR`. */
/**
 * Creates the folder of a cache file. The cache root gets a `.gitignore` of `*` (as pytest and
 * others do), so caches inside a user's project are never committed.
 */
export async function makeCacheFolder(file: string, cache: PgliteCacheOptions): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(path.join(cache.cacheDir ?? defaultCacheDir(), '.gitignore'), '# created by prisma-steward: caches are not committed\n*\n', {
    flag: 'wx',
  }).catch(() => {});
}

export function projectCacheOptions(projectDir: string): PgliteCacheOptions {
  return { cacheDir: process.env.STEWARD_CACHE_DIR ?? path.join(projectDir, '.steward', 'cache') };
}

/** PGlite's package.json is not exported, so find it next to the resolved entry point. */
function pgliteVersion(): string {
  if (version === undefined) {
    const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    const marker = `${path.sep}@electric-sql${path.sep}pglite${path.sep}`;
    const root = entry.slice(0, entry.lastIndexOf(marker) + marker.length);
    version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  }
  return version;
}

/** The dump file for this PGlite version (a new PGlite may not read an older dump). */
export function pgliteDumpPath(options: PgliteCacheOptions = {}): string {
  return path.join(options.cacheDir ?? defaultCacheDir(), 'pglite', `empty-${pgliteVersion()}.tar.gz`);
}

/**
 * Start parameters of scratch PGlites: PGlite's own, with 16 MB of shared buffers instead of
 * 128 MB. The data directory is in memory already, so a smaller buffer pool costs no I/O, and the
 * process peaks ~60 MB lower (a long history's check stays under 600 MB).
 */
export function scratchStartParams(): string[] {
  return [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];
}

const dumps = new Map<string, Promise<Uint8Array | null>>();

async function readDump(file: string): Promise<Uint8Array | null> {
  let pending = dumps.get(file);
  if (!pending) {
    pending = readFile(file).then(
      (bytes) => new Uint8Array(bytes),
      () => null,
    );
    dumps.set(file, pending);
  }
  const bytes = await pending;
  if (bytes === null) dumps.delete(file);
  return bytes;
}

/** Whether the next `freshPglite` will start warm. */
export async function isPgliteCacheWarm(options: PgliteCacheOptions = {}): Promise<boolean> {
  return (await readDump(pgliteDumpPath(options))) !== null;
}

/** A new PGlite data directory on disk (`pglite:<dir>` URLs), initialised from the warm dump. */
export async function createPgliteDataDir(dataDir: string, options: PgliteCacheOptions = {}, extensions: Record<string, Extension> = {}): Promise<PGlite> {
  await freshPglite(options).then((warmup) => warmup.close()); // make sure the dump exists
  const dump = await readDump(pgliteDumpPath(options));
  const client = new PGlite(dataDir, { extensions, ...(dump ? { loadDataDir: new Blob([dump]) } : {}) });
  await client.waitReady;
  return client;
}

/**
 * An empty in-memory PGlite. Warm when the cache holds a dump; otherwise starts cold and
 * writes the dump for next time (atomically, so concurrent runs never read half a file).
 * `extensions` are PGlite's extension modules: they unpack outside the data directory, so one
 * dump serves every extension set (loading four costs no measurable start-up time).
 */
export async function freshPglite(options: PgliteCacheOptions = {}, extensions: Record<string, Extension> = {}): Promise<PGlite> {
  const file = pgliteDumpPath(options);
  const dump = await readDump(file);
  if (dump !== null) {
    try {
      const warm = new PGlite({ loadDataDir: new Blob([dump]), extensions, startParams: scratchStartParams() });
      await warm.waitReady;
      return warm;
    } catch {
      dumps.delete(file); // a corrupt or incompatible dump: fall through to a cold start and rewrite it
    }
  }
  // The package ships the empty cluster, made at build time (scripts/pglite-empty.mjs): a project's
  // first PGlite then skips initdb and its dump, the largest memory peak of a first `check`.
  const shipped = await readShippedDump();
  if (shipped !== null) {
    try {
      const warm = new PGlite({ loadDataDir: new Blob([shipped]), extensions, startParams: scratchStartParams() });
      await warm.waitReady;
      await saveDump(file, shipped, options);
      return warm;
    } catch {
      // an unreadable shipped dump: start cold, as without one
    }
  }
  const cold = new PGlite({ extensions, startParams: scratchStartParams() });
  await cold.waitReady;
  const blob = await cold.dumpDataDir('gzip');
  await saveDump(file, new Uint8Array(await blob.arrayBuffer()), options);
  return cold;
}

/** Keeps an empty cluster's dump in the cache, atomically, so concurrent runs never read half a file. */
async function saveDump(file: string, bytes: Uint8Array, options: PgliteCacheOptions): Promise<void> {
  await makeCacheFolder(file, options);
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, file);
  dumps.set(file, Promise.resolve(bytes));
}

/** The empty cluster the package ships for this PGlite version, or null (a build that could not make it). */
async function readShippedDump(): Promise<Uint8Array | null> {
  if (process.env.STEWARD_SHIPPED_PGLITE === 'off') return null;
  return readFile(shippedDumpPath()).then(
    (bytes) => new Uint8Array(bytes),
    () => null,
  );
}

/** Where the build writes the empty cluster: dist/pglite/empty-<version>.tar.gz in the package. */
export function shippedDumpPath(): string {
  return path.join(packageRoot(), 'dist', 'pglite', `empty-${pgliteVersion()}.tar.gz`);
}
