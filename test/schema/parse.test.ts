import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StewardError } from '../../src/errors/index.js';
import { parseSchema } from '../../src/schema/parse.js';
import { databaseName, fieldKind, fieldRefs, findModel, getArgument, getAttribute } from '../../src/schema/query.js';
import { PG_MASTER } from '../helpers/project.js';

describe('parseSchema', () => {
  const schema = parseSchema({ path: 'schema.prisma', text: PG_MASTER });

  it('reads every block kind with names', () => {
    assert.deepEqual(
      schema.datasources.map((d) => d.name),
      ['db'],
    );
    assert.deepEqual(
      schema.generators.map((g) => g.name),
      ['client'],
    );
    assert.deepEqual(
      schema.models.map((m) => m.name),
      ['User', 'Post'],
    );
    assert.deepEqual(
      schema.enums.map((e) => e.name),
      ['Role'],
    );
    assert.deepEqual(
      schema.enums[0].values.map((v) => v.name),
      ['USER', 'ADMIN'],
    );
  });

  it('gives fields their types, lists, optionality and attributes', () => {
    const user = findModel(schema, 'User')!;
    const roles = user.fields.find((f) => f.name === 'roles')!;
    assert.equal(roles.type.name, 'Role');
    assert.equal(roles.type.list, true);
    assert.equal(fieldKind(schema, roles), 'enum');
    assert.equal(fieldKind(schema, user.fields.find((f) => f.name === 'posts')!), 'relation');
    const email = user.fields.find((f) => f.name === 'email')!;
    assert.deepEqual(
      email.attributes.map((a) => a.name),
      ['unique', 'db.VarChar'],
    );
    assert.equal(getAttribute(email, 'db.VarChar')!.args[0].value.kind, 'number');
    assert.equal(databaseName(user), 'users');
    assert.deepEqual(fieldRefs(getArgument(user.attributes.find((a) => a.name === 'index')!, 'fields', 0)?.value), ['tags']);
  });

  it('records exact 1-based positions and offsets', () => {
    const post = findModel(schema, 'Post')!;
    const title = post.fields.find((f) => f.name === 'title')!;
    const lines = PG_MASTER.split('\n');
    assert.equal(lines[title.nameSpan.line - 1].slice(title.nameSpan.column - 1, title.nameSpan.endColumn - 1), 'title');
    assert.equal(PG_MASTER.slice(title.span.start, title.span.end), 'title    String @db.Text');
    assert.ok(PG_MASTER.slice(title.lineSpan.start, title.lineSpan.end).endsWith('@db.Text\n'));
  });

  it('parses named arguments, functions and nested lists', () => {
    const author = findModel(schema, 'Post')!.fields.find((f) => f.name === 'author')!;
    const rel = getAttribute(author, 'relation')!;
    assert.deepEqual(
      rel.args.map((a) => a.name),
      ['fields', 'references', 'onDelete', 'map'],
    );
    const id = findModel(schema, 'User')!.fields[0];
    const def = getArgument(getAttribute(id, 'default')!, 'value', 0)!.value;
    assert.equal(def.kind, 'function');
    assert.equal(def.kind === 'function' && def.name, 'dbgenerated');
  });

  it('keeps doc comments, trailing comments and skips block comments', () => {
    const s = parseSchema(`/**\n * block\n */\n/// The user\nmodel A {\n  /// the id\n  id Int @id // trailing\n  /* inline */\n  @@map("a")\n}\n`);
    const a = s.models[0];
    assert.deepEqual(
      a.docs.map((d) => d.text),
      ['The user'],
    );
    assert.deepEqual(
      a.fields[0].docs.map((d) => d.text),
      ['the id'],
    );
    assert.equal(a.fields[0].comment?.text, 'trailing');
    assert.equal(a.attributes[0].name, 'map');
  });

  it('reads several files as one schema', () => {
    const s = parseSchema([
      { path: 'a.prisma', text: 'model A {\n  id Int @id\n  b B?\n}\n' },
      { path: 'b.prisma', text: 'model B {\n  id Int @id\n  aId Int @unique\n  a A @relation(fields: [aId], references: [id])\n}\n' },
    ]);
    assert.deepEqual(
      s.models.map((m) => `${m.name}@${m.span.file}`),
      ['A@a.prisma', 'B@b.prisma'],
    );
  });

  const malformed: [string, string, number, number][] = [
    ['unterminated model', 'model A {\n  id Int @id\n', 1, 1],
    ['missing type', 'model A {\n  id\n}\n', 2, 5],
    ['unknown block', 'table A {\n}\n', 1, 1],
    ['unterminated string', 'model A {\n  id String @default("x)\n}\n', 2, 22],
    ['garbage after field', 'model A {\n  id Int @id ]\n}\n', 2, 14],
  ];
  for (const [name, text, line, column] of malformed) {
    it(`reports ${name} with file:line:col`, () => {
      assert.throws(
        () => parseSchema({ path: 'bad.prisma', text }),
        (error: unknown) =>
          error instanceof StewardError &&
          error.code === 'SCHEMA_SYNTAX' &&
          error.location?.file === 'bad.prisma' &&
          error.location.line === line &&
          error.location.column === column,
      );
    });
  }
});
