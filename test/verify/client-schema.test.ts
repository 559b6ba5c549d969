import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSchema } from '../../src/schema/parse.js';
import { clientGenerator, clientSchemaText } from '../../src/verify/client-schema.js';

const master = `generator client {
  provider        = "prisma-client-js"
  output          = "../src/generated/prisma"
  previewFeatures = ["fullTextSearchPostgres"]
}

datasource db {
  provider  = "postgresql"
  url       = env("DATABASE_URL")
  directUrl = env("DIRECT_URL")
}

model User {
  id Int @id
}
`;

describe('clientSchemaText', () => {
  it("replaces the user's generators with one ESM prisma-client generator into the scratch folder, keeping preview features", () => {
    const text = clientSchemaText(master, './client');
    const schema = parseSchema([{ path: 'schema.prisma', text }]);
    assert.equal(schema.generators.length, 1);
    assert.deepEqual(clientGenerator(schema), { provider: 'prisma-client', output: './client' });
    assert.match(text, /previewFeatures\s+= \["fullTextSearchPostgres"\]/);
    assert.match(text, /moduleFormat\s+= "esm"/);
  });

  it('drops Prisma 6 datasource URLs, which Prisma 7 refuses', () => {
    const schema = parseSchema([{ path: 'schema.prisma', text: clientSchemaText(master, './client') }]);
    assert.deepEqual(
      schema.datasources[0].properties.map((p) => p.key),
      ['provider'],
    );
    assert.equal(schema.models[0].name, 'User');
  });

  it('finds where the application imports its client from', () => {
    assert.deepEqual(clientGenerator(parseSchema([{ path: 's.prisma', text: master }])), { provider: 'prisma-client-js', output: '../src/generated/prisma' });
  });
});
