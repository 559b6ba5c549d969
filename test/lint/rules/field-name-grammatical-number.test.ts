import { ruleTester } from '../rule-tester.js';

ruleTester('field-name-grammatical-number', {
  valid: [{ code: 'model A {\n  id   Int      @id\n  tags String[]\n  tag  String\n}\n', options: { ifList: 'plural' } }],
  invalid: [
    {
      code: 'model A {\n  id  Int      @id\n  tag String[]\n}\n',
      options: { ifList: 'plural' },
      errors: [{ line: 6, messageId: 'plural', field: 'tag', message: 'Expected plural name for list field.' }],
    },
    {
      code: 'model A {\n  id   Int      @id\n  tags String[]\n}\n',
      options: { ifList: 'singular' },
      errors: [{ line: 6, messageId: 'singular', message: 'Expected singular name for list field.' }],
    },
  ],
});
