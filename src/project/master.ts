import { relative } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { StewardError } from '../errors/index.js';
import type { PrismaMajor } from '../prisma/major.js';
import { prismaValidate } from '../prisma/schema-wasm.js';
import { readSchemaFiles } from '../schema/load.js';
import type { Schema, SourceFile } from '../schema/model.js';
import { parseSchema } from '../schema/parse.js';

export interface LoadedMaster {
  schema: Schema;
  /** Path of the master as shown to users (relative to cwd). */
  shownPath: string;
  /** Prisma's warnings about the master (errors throw). */
  warnings: Diagnostic[];
}

/** What loading the master needs from the configuration; prismaMajor picks Prisma's validator (default 7). */
export type MasterConfig = Pick<ResolvedConfig, 'master' | 'cwd'> & { prismaMajor?: PrismaMajor };

/**
 * Reads and parses the master, and checks it with the validator of the project's Prisma major
 * (datasource URLs of the other style and unknown preview features accepted, as warnings). A
 * malformed master throws SCHEMA_SYNTAX / SCHEMA_INVALID with file:line:col, so commands stop
 * before writing anything.
 */
export function loadMaster(config: MasterConfig, options: { validate?: boolean } = {}): LoadedMaster {
  const files = readSchemaFiles(config.master, config.cwd);
  const schema = parsedOnce(files);
  const shownPath = relative(config.cwd, config.master) || config.master;
  if (schema.blocks.length === 0) {
    // Prisma accepts an empty schema, and every environment would be generated empty from it.
    throw new StewardError('SCHEMA_INVALID', 'The master schema is empty: no datasource, model or enum', {
      location: { file: files[0].path, line: 1, column: 1 },
      hint: 'point `master` in the configuration at your schema.prisma, or run `steward init`',
    });
  }
  const warnings = options.validate === false ? [] : validateMasterFiles(files, config.prismaMajor);
  return { schema, shownPath, warnings };
}

/**
 * Prisma's verdict on the master's files: throws SCHEMA_INVALID (exit 2) with every error located,
 * returns the warnings. The verdict is kept while the files are identical (`check` asks often).
 */
export function validateMasterFiles(files: SourceFile[], major: PrismaMajor = 7): Diagnostic[] {
  const key = `${major}\0${files.map((f) => `${f.path}\0${f.text}`).join('\0\0')}`;
  const diagnostics =
    lastVerdict?.key === key ? lastVerdict.diagnostics : prismaValidate(files, { major, allowDatasourceUrls: true, lenientPreviewFeatures: true });
  lastVerdict = { key, diagnostics };
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0].location!;
    throw new StewardError('SCHEMA_INVALID', `The master schema is not valid for Prisma ${major} (${errors.length} error${errors.length > 1 ? 's' : ''})`, {
      location: { file: first.file, line: first.line, column: first.column },
      details: errors.map((e) => `${e.location!.file}:${e.location!.line}:${e.location!.column} ${e.message}`),
    });
  }
  return diagnostics;
}

let lastVerdict: { key: string; diagnostics: Diagnostic[] } | undefined;

/**
 * `steward check` runs several capabilities over one master; each asks for it. The last parse is
 * kept and reused while the files read are identical (the model is never mutated).
 */
let lastParse: { key: string; schema: Schema } | undefined;

function parsedOnce(files: SourceFile[]): Schema {
  const key = files.map((f) => `${f.path}\0${f.text}`).join('\0\0');
  if (lastParse?.key === key) return lastParse.schema;
  const schema = parseSchema(files);
  lastParse = { key, schema };
  return schema;
}
