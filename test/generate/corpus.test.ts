import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeProvider } from '../../src/generate/capabilities.js';
import { transformForEnvironment } from '../../src/generate/transform.js';
import { knownPreviewFeatures, prismaValidate } from '../../src/prisma/schema-wasm.js';
import { parseSchema } from '../../src/schema/parse.js';
import { datasourceProvider } from '../../src/schema/query.js';
import { corpusDir, corpusEntries } from '../helpers/corpus.js';

// Done-when: for every PostgreSQL and CockroachDB schema of the corpus, the generated SQLite
// environment passes Prisma's validator (steward names what it could not convert as changes).
describe('corpus: PostgreSQL and CockroachDB masters generate valid SQLite schemas', { skip: corpusDir() ? false : 'no ../shared/corpus' }, () => {
  const known = new Set(knownPreviewFeatures());
  const entries = corpusEntries()
    .map((e) => ({ ...e, schema: parseSchema(e.files) }))
    .filter((e) => ['postgresql', 'cockroachdb'].includes(normalizeProvider(datasourceProvider(e.schema)) ?? ''));

  it('finds PostgreSQL and CockroachDB schemas in the corpus', () => {
    assert.ok(entries.length >= 15, `only ${entries.length} found`);
  });

  for (const entry of entries) {
    it(entry.name, () => {
      for (const prismaMajor of [7, 6] as const) {
        const result = transformForEnvironment(entry.schema, {
          name: 'dev',
          provider: 'sqlite',
          prismaMajor,
          urlEnv: 'DATABASE_URL',
          knownPreviewFeatures: prismaMajor === 7 ? known : undefined,
        });
        const text = result.files.map((f) => f.text).join('\n');
        const errors = prismaValidate([{ path: `${entry.name}.dev.prisma`, text }], {
          allowDatasourceUrls: prismaMajor === 6,
          lenientPreviewFeatures: prismaMajor === 6,
        }).filter((d) => d.severity === 'error');
        assert.deepEqual(
          errors.map((e) => `${e.location?.line}: ${e.message}`),
          [],
          `Prisma ${prismaMajor}`,
        );
        for (const change of result.changes) {
          assert.ok(change.message.length > 0 && change.location.line > 0, 'every change is described and located');
        }
      }
    });
  }
});
