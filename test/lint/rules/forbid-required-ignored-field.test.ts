import { ruleTester } from '../rule-tester.js';

ruleTester('forbid-required-ignored-field', {
  valid: ['model A {\n  id  Int     @id\n  old String? @ignore\n  v   Int     @default(0) @ignore\n}\n'],
  invalid: [
    {
      code: 'model A {\n  id  Int    @id\n  old String @ignore\n}\n',
      errors: [{ line: 6, messageId: 'requiredIgnored', field: 'old', message: 'Do not ignore a required field without a default value.' }],
    },
  ],
});
