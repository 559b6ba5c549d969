import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PROVIDERS } from '../../src/providers/provider.js';
import { PROVIDER_ADAPTERS, findProvider, isDatabaseProvider, normalizeProvider, providerAdapter } from '../../src/providers/registry.js';
import { providerSupports } from '../../src/audit/provider-features.js';
import { DatabaseUrlError } from '../../src/engine/database-url.js';
import { describeLocation, parseDatabaseUrl } from '../../src/providers/location.js';

describe('provider registry', () => {
  it('has one adapter per provider, under its own id, with its own capabilities', () => {
    assert.deepEqual(
      PROVIDER_ADAPTERS.map((a) => a.id),
      [...PROVIDERS],
    );
    for (const id of PROVIDERS) {
      assert.equal(providerAdapter(id).id, id);
      assert.equal(providerAdapter(id).capabilities.provider, id);
    }
  });

  it('finds a datasource provider by name or alias, and nothing for an unknown name', () => {
    assert.equal(findProvider('postgres')?.id, 'postgresql');
    assert.equal(findProvider('mongodb')?.id, 'mongodb');
    assert.equal(findProvider('oracle'), undefined);
    assert.equal(findProvider(undefined), undefined);
    assert.equal(normalizeProvider('postgres'), 'postgresql');
    assert.equal(normalizeProvider('oracle'), 'oracle');
  });

  it('connects to exactly the providers with engine support (the wasm engine speaks SQLite and PostgreSQL)', () => {
    assert.deepEqual(
      PROVIDERS.filter((p) => isDatabaseProvider(p)),
      ['postgresql', 'sqlite'],
    );
    assert.equal(isDatabaseProvider('postgres'), false, 'an alias is not a provider id');
    assert.equal(isDatabaseProvider('toString'), false);
  });

  it('answers the audit from each adapter: insensitive mode and skipDuplicates per connector', () => {
    const table = Object.fromEntries(
      PROVIDERS.map((p) => [p, [providerSupports(p, 'insensitive-mode'), providerSupports(p, 'skip-duplicates'), providerSupports(p, 'scalar-list-filter')]]),
    );
    assert.deepEqual(table, {
      postgresql: [true, true, true],
      cockroachdb: [true, true, true],
      sqlite: [false, false, false],
      mysql: [false, true, false],
      sqlserver: [false, false, false],
      mongodb: [true, false, true],
    });
  });
});

describe('database URLs through the adapters', () => {
  it('names every URL form of the providers steward connects to when none matches, without the password', () => {
    assert.throws(
      () => parseDatabaseUrl('mysql://root:hunter2@h/db'),
      (error: unknown) => {
        assert.ok(error instanceof DatabaseUrlError);
        assert.doesNotMatch(error.message, /hunter2/);
        for (const form of PROVIDER_ADAPTERS.flatMap((a) => a.engine?.urlForms ?? [])) assert.ok(error.message.includes(form), form);
        return true;
      },
    );
  });

  it('describes a location by its own adapter', () => {
    assert.equal(describeLocation(parseDatabaseUrl('postgresql://u:secret@h/db')), 'postgresql://u:***@h/db');
    assert.equal(describeLocation(parseDatabaseUrl('pglite:memory')), 'pglite:memory');
    assert.equal(describeLocation(parseDatabaseUrl('file:/tmp/x.db')), 'file:/tmp/x.db');
  });
});
