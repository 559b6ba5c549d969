import { relative } from 'node:path';
import type { ResolvedConfig, ResolvedEnvironment } from '../config/types.js';
import { isDatabaseProvider, type DatabaseProvider } from '../providers/registry.js';
import type { SchemaSource } from '../engine/schema-engine.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { schemaForEngine } from '../engine/engine-schema.js';
import { StewardError } from '../errors/index.js';
import { generateProject } from '../project/environments.js';
import { loadMaster } from '../project/master.js';
import { readSchemaFiles } from '../schema/load.js';

/** An environment steward can migrate (the wasm engine speaks SQLite and PostgreSQL). */
export interface MigratableEnvironment {
  env: ResolvedEnvironment;
  provider: DatabaseProvider;
  /** The environment's schema as `steward generate` makes it now (not as it is on disk). */
  schema: SchemaSource;
  /** What steward's Prisma 7 engine is not given (Prisma 5/6 URLs, unknown preview features), as info. */
  engineNotes: Diagnostic[];
}

export function isMigratableProvider(provider: string): provider is DatabaseProvider {
  return isDatabaseProvider(provider);
}

/** Generates every (or one) environment in memory, without writing. */
export async function migratableEnvironments(config: ResolvedConfig, only?: string): Promise<MigratableEnvironment[]> {
  if (only !== undefined && !config.environments.some((env) => env.name === only)) {
    throw new StewardError('UNKNOWN_ENVIRONMENT', `No environment named '${only}'`, {
      hint: `Environments: ${config.environments.map((env) => env.name).join(', ')}`,
    });
  }
  const { schema: master, shownPath } = loadMaster(config, { validate: false });
  if (master.datasources.length === 0) {
    // Prisma's engine cannot plan, apply or compare a schema without one: a user's error, not steward's.
    throw new StewardError('SCHEMA_INVALID', 'The master schema has no datasource block: migrations, drift and verify need its provider', {
      location: { file: shownPath, line: 1, column: 1 },
      hint: 'add `datasource db {\n  provider = "postgresql"\n}` to the master (each environment gets its own provider from steward.config)',
    });
  }
  const report = await generateProject(config, { check: true, env: only });
  const result: MigratableEnvironment[] = [];
  for (const generated of report.environments) {
    const provider = generated.env.provider;
    if (!isMigratableProvider(provider)) {
      if (only !== undefined) throw new StewardError('USAGE', `Environment '${only}' uses ${provider}; steward migrates SQLite and PostgreSQL environments`);
      continue;
    }
    const schema = { path: relative(config.cwd, generated.schema.path) || generated.schema.path, content: generated.schema.text };
    const engineNotes = engineNotesOf(config, generated.env, schema);
    result.push({ env: generated.env, provider, schema, engineNotes });
  }
  return result;
}

/**
 * What the engine is not given, located where the user reads it. An environment whose schema is
 * the master is handed to the engine as the generated text (a header added, the files of a
 * multi-file master joined): its notes are taken from the master's own files instead, so
 * `schema.prisma:23:3` is the line of `url` in the file, not in the joined text.
 */
export function engineNotesOf(config: ResolvedConfig, env: ResolvedEnvironment, schema: SchemaSource): Diagnostic[] {
  const sources = env.isMaster ? readSchemaFiles(config.master, config.cwd).map((file) => ({ path: file.path, content: file.text })) : [schema];
  return sources.flatMap((source) => schemaForEngine(source).notes).map((note) => ({ ...note, env: env.name }));
}
