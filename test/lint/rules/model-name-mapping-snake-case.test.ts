import { ruleTester } from '../rule-tester.js';

ruleTester('model-name-mapping-snake-case', {
  valid: [
    'model UserRole {\n  id Int @id\n\n  @@map("user_role")\n}\n',
    { code: 'model UserRole {\n  id Int @id\n\n  @@map("user_roles")\n}\n', options: { pluralize: true } },
  ],
  invalid: [
    {
      code: 'model UserRole {\n  id Int @id\n}\n',
      errors: [{ line: 4, messageId: 'mapRequired', column: 7, message: 'Model name must be mapped to snake case.' }],
      output: 'model UserRole {\n  id Int @id\n\n  @@map("user_role")\n}\n',
    },
    {
      code: 'model UserRole {\n  id Int @id\n\n  @@map("UserRole")\n}\n',
      errors: [{ line: 4, messageId: 'mapTo', message: 'Model name must be mapped to "user_role".' }],
      output: 'model UserRole {\n  id Int @id\n\n  @@map("user_role")\n}\n',
    },
  ],
});
