import { ruleTester } from '../rule-tester.js';

ruleTester('require-updated-at', {
  valid: ['model A {\n  id        Int      @id\n  updatedAt DateTime @updatedAt\n}\n', { code: 'model Log {\n  id Int @id\n}\n', options: { exempt: ['/^Log$/'] } }],
  invalid: [
    { code: 'model A {\n  id Int @id\n}\n', errors: [{ line: 4, message: 'Model A has no `updatedAt DateTime @updatedAt` field.' }] },
    {
      code: 'model A {\n  id        Int      @id\n  updatedAt DateTime @default(now())\n}\n',
      errors: [{ line: 6, message: 'Field A.updatedAt should have @updatedAt.' }],
      output: 'model A {\n  id        Int      @id\n  updatedAt DateTime @default(now()) @updatedAt\n}\n',
    },
  ],
});
