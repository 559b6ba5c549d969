import { ruleTester } from '../rule-tester.js';

ruleTester('constraint-name-snake-case', {
  valid: ['model A {\n  id    Int    @id(map: "a_pkey")\n  email String @unique(map: "a_email_key")\n\n  @@index([email], map: "a_email_idx")\n}\n'],
  invalid: [
    {
      code: 'model A {\n  id    Int    @id\n  email String\n\n  @@index([email], map: "IDX_Email")\n}\n',
      errors: [{ line: 8, messageId: 'notSnake', column: 25, message: 'Constraint name "IDX_Email" on @@index of A is not snake_case.' }],
    },
  ],
});
