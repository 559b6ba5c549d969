import { ruleTester } from '../rule-tester.js';

ruleTester('require-created-at', {
  valid: [
    'model A {\n  id        Int      @id\n  createdAt DateTime @default(now())\n}\n',
    { code: 'model A {\n  id Int @id\n  created_at DateTime @default(now())\n}\n', options: { field: 'created_at' } },
  ],
  invalid: [
    {
      name: 'missing: the fix adds the field with its default, after the stored fields',
      code: 'model A {\n  id Int @id\n  b  B   @relation(fields: [id], references: [id])\n}\nmodel B {\n  id Int @id\n  a  A?\n  createdAt DateTime @default(now())\n}\n',
      errors: [
        {
          line: 4,
          messageId: 'missing',
          message: 'Model A has no `createdAt DateTime @default(now())` field.',
          fixKind: 'add-column',
          migration: 'ALTER TABLE "A" ADD COLUMN "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;',
        },
      ],
      output:
        'model A {\n  id Int @id\n  createdAt DateTime @default(now())\n  b  B   @relation(fields: [id], references: [id])\n}\nmodel B {\n  id Int @id\n  a  A?\n  createdAt DateTime @default(now())\n}\n',
    },
    {
      name: 'missing, in a schema that maps columns to snake_case: a new column is created snake_case (not a rename)',
      code: 'model A {\n  id     Int    @id\n  fullName String @map("full_name")\n}\n',
      errors: [
        {
          line: 4,
          messageId: 'missing',
          fixKind: 'add-column',
          migration: 'ALTER TABLE "A" ADD COLUMN "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;',
        },
      ],
      output: 'model A {\n  id     Int    @id\n  fullName String @map("full_name")\n  createdAt DateTime @default(now()) @map("created_at")\n}\n',
    },
    {
      code: 'model A {\n  id        Int      @id\n  createdAt DateTime @map("created_at") // when\n}\n',
      errors: [
        {
          line: 6,
          messageId: 'noDefault',
          field: 'createdAt',
          message: 'Field A.createdAt should have @default(now()).',
          fixKind: 'add-default',
          migration: 'ALTER TABLE "A" ALTER COLUMN "created_at" SET DEFAULT CURRENT_TIMESTAMP;',
        },
      ],
      output: 'model A {\n  id        Int      @id\n  createdAt DateTime @map("created_at") @default(now()) // when\n}\n',
    },
    {
      code: 'model A {\n  id        Int    @id\n  createdAt String\n}\n',
      errors: [{ line: 6, messageId: 'type', message: 'Field A.createdAt should be DateTime (found String).' }],
    },
  ],
});
