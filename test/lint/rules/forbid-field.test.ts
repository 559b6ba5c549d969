import { ruleTester } from '../rule-tester.js';

ruleTester('forbid-field', {
  valid: [{ code: 'model A {\n  id Int @id\n}\n', options: { forbid: ['uuid'] } }],
  invalid: [
    {
      code: 'model A {\n  id        Int @id\n  uuid      String\n  deletedAt DateTime?\n}\n',
      options: { forbid: ['uuid', '/^deleted/'] },
      errors: [
        { line: 6, messageId: 'forbidden', field: 'uuid', message: 'Field "uuid" is forbid by rule: "uuid".' },
        { line: 7, messageId: 'forbidden', field: 'deletedAt', message: 'Field "deletedAt" is forbid by rule: "/^deleted/".' },
      ],
    },
    {
      name: 'prisma-lint-ignore-model parameters',
      code: 'model A {\n  /// prisma-lint-ignore-model forbid-field uuid\n  id   Int @id\n  uuid String\n  guid String\n}\n',
      options: { forbid: ['uuid', 'guid'] },
      errors: [{ line: 8, messageId: 'forbidden', field: 'guid' }],
    },
  ],
});
