import { ruleTester } from '../rule-tester.js';

ruleTester('require-id', {
  valid: [
    'model A {\n  id Int @id\n}\n',
    { name: 'compound id', code: 'model A {\n  a Int\n  b Int\n\n  @@id([a, b])\n}\n' },
    { code: 'model A {\n  key Int @unique\n}\n', options: { exempt: ['A'] } },
    { name: 'a natural primary key', code: 'model Domain {\n  domain    String   @id\n  createdAt DateTime @default(now())\n}\n' },
  ],
  invalid: [
    { code: 'model A {\n  key Int @unique\n}\n', errors: [{ line: 4, messageId: 'missing', message: 'Model A has no `id` primary key field.' }] },
    {
      code: 'model A {\n  id  Int\n  key Int @id\n}\n',
      errors: [{ line: 5, messageId: 'notId', field: 'id', message: 'Field A.id exists but is not the primary key (@id).' }],
    },
    { code: 'model A {\n  a Int\n  b Int\n\n  @@id([a, b])\n}\n', options: { allowCompoundId: false }, errors: [{ line: 4, messageId: 'missing' }] },
    {
      name: 'a natural key when the name is required',
      code: 'model Domain {\n  domain String @id\n}\n',
      options: { requireFieldName: true },
      errors: [{ line: 5, messageId: 'otherName', field: 'domain', message: 'The primary key of Domain is `domain`, not `id`.' }],
    },
  ],
});
