import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StewardError } from '../../src/errors/index.js';
import { validateAnnotations } from '../../src/generate/annotations.js';
import { type EnvironmentTarget, transformForEnvironment } from '../../src/generate/transform.js';
import { prismaFormat, prismaValidate } from '../../src/prisma/schema-wasm.js';
import { parseSchema } from '../../src/schema/parse.js';
import { PG_MASTER } from '../helpers/project.js';

const dev: EnvironmentTarget = { name: 'dev', provider: 'sqlite', prismaMajor: 7, urlEnv: 'DATABASE_URL' };
const production: EnvironmentTarget = { name: 'production', provider: 'postgresql', prismaMajor: 7, urlEnv: 'DATABASE_URL' };

function transform(text: string, target: EnvironmentTarget) {
  const result = transformForEnvironment(parseSchema({ path: 'schema.master.prisma', text }), target);
  return { text: result.files[0].text, changes: result.changes };
}

/** Wraps model/enum text in a PostgreSQL datasource. */
function master(body: string): string {
  return `datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\n${body}`;
}

/** Table of conversions: master snippet, expected text in the dev schema, absent text, change code. */
const CASES: { name: string; body: string; has: string[]; hasNot: string[]; code: string }[] = [
  {
    name: 'scalar list to Json with a JSON default',
    body: 'model A {\n  id Int @id\n  tags String[] @default(["a", "b"])\n}\n',
    has: ['tags Json @default("[\\"a\\",\\"b\\"]")'],
    hasNot: ['String[]'],
    code: 'list-to-json',
  },
  {
    name: 'enum list to Json',
    body: 'enum R {\n  X\n  Y\n}\n\nmodel A {\n  id Int @id\n  roles R[] @default([X])\n}\n',
    has: ['roles Json @default("[\\"X\\"]")'],
    hasNot: ['R[]'],
    code: 'list-to-json',
  },
  {
    name: 'native type removed and its constraint named',
    body: 'model A {\n  id Int @id\n  code String @db.VarChar(3)\n}\n',
    has: ['code String\n'],
    hasNot: ['@db.'],
    code: 'native-type-removed',
  },
  {
    name: 'lossless native type reported as equivalent',
    body: 'model A {\n  id Int @id\n  body String @db.Text\n}\n',
    has: ['body String\n'],
    hasNot: ['@db.Text'],
    code: 'native-type-equivalent',
  },
  {
    name: 'gen_random_uuid() becomes uuid()',
    body: 'model A {\n  id String @id @default(dbgenerated("gen_random_uuid()")) @db.Uuid\n}\n',
    has: ['@default(uuid())'],
    hasNot: ['dbgenerated'],
    code: 'default-mapped',
  },
  {
    name: 'now() SQL becomes now()',
    body: 'model A {\n  id Int @id\n  at DateTime @default(dbgenerated("CURRENT_TIMESTAMP"))\n}\n',
    has: ['@default(now())'],
    hasNot: ['dbgenerated'],
    code: 'default-mapped',
  },
  {
    name: 'other SQL defaults removed',
    body: 'model A {\n  id Int @id\n  n Int @default(dbgenerated("nextval(\'s\')"))\n}\n',
    has: ['n Int\n'],
    hasNot: ['dbgenerated'],
    code: 'default-removed',
  },
  {
    name: 'GIN index type removed',
    body: 'model A {\n  id Int @id\n  j Json\n\n  @@index([j], type: Gin)\n}\n',
    has: ['@@index([j])'],
    hasNot: ['Gin'],
    code: 'index-argument-removed',
  },
  {
    name: 'operator class removed from index fields',
    body: 'model A {\n  id Int @id\n  j Json\n\n  @@index([j(ops: JsonbPathOps)], type: Gin)\n}\n',
    has: ['@@index([j])'],
    hasNot: ['ops'],
    code: 'index-argument-removed',
  },
  {
    name: 'foreign key name removed',
    body: 'model A {\n  id Int @id\n  b B[]\n}\n\nmodel B {\n  id Int @id\n  aId Int\n  a A @relation(fields: [aId], references: [id], map: "b_a_fk")\n\n  @@index([aId])\n}\n',
    has: ['@relation(fields: [aId], references: [id])'],
    hasNot: ['b_a_fk'],
    code: 'constraint-name-removed',
  },
  {
    name: 'primary key name removed',
    body: 'model A {\n  x Int\n  y Int\n\n  @@id([x, y], map: "a_pk")\n}\n',
    has: ['@@id([x, y])'],
    hasNot: ['a_pk'],
    code: 'constraint-name-removed',
  },
  {
    name: 'Unsupported field and its index removed',
    body: 'model A {\n  id Int @id\n  v Unsupported("tsvector")?\n\n  @@index([v], type: Gin)\n}\n',
    has: ['id Int @id'],
    hasNot: ['tsvector', '@@index'],
    code: 'unsupported-field-removed',
  },
  {
    name: 'autoincrement() on a non-id field removed',
    body: 'model A {\n  id String @id\n  n Int @unique @default(autoincrement())\n}\n',
    has: ['n Int @unique'],
    hasNot: ['autoincrement'],
    code: 'default-removed',
  },
  {
    name: '@@schema removed',
    body: 'model A {\n  id Int @id\n\n  @@schema("auth")\n}\n',
    has: ['id Int @id'],
    hasNot: ['@@schema'],
    code: 'schema-attribute-removed',
  },
];

describe('transformForEnvironment: PostgreSQL master to SQLite', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { text, changes } = transform(master(c.body), dev);
      const formatted = prismaFormat(text).replace(/ +/g, ' ');
      for (const h of c.has) assert.ok(formatted.includes(h.replace(/ +/g, ' ')), `expected ${JSON.stringify(h)} in\n${formatted}`);
      for (const h of c.hasNot) assert.ok(!formatted.includes(h), `did not expect ${JSON.stringify(h)} in\n${formatted}`);
      assert.ok(
        changes.some((ch) => ch.code === c.code),
        `expected change ${c.code}, got ${changes.map((ch) => ch.code).join(', ')}`,
      );
      assert.deepEqual(
        prismaValidate([{ path: 'dev.prisma', text }]).filter((d) => d.severity === 'error'),
        [],
      );
      for (const ch of changes) assert.equal(ch.env, 'dev');
    });
  }

  it('reports changes at the master location', () => {
    const text = master('model A {\n  id Int @id\n  code String @db.VarChar(3)\n}\n');
    const { changes } = transform(text, dev);
    const change = changes.find((c) => c.code === 'native-type-removed')!;
    assert.equal(change.location.line, 8);
    assert.equal(change.model, 'A');
    assert.equal(change.field, 'code');
    assert.match(change.message, /length limit \(3 characters\)/);
  });

  it('names the type impact of a list becoming Json', () => {
    const { changes } = transform(master('model A {\n  id Int @id\n  tags String[]\n}\n'), dev);
    assert.match(changes.find((c) => c.code === 'list-to-json')!.typeImpact!, /string\[\] becomes Prisma.JsonValue/);
  });

  it('moves the URL out of the schema for Prisma 7 and keeps it for Prisma 6', () => {
    const seven = transform(master('model A {\n  id Int @id\n}\n'), dev).text;
    assert.ok(!/url\s*=/.test(seven));
    const six = transform(master('model A {\n  id Int @id\n}\n'), { ...dev, prismaMajor: 6, urlEnv: 'DEV_DATABASE_URL' }).text;
    assert.match(six, /url\s*=\s*env\("DEV_DATABASE_URL"\)/);
  });

  it('removes extensions and unknown preview features', () => {
    const text = `generator client {\n  provider        = "prisma-client-js"\n  previewFeatures = ["postgresqlExtensions", "views", "oldFeature"]\n}\n\ndatasource db {\n  provider   = "postgresql"\n  extensions = [pgcrypto]\n}\n\nmodel A {\n  id Int @id\n}\n`;
    const { text: out, changes } = transform(text, { ...dev, knownPreviewFeatures: new Set(['views', 'postgresqlExtensions']) });
    assert.match(out, /previewFeatures = \["views"\]/);
    assert.ok(!out.includes('extensions'));
    assert.equal(changes.filter((c) => c.code === 'preview-feature-removed').length, 2);
    assert.ok(changes.some((c) => c.code === 'datasource-property-removed'));
  });

  it('leaves a production environment equal to the master but for the URL', () => {
    const { text, changes } = transform(PG_MASTER, production);
    assert.equal(text, PG_MASTER.replace('  url      = env("DATABASE_URL")\n', ''));
    assert.deepEqual(
      changes.map((c) => c.code),
      ['datasource-url-moved'],
    );
  });

  it('adapts autoincrement() on Int ids to sequence() on CockroachDB and maps native types', () => {
    const { text } = transform(master('model A {\n  id Int @id @default(autoincrement())\n  name String @db.VarChar(20)\n}\n'), {
      ...dev,
      name: 'crdb',
      provider: 'cockroachdb',
    });
    assert.match(text, /@default\(sequence\(\)\)/);
    assert.match(text, /@db\.String\(20\)/);
    assert.deepEqual(
      prismaValidate([{ path: 'c.prisma', text }]).filter((d) => d.severity === 'error'),
      [],
    );
  });
});

describe('environment annotations', () => {
  const annotated = master(`/// @steward.only(production)
model Audit {
  id Int @id
}

model A {
  id     Int      @id
  /// @steward.exclude(dev)
  secret String
  /// @steward.override(dev) String @default("[]")
  tags   String[] @default([])
  /// @steward.exclude(dev) @unique
  ref    String?  @unique
  /// @steward.only(production)
  vector Unsupported("tsvector")?

  /// @steward.exclude(dev)
  @@index([tags], type: Gin)
}
`);

  it('includes, excludes and overrides per environment and strips the annotations', () => {
    const { text, changes } = transform(annotated, dev);
    assert.ok(!text.includes('model Audit'));
    assert.ok(!text.includes('secret'));
    assert.match(text, /tags\s+String @default\("\[\]"\)/);
    assert.match(text, /ref\s+String\?\s*\n/);
    assert.ok(!text.includes('vector'));
    assert.ok(!text.includes('@@index'));
    assert.ok(!text.includes('@steward'));
    assert.ok(changes.some((c) => c.code === 'override-applied'));
    assert.ok(changes.some((c) => c.code === 'attribute-excluded'));
    assert.deepEqual(
      prismaValidate([{ path: 'dev.prisma', text }]).filter((d) => d.severity === 'error'),
      [],
    );
    const prod = transform(annotated, production).text;
    assert.ok(prod.includes('model Audit') && prod.includes('secret') && prod.includes('@@index([tags], type: Gin)') && !prod.includes('@steward'));
  });

  it('strips an expand/contract transition: environment schemas hold the final shape, doc comments kept', () => {
    const text = master(
      'model User {\n  id Int @id\n  /// The name shown.\n  /// @steward.transition(from: "name")\n  displayName String @map("display_name")\n  /// @steward.transition(backfill: "\'free\'")\n  plan String\n}\n',
    );
    for (const target of [dev, production]) {
      const out = transform(text, target).text;
      assert.doesNotMatch(out, /@steward/);
      assert.match(out, /\/\/\/ The name shown\.\n\s*displayName String @map\("display_name"\)/);
    }
  });

  it('rejects unknown environment names with a location', () => {
    assert.throws(
      () =>
        validateAnnotations(parseSchema({ path: 'm.prisma', text: master('/// @steward.only(staging)\nmodel A {\n  id Int @id\n}\n') }), ['dev', 'production']),
      (e: unknown) => e instanceof StewardError && e.code === 'UNKNOWN_ENVIRONMENT' && e.location?.line === 6,
    );
  });

  for (const [name, line] of [
    ['unknown annotation', '/// @steward.frobnicate(dev)'],
    ['missing environment', '/// @steward.only()'],
    ['override without a type', '/// @steward.override(dev)'],
    ['malformed', '/// @steward.only dev'],
  ]) {
    it(`rejects a ${name} with a location`, () => {
      const text = master(`model A {\n  id Int @id\n  ${line}\n  x String\n}\n`);
      assert.throws(
        () => validateAnnotations(parseSchema({ path: 'm.prisma', text }), ['dev']),
        (e: unknown) => e instanceof StewardError && e.code === 'ANNOTATION_INVALID' && e.location?.file === 'm.prisma' && e.location.line === 8,
      );
    });
  }
});
