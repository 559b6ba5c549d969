import { ruleTester } from '../rule-tester.js';

const options = { require: ['id', { name: 'revisionCreatedAt', ifSibling: 'revisionId' }, { name: 'tenantId', ifSibling: '/^user/' }] };

ruleTester('require-field', {
  valid: [{ code: 'model A {\n  id Int @id\n}\n', options }],
  invalid: [
    {
      code: 'model A {\n  key        Int @id\n  revisionId Int\n  userName   String\n}\n',
      options,
      errors: [{ line: 4, messageId: 'missing', message: 'Missing required fields: "id", "revisionCreatedAt", "tenantId".' }],
    },
    {
      name: 'prisma-lint-ignore-field above the model',
      code: '/// prisma-lint-ignore-field require-field\nmodel A {\n  key Int @id\n}\nmodel B {\n  key Int @id\n}\n',
      options: { require: ['id'] },
      errors: [{ line: 8, messageId: 'missing' }],
    },
  ],
});
