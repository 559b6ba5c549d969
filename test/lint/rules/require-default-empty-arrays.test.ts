import { ruleTester } from '../rule-tester.js';

ruleTester('require-default-empty-arrays', {
  valid: [
    'model A {\n  id   Int      @id\n  tags String[] @default([])\n}\n',
    {
      name: 'relation lists cannot have defaults',
      code: 'model A {\n  id Int @id\n  bs B[]\n}\nmodel B {\n  id  Int @id\n  a   A   @relation(fields: [aId], references: [id])\n  aId Int\n}\n',
    },
  ],
  invalid: [
    {
      code: 'model A {\n  id   Int      @id\n  tags String[]\n}\n',
      errors: [{ line: 6, messageId: 'emptyDefault', field: 'tags', message: 'Array field must default to empty array.' }],
      output: 'model A {\n  id   Int      @id\n  tags String[] @default([])\n}\n',
    },
    {
      name: 'a non-empty default is reported without a fix',
      code: 'model A {\n  id   Int      @id\n  tags String[] @default(["a"])\n}\n',
      errors: [{ line: 6, messageId: 'emptyDefault' }],
    },
  ],
});
