import { ruleTester } from '../rule-tester.js';

ruleTester('enum-name-pascal-case', {
  valid: [
    'enum Role {\n  USER\n}\n',
    { code: 'enum tbl_role {\n  USER\n}\n', options: { allowList: ['tbl_role'] } },
    { code: 'enum x_Role {\n  USER\n}\n', options: { trimPrefix: 'x_' } },
  ],
  invalid: [{ code: 'enum user_role {\n  USER\n}\n', errors: [{ line: 4, messageId: 'notPascal', column: 6, message: 'Enum name should be in PascalCase.' }] }],
});
