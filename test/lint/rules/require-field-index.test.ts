import { ruleTester } from '../rule-tester.js';

const schema = (attrs: string) =>
  `model A {\n  id       Int @id\n  tenantId Int\n  b        B   @relation(fields: [bId], references: [id])\n  bId      Int\n${attrs}}\nmodel B {\n  id Int @id\n  as A[]\n}\n`;

ruleTester('require-field-index', {
  valid: [
    { code: schema('  @@index([tenantId])\n  @@index([bId])\n'), options: { forNames: 'tenantId', forAllRelations: true } },
    { code: schema(''), options: { forNames: ['other'] } },
  ],
  invalid: [
    {
      code: schema(''),
      options: { forNames: ['tenantId'], forAllRelations: true },
      errors: [
        { line: 6, messageId: 'index', field: 'tenantId', message: 'Field "tenantId" must have an index.' },
        { line: 8, messageId: 'index', field: 'bId', message: 'Field "bId" must have an index.' },
      ],
    },
    {
      name: 'only the first field of a compound index counts (as in prisma-lint)',
      code: schema('  @@index([tenantId, bId])\n'),
      options: { forAllRelations: true },
      errors: [{ line: 8, messageId: 'index', field: 'bId' }],
    },
  ],
});
