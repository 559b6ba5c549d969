import { ruleTester } from '../rule-tester.js';

ruleTester('require-updated-at', {
  valid: [
    'model A {\n  id        Int      @id\n  updatedAt DateTime @updatedAt\n}\n',
    { code: 'model Log {\n  id Int @id\n}\n', options: { exempt: ['/^Log$/'] } },
  ],
  invalid: [
    {
      name: 'missing: the fix adds it with a default, so a table with rows accepts the column',
      code: 'model A {\n  id Int @id\n}\n',
      errors: [{ line: 4, messageId: 'missing', message: 'Model A has no `updatedAt DateTime @updatedAt` field.', fixKind: 'add-column' }],
      output: 'model A {\n  id Int @id\n  updatedAt DateTime @default(now()) @updatedAt\n}\n',
    },
    {
      name: 'SQLite: the migration rebuilds the table',
      code: 'datasource db {\n  provider = "sqlite"\n}\nmodel A {\n  id Int @id\n}\n',
      errors: [{ line: 4, messageId: 'missing', fixKind: 'add-column', migration: /^-- SQLite: table "A" is rebuilt/ }],
      output: 'datasource db {\n  provider = "sqlite"\n}\nmodel A {\n  id Int @id\n  updatedAt DateTime @default(now()) @updatedAt\n}\n',
    },
    {
      code: 'model A {\n  id        Int      @id\n  updatedAt DateTime @default(now())\n}\n',
      errors: [{ line: 6, messageId: 'noUpdatedAt', message: 'Field A.updatedAt should have @updatedAt.', fixKind: 'schema-only' }],
      output: 'model A {\n  id        Int      @id\n  updatedAt DateTime @default(now()) @updatedAt\n}\n',
    },
  ],
});
