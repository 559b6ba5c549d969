/**
 * What an environment's schema means as database structure: its creation script, run in a
 * scratch database (warm PGlite or a temporary SQLite file), read back with the same catalog
 * queries used on the live database. Cached by content hash, so repeated checks skip it.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readDatabaseSchema } from '../database/read-schema.js';
import type { DatabaseSchema } from '../database/model.js';
import type { DatabaseConnection } from '../engine/connection.js';
import { providerAdapter, type DatabaseProvider } from '../providers/registry.js';
import { openScratchDatabase } from '../engine/open-database.js';
import { defaultCacheDir, makeCacheFolder, type PgliteCacheOptions } from '../engine/pglite-cache.js';
import { offlineAdapterFactory } from '../engine/offline-adapter.js';
import { diffTarget, SchemaEngineSession, type SchemaSource } from '../engine/schema-engine.js';
import { extensionNames, extensionsImpliedBySchema, extensionsInSchema, isPgliteExtension } from '../engine/pglite-extensions.js';
import { parseSchema } from '../schema/parse.js';
import { StewardError } from '../errors/index.js';
import type { SqlObjectFile } from './sql-objects.js';

/** Bump when the catalog model, its queries or the creation scripts change, so old cache entries are ignored (2: SQLite Json defaults quoted; 3: every catalog object; 4: extensions of every schema). */
const MODEL_VERSION = 4;

/** The cache file of an expected structure: the schema and the environment's SQL object files (sql-objects.ts). */
function cacheFile(provider: DatabaseProvider, schema: SchemaSource, cache: PgliteCacheOptions, objects: readonly SqlObjectFile[]): string {
  const hash = createHash('sha256').update(`${MODEL_VERSION}\0${provider}\0${schema.content}`);
  for (const file of objects) hash.update(`\0${file.path}\0${file.text}`);
  return path.join(cache.cacheDir ?? defaultCacheDir(), 'expected', `${hash.digest('hex').slice(0, 24)}.json`);
}

/** The structure a previous run built for this very schema and these SQL objects, or null. */
export async function cachedExpectedSchema(
  provider: DatabaseProvider,
  schema: SchemaSource,
  cache: PgliteCacheOptions = {},
  objects: readonly SqlObjectFile[] = [],
): Promise<DatabaseSchema | null> {
  return readCached(cacheFile(provider, schema, cache, objects));
}

function readCached(file: string): Promise<DatabaseSchema | null> {
  return readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as DatabaseSchema,
    () => null,
  );
}

/**
 * A scratch database opened before the schema was known (drift's worker): the extensions it was
 * opened with, and those of them already created in it (the ones the schema uses without declaring,
 * which the creation script would not create).
 */
export interface ScratchAhead {
  provider: DatabaseProvider;
  extensions: readonly string[];
  created: readonly string[];
  connection: DatabaseConnection;
}

/** How the expected structure is built: see expectedDatabaseSchema. */
export interface ExpectedSchemaOptions {
  cache?: PgliteCacheOptions;
  /** The environment's SQL object files (sql-objects.ts), run after the creation script. */
  objects?: readonly SqlObjectFile[];
  /** A scratch opened in advance; used when it has the provider and every extension this schema needs, else closed and another opened. */
  ahead?: Promise<ScratchAhead>;
  /** The creation script, when planned already (creationScript, for a PGlite scratch); else planned here against the scratch. */
  script?: string;
}

/**
 * The schema's creation script (the diff from nothing to it), planned by the schema engine against
 * `scratch`, or with no database at all: the offline engine answers as the PGlite scratch does
 * (engine/offline-adapter.ts), so for a PGlite scratch the script is the same.
 */
export async function creationScript(provider: DatabaseProvider, schema: SchemaSource, scratch?: DatabaseConnection): Promise<string> {
  const engine = await SchemaEngineSession.open(scratch ? scratch.adapterFactory() : offlineAdapterFactory(provider));
  try {
    return await engine.diffScript(diffTarget.empty(), diffTarget.schema(schema));
  } finally {
    await engine.dispose();
  }
}

/**
 * The structure `schema` creates: its creation script run in a scratch database, then the SQL
 * object files, read back with the live databases' catalog queries; cached by content hash.
 */
export async function expectedDatabaseSchema(provider: DatabaseProvider, schema: SchemaSource, options: ExpectedSchemaOptions = {}): Promise<DatabaseSchema> {
  const { cache = {}, objects = [], ahead } = options;
  const file = cacheFile(provider, schema, cache, objects);
  const cached = await readCached(file);
  const closeAhead = () =>
    ahead?.then(
      (opened) => opened.connection.close(),
      () => {},
    );
  if (cached) {
    await closeAhead();
    return cached;
  }

  const { declared, implied } = providerAdapter(provider).capabilities.extensions ? schemaExtensions(schema) : { declared: [], implied: [] };
  const needed = [...declared, ...implied];
  const opened = await ahead?.catch(() => undefined);
  const fits = opened !== undefined && opened.provider === provider && needed.every((name) => opened.extensions.includes(name));
  if (opened && !fits) await opened.connection.close();
  const scratch = fits ? opened.connection : await openScratchDatabase(provider, cache, { extensions: needed });
  try {
    const script = options.script ?? (await creationScript(provider, schema, scratch));
    // Extensions the schema uses without declaring them: the history created them by hand.
    const created = implied
      .filter((name) => isPgliteExtension(name) && !(fits && opened.created.includes(name)))
      .map((name) => `CREATE EXTENSION IF NOT EXISTS "${name}";`)
      .join('\n');
    if (created) await scratch.executeScript(created);
    if (script) await scratch.executeScript(script);
    for (const file of objects) {
      await scratch.executeScript(file.text).catch((error: Error) => {
        throw new StewardError('MIGRATION_INVALID', `${file.path}: ${error.message}`, {
          location: { file: file.path, line: 1, column: 1 },
          hint: "SQL object files run, in name order, after the environment schema's creation script: each may use what the schema and the files before it create.",
        });
      });
    }
    const model = await readDatabaseSchema(scratch);
    await makeCacheFolder(file, cache);
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(model));
    await rename(temporary, file);
    return model;
  } finally {
    await scratch.close();
  }
}

/**
 * The extensions a schema's scratch database needs, read from its files: `load`, every one it
 * declares or implies by the types it uses; `create`, the implied ones PGlite ships (the creation
 * script does not create them). None when the files do not parse.
 */
export function scratchExtensionsOf(files: readonly { path: string; text: string }[]): { load: string[]; create: string[] } {
  try {
    const parsed = parseSchema([...files]);
    const declared = extensionNames(extensionsInSchema(parsed));
    const implied = extensionNames(extensionsImpliedBySchema(parsed)).filter((name) => !declared.includes(name));
    return { load: [...new Set([...declared, ...implied])], create: implied.filter(isPgliteExtension) };
  } catch {
    return { load: [], create: [] };
  }
}

function schemaExtensions(schema: SchemaSource): { declared: string[]; implied: string[] } {
  try {
    const parsed = parseSchema([{ path: schema.path, text: schema.content }]);
    const declared = extensionNames(extensionsInSchema(parsed));
    return { declared, implied: extensionNames(extensionsImpliedBySchema(parsed)).filter((name) => !declared.includes(name)) };
  } catch {
    return { declared: [], implied: [] };
  }
}
