/**
 * A baseline computed on the offline adapter (no database) is the one a PGlite / SQLite scratch
 * gives, for the example's environments and every single-file PostgreSQL and SQLite corpus schema;
 * anything that needs a database is refused loudly.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseConnection } from '../../src/engine/connection.js';
import type { DatabaseProvider } from '../../src/providers/registry.js';
import { offlineAdapterFactory } from '../../src/engine/offline-adapter.js';
import { openScratchDatabase } from '../../src/engine/open-database.js';
import { diffTarget, SchemaEngineSession, type SchemaSource } from '../../src/engine/schema-engine.js';
import { migratableEnvironments } from '../../src/migrate/environment-schemas.js';
import { corpusEntries } from '../helpers/corpus.js';
import { exampleProject } from '../helpers/example-project.js';
import { PG_MASTER } from '../helpers/project.js';

async function outcome(engine: SchemaEngineSession, schema: SchemaSource): Promise<string> {
  try {
    return await engine.diffScript(diffTarget.empty(), diffTarget.schema(schema));
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

function providerOf(text: string): DatabaseProvider | undefined {
  const provider = /datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"(\w+)"/.exec(text)?.[1];
  return provider === 'postgresql' || provider === 'postgres' ? 'postgresql' : provider === 'sqlite' ? 'sqlite' : undefined;
}

describe('offline baseline', () => {
  const scratches: DatabaseConnection[] = [];
  const engines = new Map<DatabaseProvider, { offline: SchemaEngineSession; scratch: SchemaEngineSession }>();
  before(async () => {
    for (const provider of ['postgresql', 'sqlite'] as const) {
      const scratch = await openScratchDatabase(provider);
      scratches.push(scratch);
      engines.set(provider, {
        offline: await SchemaEngineSession.open(offlineAdapterFactory(provider)),
        scratch: await SchemaEngineSession.open(scratch.adapterFactory()),
      });
    }
  });
  after(async () => {
    for (const pair of engines.values()) await Promise.all([pair.offline.dispose(), pair.scratch.dispose()]);
    await Promise.all(scratches.map((scratch) => scratch.close()));
  });

  const same = async (provider: DatabaseProvider, schema: SchemaSource) => {
    const pair = engines.get(provider)!;
    const offline = await outcome(pair.offline, schema);
    assert.equal(offline, await outcome(pair.scratch, schema));
    return offline;
  };

  it("the example's environments and a PostgreSQL master: the same script as on a scratch database", async () => {
    const project = await exampleProject();
    try {
      for (const { provider, schema } of await migratableEnvironments(project.config)) assert.match(await same(provider, schema), /CREATE TABLE/);
    } finally {
      project.cleanup();
    }
    assert.match(await same('postgresql', { path: 'schema.prisma', content: PG_MASTER }), /CREATE TYPE "Role"/);
  });

  it('every single-file PostgreSQL and SQLite corpus schema: the same script or the same error', async (t) => {
    const entries = corpusEntries().filter((entry) => entry.files.length === 1 && providerOf(entry.files[0].text));
    if (entries.length === 0) return t.skip('no ../shared/corpus');
    for (const entry of entries) {
      const [file] = entry.files;
      await t.test(entry.name, async () => {
        assert.doesNotMatch(await same(providerOf(file.text)!, { path: file.path, content: file.text }), /^error:/);
      });
    }
  });

  it('refuses what needs a database, saying so', async () => {
    const offline = engines.get('postgresql')!.offline;
    const schema = { path: 'schema.prisma', content: PG_MASTER };
    await assert.rejects(offline.diffScript(diffTarget.database(schema), diffTarget.schema(schema)), /offline schema engine has no database/);
  });
});
