import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { parseSchema } from '../../src/schema/parse.js';
import { typeErrorSubject } from '../../src/verify/type-error-subject.js';

const schema = parseSchema([
  {
    path: 'schema.prisma',
    text: `model Client {
  id    String @id
  name  String
  tags  Json
}
model Property {
  id        String @id
  amenities String
}
`,
  },
]);

const source = (text: string) => ts.createSourceFile('/app/a.ts', text, ts.ScriptTarget.ES2022, true);
const at = (text: string, needle: string) => text.indexOf(needle);

describe('typeErrorSubject', () => {
  const cases: { name: string; code: string; needle: string; message: string; expected: { model?: string; field?: string } }[] = [
    {
      name: 'a filter key inside a field filter',
      code: `prisma.client.findMany({ where: { name: { contains: q, mode: 'insensitive' } } });`,
      needle: 'mode',
      message: `Object literal may only specify known properties, and 'mode' does not exist in type 'StringFilter<"Client">'.`,
      expected: { model: 'Client', field: 'name' },
    },
    {
      name: 'an assignment to a where property',
      code: `where.amenities = { has: amenity };`,
      needle: 'has',
      message: `Object literal may only specify known properties, and 'has' does not exist in type 'StringFilter<"Property">'.`,
      expected: { model: 'Property', field: 'amenities' },
    },
    {
      name: 'the delegate of the call when no field is named',
      code: `prisma.client.createMany({ data: rows, skipDuplicates: true });`,
      needle: 'skipDuplicates',
      message: `Type 'true' is not assignable to type 'never'.`,
      expected: { model: 'Client' },
    },
    {
      name: 'a key of an object type in the message',
      code: `prisma.client.findUnique({ where: { externalRef } });`,
      needle: 'where',
      message: `Type '{ externalRef: string; }' is not assignable to type 'ClientWhereUniqueInput'.`,
      expected: { model: 'Client' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(typeErrorSubject(source(c.code), at(c.code, c.needle), c.message, [schema]), c.expected);
    });
  }
});
