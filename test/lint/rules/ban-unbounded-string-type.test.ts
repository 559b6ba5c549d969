import { ruleTester } from '../rule-tester.js';

ruleTester('ban-unbounded-string-type', {
  valid: [
    'model A {\n  id   Int    @id\n  name String @db.VarChar(20)\n}\n',
    { code: 'model A {\n  id  Int    @id\n  bio String @db.Text\n}\n', options: { allowNativeTextType: true } },
  ],
  invalid: [
    {
      code: 'model A {\n  id   Int    @id\n  name String\n  bio  String @db.Text\n}\n',
      errors: [
        {
          line: 6,
          messageId: 'unbounded',
          column: 3,
          field: 'name',
          message: 'String fields must have a native type attribute to ensure maximum length, e.g. `@db.VarChar(x)`.',
        },
        { line: 7, messageId: 'unbounded', column: 3, field: 'bio' },
      ],
    },
  ],
});
