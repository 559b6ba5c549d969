import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSchema } from '../../src/schema/parse.js';
import { planCrud } from '../../src/verify/crud-plan.js';

const plan = (text: string) => planCrud(parseSchema([{ path: 'schema.prisma', text: `datasource db {\n  provider = "postgresql"\n}\n${text}` }]));

describe('planCrud', () => {
  it('creates parents before children, whatever the declaration order', () => {
    const result = plan(`
model Comment {
  id     Int  @id @default(autoincrement())
  postId Int
  post   Post @relation(fields: [postId], references: [id])
}
model Post {
  id       Int    @id @default(autoincrement())
  authorId String
  author   User   @relation(fields: [authorId], references: [email])
  comments Comment[]
}
model User {
  email String @id
  posts Post[]
}`);
    assert.deepEqual(
      result.models.map((m) => m.model),
      ['User', 'Post', 'Comment'],
    );
    const post = result.models[1];
    assert.deepEqual(
      post.parents.map((p) => [p.parent, p.fields, p.references, p.required]),
      [['User', ['authorId'], ['email'], true]],
    );
    assert.equal(post.data.authorId, undefined, 'foreign keys come from the parent row, not synthesized');
    assert.equal(post.delegate, 'post');
  });

  it('treats a relation as required when its foreign key is required, even if the relation field is optional', () => {
    const result = plan(`
model TeamProfile {
  id     String @id @default(cuid())
  teamId Int    @unique
  team   Team?  @relation(fields: [teamId], references: [id])
}
model Team {
  id      Int          @id @default(autoincrement())
  profile TeamProfile?
}`);
    assert.deepEqual(
      result.models.map((m) => m.model),
      ['Team', 'TeamProfile'],
    );
    assert.equal(result.models[1].parents[0].required, true);
  });

  it('links optional relations only to parents created earlier, and skips cycles of required relations', () => {
    const result = plan(`
model A {
  id  Int @id
  bId Int
  b   B   @relation(fields: [bId], references: [id])
}
model B {
  id  Int @id
  aId Int
  a   A   @relation("ba", fields: [aId], references: [id])
  as  A[]
}
model Tree {
  id       Int    @id
  parentId Int?
  parent   Tree?  @relation("tree", fields: [parentId], references: [id])
  children Tree[] @relation("tree")
}`);
    assert.deepEqual(
      result.models.map((m) => m.model),
      ['Tree'],
    );
    assert.deepEqual(result.models[0].parents, [], 'an optional self relation has no earlier parent');
    assert.deepEqual(result.skipped.map((s) => s.model).sort(), ['A', 'B']);
    assert.match(result.skipped[0].reason, /cycle/);
  });

  it('reads back by id and by every unique, compound ones by their where-input name', () => {
    const result = plan(`
model Member {
  orgId  Int
  userId Int
  email  String @unique
  slug   String
  role   String

  @@id([orgId, userId])
  @@unique([orgId, slug], name: "orgSlug")
}`);
    const member = result.models[0];
    assert.deepEqual(member.id, { fields: ['orgId', 'userId'], compoundName: 'orgId_userId', label: '@@id(orgId, userId)' });
    assert.deepEqual(
      member.uniques.map((u) => u.compoundName ?? u.fields[0]),
      ['email', 'orgSlug'],
    );
    assert.equal(member.update?.field, 'role', 'a non-unique, non-key scalar is updated');
  });

  it('synthesizes values within native types, for enums, lists, Json, Decimal, BigInt and Bytes', () => {
    const result = plan(`
enum Plan {
  FREE
  PRO
}
model Row {
  id       String   @id @db.Uuid
  currency String   @db.VarChar(3)
  code     String   @unique @db.Char(2)
  price    Decimal  @db.Decimal(4, 2)
  big      BigInt
  blob     Bytes
  meta     Json
  plan     Plan
  plans    Plan[]
  tags     String[]
  at       DateTime @db.Date
  note     String?
  created  DateTime @default(now())
  legacy   Unsupported("tsvector")?
}`);
    const data = result.models[0].data;
    assert.match(String(data.id), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.ok(String(data.currency).length <= 3);
    assert.equal(String(data.code).length, 2);
    assert.match(String(data.price), /^\d{1,2}(\.\d{1,2})?$/);
    assert.equal(typeof data.big, 'bigint');
    assert.ok(data.blob instanceof Uint8Array);
    assert.deepEqual(Object.keys(data.meta as object), ['steward']);
    assert.ok(['FREE', 'PRO'].includes(String(data.plan)));
    assert.ok(Array.isArray(data.plans) && Array.isArray(data.tags));
    assert.ok(data.at instanceof Date);
    assert.ok('note' in data, 'optional scalars are written too');
    assert.ok(!('created' in data) && !('legacy' in data), 'defaulted and Unsupported fields are left to the database');
  });

  it('skips models Prisma Client cannot create, with the reason', () => {
    const result = plan(`
model Doc {
  id     Int                      @id
  vector Unsupported("tsvector")
}
model Hidden {
  id Int @id
  @@ignore
}`);
    assert.deepEqual(result.models, []);
    assert.deepEqual(
      result.skipped.map((s) => s.model),
      ['Doc'],
    );
    assert.match(result.skipped[0].reason, /Unsupported/);
  });
});
