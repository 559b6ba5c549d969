import { ruleTester } from '../rule-tester.js';

ruleTester('enum-value-case', {
  valid: [
    { code: 'enum Role {\n  SUPER_ADMIN\n  USER\n}\n', options: { style: 'snake', case: 'upper' } },
    { code: 'enum Role {\n  superAdmin\n}\n', options: { style: 'camel' } },
    { code: 'enum Role {\n  SuperAdmin\n}\n', options: { style: 'pascal' } },
  ],
  invalid: [
    {
      code: 'enum Role {\n  SuperAdmin\n  USER\n}\n',
      options: { style: 'snake', case: 'upper' },
      errors: [
        { line: 5, messageId: 'snake', column: 3, field: 'SuperAdmin', message: "Enum value should be in snake_case: 'SuperAdmin' (expected 'SUPER_ADMIN')." },
      ],
    },
    {
      code: 'enum Role {\n  super_admin\n}\n',
      options: { style: 'pascal' },
      errors: [{ line: 5, messageId: 'pascal', message: "Enum value should be in PascalCase: 'super_admin' (expected 'SuperAdmin')." }],
    },
    {
      name: 'prisma-lint-ignore-enum parameters skip listed values',
      code: 'enum Role {\n  /// prisma-lint-ignore-enum enum-value-case Legacy\n  Legacy\n  Other\n}\n',
      options: { style: 'snake' },
      errors: [{ line: 7, messageId: 'snake', message: "Enum value should be in snake_case: 'Other' (expected 'other')." }],
    },
  ],
});
