/**
 * Known causes of a scratch database that cannot be prepared, named for the user: the
 * engine's raw error says what broke, these say why and what to do. A closed list, matched
 * on the database's own error text.
 */
import type { Schema } from '../schema/model.js';
import { getAttribute } from '../schema/query.js';

export interface SetupHintInput {
  provider: string;
  /** True when the tests ran on PGlite rather than a PostgreSQL server. */
  pglite: boolean;
  message: string;
  schema: Schema;
}

/** The engine appends a Rust span trace (`0: sql_schema_connector::...`) that means nothing to users. */
export function withoutEngineTrace(message: string): string {
  return message.replace(/\s+0: [a-z_]+::[\s\S]*$/, '').trim();
}

export function setupHint(input: SetupHintInput): string | undefined {
  const { message, schema } = input;
  if (input.provider === 'sqlite' && /unrecognized token: "[{[]"/.test(message)) {
    const fields = schema.models.flatMap((m) =>
      m.fields
        .filter((f) => f.type.name === 'Json')
        .filter((f) => {
          const value = getAttribute(f, 'default')?.args[0]?.value;
          return value?.kind === 'string' && /^\s*[{[]/.test(value.value);
        })
        .map((f) => `${m.name}.${f.name}`),
    );
    return `Prisma's SQLite migration SQL writes a Json @default("{...}") without quotes, which SQLite rejects${fields.length ? ` (${fields.slice(0, 6).join(', ')}${fields.length > 6 ? ', ...' : ''})` : ''}; override the default for this environment (/// @steward.override(<env>) Json) or drop it there`;
  }
  const extension = /extension "([^"]+)" is not available/.exec(message)?.[1];
  if (extension && input.pglite) return `PGlite does not ship the ${extension} extension: run with --url against a PostgreSQL server that has it`;
  const opclass = /operator class "([^"]+)" does not exist/.exec(message)?.[1];
  if (opclass) {
    return `the index operator class ${opclass} comes from a PostgreSQL extension${opclass.includes('trgm') ? ' (pg_trgm)' : ''} that the schema does not create; declare it (previewFeatures ["postgresqlExtensions"], extensions = [...]) or create it in a migration${input.pglite ? ', and use --url: PGlite does not load it' : ''}`;
  }
  const type = /type "([^"]+)" does not exist/.exec(message)?.[1];
  if (type)
    return `the column type ${type} comes from a PostgreSQL extension that is not created on the scratch database${input.pglite ? ' (PGlite loads no extensions; use --url with a server that has it)' : ''}`;
  return undefined;
}
