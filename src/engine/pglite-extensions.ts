/**
 * PostgreSQL extensions in the scratch database. PGlite ships most contrib extensions and a
 * few others as separate modules, which must be passed to its constructor before `CREATE
 * EXTENSION` can find them. This module maps PostgreSQL extension names to those modules
 * (imported lazily, only the ones a history needs) and finds the names a project needs: the
 * `CREATE EXTENSION` statements of its migration scripts and its datasource's `extensions`.
 */
import type { Extension } from '@electric-sql/pglite';
import { splitStatements } from './sql-statements.js';
import type { Schema, Value } from '../schema/model.js';
import { getProperty } from '../schema/query.js';

type ExtensionLoader = () => Promise<Extension>;

/**
 * Every extension PGlite 0.4 can load, by the name `CREATE EXTENSION` takes. Static import
 * paths (not a template) so bundlers and `tsc` see each one.
 */
const LOADERS: Readonly<Record<string, ExtensionLoader>> = {
  amcheck: async () => (await import('@electric-sql/pglite/contrib/amcheck')).amcheck,
  bloom: async () => (await import('@electric-sql/pglite/contrib/bloom')).bloom,
  btree_gin: async () => (await import('@electric-sql/pglite/contrib/btree_gin')).btree_gin,
  btree_gist: async () => (await import('@electric-sql/pglite/contrib/btree_gist')).btree_gist,
  citext: async () => (await import('@electric-sql/pglite/contrib/citext')).citext,
  cube: async () => (await import('@electric-sql/pglite/contrib/cube')).cube,
  dict_int: async () => (await import('@electric-sql/pglite/contrib/dict_int')).dict_int,
  dict_xsyn: async () => (await import('@electric-sql/pglite/contrib/dict_xsyn')).dict_xsyn,
  earthdistance: async () => (await import('@electric-sql/pglite/contrib/earthdistance')).earthdistance,
  fuzzystrmatch: async () => (await import('@electric-sql/pglite/contrib/fuzzystrmatch')).fuzzystrmatch,
  hstore: async () => (await import('@electric-sql/pglite/contrib/hstore')).hstore,
  intarray: async () => (await import('@electric-sql/pglite/contrib/intarray')).intarray,
  isn: async () => (await import('@electric-sql/pglite/contrib/isn')).isn,
  lo: async () => (await import('@electric-sql/pglite/contrib/lo')).lo,
  ltree: async () => (await import('@electric-sql/pglite/contrib/ltree')).ltree,
  pg_trgm: async () => (await import('@electric-sql/pglite/contrib/pg_trgm')).pg_trgm,
  pgcrypto: async () => (await import('@electric-sql/pglite/contrib/pgcrypto')).pgcrypto,
  seg: async () => (await import('@electric-sql/pglite/contrib/seg')).seg,
  tablefunc: async () => (await import('@electric-sql/pglite/contrib/tablefunc')).tablefunc,
  tcn: async () => (await import('@electric-sql/pglite/contrib/tcn')).tcn,
  tsm_system_rows: async () => (await import('@electric-sql/pglite/contrib/tsm_system_rows')).tsm_system_rows,
  tsm_system_time: async () => (await import('@electric-sql/pglite/contrib/tsm_system_time')).tsm_system_time,
  unaccent: async () => (await import('@electric-sql/pglite/contrib/unaccent')).unaccent,
  'uuid-ossp': async () => (await import('@electric-sql/pglite/contrib/uuid_ossp')).uuid_ossp,
  vector: async () => (await import('@electric-sql/pglite/vector')).vector,
  pg_uuidv7: async () => (await import('@electric-sql/pglite/pg_uuidv7')).pg_uuidv7,
  pg_hashids: async () => (await import('@electric-sql/pglite/pg_hashids')).pg_hashids,
  pg_ivm: async () => (await import('@electric-sql/pglite/pg_ivm')).pg_ivm,
};

/** Compiled into PGlite itself: nothing to load. */
const BUILT_IN = new Set(['plpgsql']);

/** What `CREATE EXTENSION ... CASCADE` also installs. */
const REQUIRES: Readonly<Record<string, readonly string[]>> = { earthdistance: ['cube'] };

/** Whether PGlite can provide `name` (loaded or built in). */
export function isPgliteExtension(name: string): boolean {
  return BUILT_IN.has(name) || Object.hasOwn(LOADERS, name);
}

/** An extension a project needs, and where it asks for it (for findings). */
export interface ExtensionRequest {
  name: string;
  /** A migration directory name, or the schema file of a datasource's `extensions`. */
  origin: { migration: string; line: number } | { schemaFile: string; line: number };
}

/** The PGlite `extensions` option for these names; names PGlite lacks are ignored (see `missingPgliteExtensions`). */
export async function pgliteExtensions(names: Iterable<string>): Promise<Record<string, Extension>> {
  const wanted = new Set<string>();
  for (const name of names) for (const needed of [name, ...(REQUIRES[name] ?? [])]) wanted.add(needed);
  const entries = await Promise.all(
    [...wanted]
      .filter((name) => Object.hasOwn(LOADERS, name))
      .sort()
      .map(async (name) => [name, await LOADERS[name]()] as const),
  );
  return Object.fromEntries(entries);
}

/** The requests PGlite cannot serve, one per extension name (its first request). */
export function missingPgliteExtensions(requests: readonly ExtensionRequest[]): ExtensionRequest[] {
  const seen = new Set<string>();
  return requests.filter((request) => {
    if (isPgliteExtension(request.name) || seen.has(request.name)) return false;
    seen.add(request.name);
    return true;
  });
}

/** Sorted, distinct extension names: the key part of cached states that depend on them. */
export function extensionNames(requests: readonly ExtensionRequest[]): string[] {
  return [...new Set(requests.map((request) => request.name))].sort();
}

/**
 * `CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s] [VERSION v] [CASCADE]` in a
 * migration script. Comments are skipped and string literals blanked first, so neither a
 * commented-out statement nor a string that mentions one counts; the name may be quoted
 * (`"uuid-ossp"`, case kept) or bare (folded to lower case, as PostgreSQL does).
 */
export function extensionsInScript(script: string, migration: string): ExtensionRequest[] {
  const requests: ExtensionRequest[] = [];
  for (const statement of splitStatements(script)) {
    const text = statement.text.replace(/'(?:[^']|'')*'/g, "''");
    const pattern = /\bCREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)/gi;
    for (const match of text.matchAll(pattern)) {
      requests.push({ name: identifierName(match[1]), origin: { migration, line: statement.line } });
    }
  }
  return requests;
}

export function extensionsInHistory(scripts: readonly { name: string; script: string }[]): ExtensionRequest[] {
  return scripts.flatMap((migration) => extensionsInScript(migration.script, migration.name));
}

/**
 * The datasource's `extensions = [citext, uuidOssp(map: "uuid-ossp"), pgvector(map: "vector", schema: "x")]`
 * (the `postgresqlExtensions` preview feature): the database name is `map` when given, else the identifier.
 */
export function extensionsInSchema(schema: Schema): ExtensionRequest[] {
  const requests: ExtensionRequest[] = [];
  for (const datasource of schema.datasources) {
    const value = getProperty(datasource, 'extensions');
    if (value?.kind !== 'array') continue;
    for (const item of value.items) {
      const name = declaredName(item);
      if (name !== undefined) requests.push({ name, origin: { schemaFile: item.span.file, line: item.span.line } });
    }
  }
  return requests;
}

function declaredName(item: Value): string | undefined {
  if (item.kind === 'constant') return item.name;
  if (item.kind === 'function') {
    const mapped = item.args.find((arg) => arg.name === 'map')?.value;
    return mapped?.kind === 'string' ? mapped.value : item.name;
  }
  return undefined;
}

function identifierName(token: string): string {
  return token.startsWith('"') ? token.slice(1, -1).replace(/""/g, '"') : token.toLowerCase();
}

/** Database types (Unsupported("..."), @db.*) that exist only with an extension. */
const TYPE_EXTENSIONS: readonly [RegExp, string][] = [
  [/^(vector|halfvec|sparsevec)\b/i, 'vector'],
  [/^citext\b/i, 'citext'],
  [/^hstore\b/i, 'hstore'],
  [/^(ltree|lquery|ltxtquery)\b/i, 'ltree'],
  [/^cube\b/i, 'cube'],
  [/^seg\b/i, 'seg'],
];

/** Functions in `dbgenerated(...)` and operator classes in `ops: raw(...)` that come from an extension. */
const TEXT_EXTENSIONS: readonly [RegExp, string][] = [
  [/\buuid_generate_v[1345]/i, 'uuid-ossp'],
  [/\b(gen_random_bytes|crypt|gen_salt|digest|hmac)\s*\(/i, 'pgcrypto'],
  [/\b(gin|gist)_trgm_ops\b/i, 'pg_trgm'],
  [/\bgin_hstore_ops\b/i, 'hstore'],
  [/\bvector_(l2|ip|cosine)_ops\b/i, 'vector'],
  [/\buuid_generate_v7\s*\(/i, 'pg_uuidv7'],
];

/**
 * Extensions a schema uses without declaring them (no `postgresqlExtensions`): `@db.Citext`,
 * `Unsupported("vector(1536)")`, `dbgenerated("uuid_generate_v4()")`, `ops: raw("gin_trgm_ops")`.
 * The engine's creation script for such a schema fails on an empty database unless they are
 * created first, as the history did by hand.
 */
export function extensionsImpliedBySchema(schema: Schema): ExtensionRequest[] {
  const requests: ExtensionRequest[] = [];
  const add = (name: string | undefined, span: { file: string; line: number }) => {
    if (name !== undefined) requests.push({ name, origin: { schemaFile: span.file, line: span.line } });
  };
  const textOf = (span: { file: string; start: number; end: number }) =>
    schema.files.find((file) => file.path === span.file)?.text.slice(span.start, span.end) ?? '';
  const byText = (text: string) => TEXT_EXTENSIONS.find(([pattern]) => pattern.test(text))?.[1];
  for (const model of [...schema.models, ...schema.views]) {
    for (const field of model.fields) {
      if (field.type.unsupported !== undefined) add(TYPE_EXTENSIONS.find(([pattern]) => pattern.test(field.type.unsupported!))?.[1], field.type.span);
      for (const attribute of field.attributes) {
        if (attribute.name.startsWith('db.')) add(TYPE_EXTENSIONS.find(([pattern]) => pattern.test(attribute.name.slice(3)))?.[1], attribute.span);
        else if (attribute.name === 'default') add(byText(textOf(attribute.span)), attribute.span);
      }
    }
    for (const attribute of model.attributes) {
      if (attribute.name === 'index' || attribute.name === 'unique' || attribute.name === 'id') add(byText(textOf(attribute.span)), attribute.span);
    }
  }
  return requests;
}
