import { ruleTester } from '../rule-tester.js';

ruleTester('enum-value-snake-case', {
  valid: ['enum Role {\n  super_admin\n}\n', { code: 'enum Role {\n  SUPER_ADMIN\n}\n', options: { case: 'upper' } }],
  invalid: [
    {
      code: 'enum Role {\n  superAdmin\n}\n',
      errors: [{ line: 5, messageId: 'snake', message: "Enum value should be in snake_case: 'superAdmin' (expected 'super_admin')." }],
    },
  ],
});
