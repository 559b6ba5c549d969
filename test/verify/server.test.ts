import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SUPERUSER_PASSWORD, startPostgresServer } from '../helpers/postgres-server.js';
import { run, tempProject } from '../helpers/project.js';

const master = `datasource db {
  provider = "postgresql"
}

enum Kind {
  A
  B
}

model Owner {
  id    String  @id @default(uuid()) @db.Uuid
  email String  @unique @db.VarChar(40)
  kinds Kind[]
  pets  Pet[]
}

model Pet {
  id      BigInt  @id @default(autoincrement())
  ownerId String  @db.Uuid
  owner   Owner   @relation(fields: [ownerId], references: [id])
  price   Decimal @db.Decimal(6, 2)
}
`;

test('--url runs the postgresql environments on an empty server, drops what it created, never prints the password', async (t) => {
  const server = await startPostgresServer((message) => t.skip(message));
  if (!server) return;
  try {
    const url = await server.createDatabase('verify_test');
    const dir = tempProject({
      'prisma/schema.master.prisma': master,
      'steward.config.json': JSON.stringify({ master: 'prisma/schema.master.prisma', environments: { production: { provider: 'postgresql' } } }),
    });
    const result = await run(dir, 'verify', '--skip-typecheck', '--url', url);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^Owner\s+passed$/m);
    assert.match(result.stdout, /^Pet\s+passed$/m);
    assert.ok(!(result.stdout + result.stderr).includes(SUPERUSER_PASSWORD), 'the password is never printed');
    const left = await server.sql("select count(*)::int as n from information_schema.tables where table_schema = 'public'", 'verify_test');
    assert.equal(left.rows[0].n, 0, 'the tables steward created are dropped');

    await server.sql('create table keep_me (id int)', 'verify_test');
    const refused = await run(dir, 'verify', '--skip-typecheck', '--url', url);
    assert.equal(refused.code, 2, 'a database that is not empty is refused');
    assert.match(refused.stderr, /empty PostgreSQL database/);
  } finally {
    await server.stop();
  }
});
