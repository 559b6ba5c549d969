import { ruleTester } from '../rule-tester.js';

ruleTester('model-name-grammatical-number', {
  valid: [
    { code: 'model User {\n  id Int @id\n}\n', options: { style: 'singular' } },
    { code: 'model Users {\n  id Int @id\n}\n', options: { style: 'singular', allowlist: ['/^Use/'] } },
  ],
  invalid: [
    {
      code: 'model Users {\n  id Int @id\n}\n',
      options: { style: 'singular' },
      errors: [{ line: 4, messageId: 'singular', message: 'Expected singular model name.' }],
    },
    {
      code: 'model User {\n  id Int @id\n}\n',
      options: { style: 'plural' },
      errors: [{ line: 4, messageId: 'plural', message: 'Expected plural model name.' }],
    },
  ],
});
