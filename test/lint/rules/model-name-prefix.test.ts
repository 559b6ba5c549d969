import { ruleTester } from '../rule-tester.js';

ruleTester('model-name-prefix', {
  valid: [{ code: 'model TblUser {\n  id Int @id\n}\n', options: { prefix: 'Tbl' } }],
  invalid: [
    {
      code: 'model User {\n  id Int @id\n}\n',
      options: { prefix: 'Tbl' },
      errors: [{ line: 4, messageId: 'prefix', column: 7, message: 'Model name should start with "Tbl".' }],
    },
  ],
});
