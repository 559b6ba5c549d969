import { ruleTester } from '../rule-tester.js';

ruleTester('field-name-mapping-snake-case', {
  valid: [
    'model A {\n  id        Int      @id\n  name      String\n  createdAt DateTime @map("created_at")\n  author    B        @relation(fields: [authorId], references: [id])\n  authorId  Int      @map("author_id")\n}\nmodel B {\n  id Int @id\n  as A[]\n}\n',
    { code: 'model A {\n  id     Int    @id\n  s3Key  String @map("s3_key")\n}\n', options: { compoundWords: ['s3'] } },
  ],
  invalid: [
    {
      code: 'model A {\n  id        Int      @id\n  createdAt DateTime\n  userID    Int      @map("userId")\n}\n',
      errors: [
        { line: 6, messageId: 'mapRequired', field: 'createdAt', message: 'Field name must be mapped to snake case.' },
        { line: 7, messageId: 'mapTo', field: 'userID', message: 'Field name must be mapped to "user_i_d".' },
      ],
      output: 'model A {\n  id        Int      @id\n  createdAt DateTime @map("created_at")\n  userID    Int      @map("user_i_d")\n}\n',
    },
    {
      name: 'requireUnderscorePrefixForIds',
      code: 'model A {\n  id Int @id\n}\n',
      options: { requireUnderscorePrefixForIds: true },
      errors: [{ line: 5, messageId: 'mapRequired', message: 'Field name must be mapped to snake case.' }],
      output: 'model A {\n  id Int @id @map("_id")\n}\n',
    },
  ],
});
