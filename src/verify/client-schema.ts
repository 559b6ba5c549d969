/**
 * The schema text steward hands to Prisma's generator: the environment's schema with its
 * generator blocks replaced by one `prisma-client` generator writing ESM TypeScript into a
 * scratch folder, and Prisma 6 datasource URLs and preview features Prisma 7 does not know
 * dropped (Prisma 7's generator refuses them).
 */
import type { TextEdit } from '../diagnostics/diagnostic.js';
import { schemaForEngine } from '../engine/engine-schema.js';
import { applyEdits } from '../schema/edits.js';
import type { Schema } from '../schema/model.js';
import { parseSchema } from '../schema/parse.js';
import { getProperty, stringValue } from '../schema/query.js';

/** Datasource keys that Prisma 7 moved to prisma.config.ts. */
const URL_KEYS = new Set(['url', 'directUrl', 'shadowDatabaseUrl']);

/** The marker steward's generator block carries; output is fixed by the caller. */
export const CLIENT_GENERATOR_NAME = 'steward_verify_client';

export function clientSchemaText(input: string, output: string): string {
  // Preview features Prisma 7 does not know (a Prisma 6 `metrics`) would stop its generator.
  const text = schemaForEngine({ path: 'schema.prisma', content: input }).schema.content;
  const schema = parseSchema([{ path: 'schema.prisma', text }]);
  const edits: Omit<TextEdit, 'file'>[] = [];
  for (const generator of schema.generators) edits.push({ start: generator.lineSpan.start, end: generator.lineSpan.end, text: '' });
  for (const datasource of schema.datasources) {
    for (const property of datasource.properties) {
      if (URL_KEYS.has(property.key)) edits.push({ start: property.lineSpan.start, end: property.lineSpan.end, text: '' });
    }
  }
  const generator = [
    `generator ${CLIENT_GENERATOR_NAME} {`,
    '  provider               = "prisma-client"',
    `  output                 = ${JSON.stringify(output)}`,
    '  moduleFormat           = "esm"',
    '  importFileExtension    = "js"',
    '  generatedFileExtension = "ts"',
    ...previewFeatures(schema),
    '}',
    '',
  ].join('\n');
  return `${generator}\n${applyEdits(text, edits)}`;
}

/** The user's preview features still shape the client's types (fullTextSearch, views...). */
function previewFeatures(schema: Schema): string[] {
  const features = new Set<string>();
  for (const generator of schema.generators) {
    const value = getProperty(generator, 'previewFeatures');
    if (value?.kind !== 'array') continue;
    for (const item of value.items) {
      const feature = stringValue(item);
      if (feature) features.add(feature);
    }
  }
  return features.size === 0 ? [] : [`  previewFeatures        = ${JSON.stringify([...features])}`];
}

/**
 * Where the application imports its generated client from: the output of the first
 * `prisma-client` / `prisma-client-js` generator, relative to the schema file's folder.
 * Undefined output means `prisma-client-js`'s default (`@prisma/client`).
 */
export interface ClientGeneratorInfo {
  provider: string;
  /** As written in the schema (relative to the schema's folder), when given. */
  output?: string;
}

export function clientGenerator(schema: Schema): ClientGeneratorInfo | undefined {
  for (const generator of schema.generators) {
    const provider = stringValue(getProperty(generator, 'provider'));
    if (provider !== 'prisma-client' && provider !== 'prisma-client-js') continue;
    return { provider, output: stringValue(getProperty(generator, 'output')) };
  }
  return undefined;
}
