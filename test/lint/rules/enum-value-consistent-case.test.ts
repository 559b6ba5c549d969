import { ruleTester } from '../rule-tester.js';

ruleTester('enum-value-consistent-case', {
  valid: ['enum Role {\n  ADMIN\n  SUPER_USER\n}\nenum Status {\n  ACTIVE\n}\n', { code: 'enum Role {\n  admin\n}\n', options: { style: 'snake' } }],
  invalid: [
    {
      code: 'enum Role {\n  ADMIN\n  USER\n}\nenum Status {\n  Active\n  INACTIVE\n}\n',
      errors: [
        { line: 9, messageId: 'style', field: 'Active', message: "Enum value Status.Active is not UPPER_SNAKE_CASE like the schema's other enum values." },
      ],
    },
    { code: 'enum Role {\n  ADMIN\n}\n', options: { style: 'pascal' }, errors: [{ line: 5, messageId: 'style', message: /PascalCase/ }] },
  ],
});
