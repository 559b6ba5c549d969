import { ruleTester } from '../rule-tester.js';

ruleTester('model-name-pascal-case', {
  valid: ['model User {\n  id Int @id\n}\n', { code: 'model users {\n  id Int @id\n}\n', options: { allowList: ['users'] } }],
  invalid: [
    {
      code: 'model user_account {\n  id Int @id\n}\n',
      errors: [{ line: 4, messageId: 'notPascal', column: 7, message: 'Model name should be in PascalCase.' }],
    },
  ],
});
