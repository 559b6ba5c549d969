import { ruleTester } from '../rule-tester.js';

ruleTester('require-created-at', {
  valid: ['model A {\n  id        Int      @id\n  createdAt DateTime @default(now())\n}\n', { code: 'model A {\n  id Int @id\n  created_at DateTime @default(now())\n}\n', options: { field: 'created_at' } }],
  invalid: [
    { code: 'model A {\n  id Int @id\n}\n', errors: [{ line: 4, message: 'Model A has no `createdAt DateTime @default(now())` field.' }] },
    {
      code: 'model A {\n  id        Int      @id\n  createdAt DateTime @map("created_at") // when\n}\n',
      errors: [{ line: 6, field: 'createdAt', message: 'Field A.createdAt should have @default(now()).' }],
      output: 'model A {\n  id        Int      @id\n  createdAt DateTime @map("created_at") @default(now()) // when\n}\n',
    },
    { code: 'model A {\n  id        Int    @id\n  createdAt String\n}\n', errors: [{ line: 6, message: 'Field A.createdAt should be DateTime (found String).' }] },
  ],
});
