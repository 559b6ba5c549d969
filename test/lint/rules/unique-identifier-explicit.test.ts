import { ruleTester } from '../rule-tester.js';

ruleTester('unique-identifier-explicit', {
  valid: [
    'model Timeline {\n  id         Int    @id\n  shareToken String @unique\n}\n',
    {
      name: 'scoped by a compound unique',
      code: 'model Page {\n  id          Int    @id\n  workspaceId Int\n  slug        String\n\n  @@unique([workspaceId, slug])\n}\n',
    },
  ],
  invalid: [
    {
      code: 'model Timeline {\n  id         Int    @id\n  shareToken String\n  /// The unique public code of the timeline.\n  code       String\n}\n',
      errors: [
        {
          line: 6,
          messageId: 'notUnique',
          field: 'shareToken',
          message: 'Timeline.shareToken looks like a unique identifier (by its name) but has no unique constraint.',
        },
        { line: 8, messageId: 'notUnique', field: 'code', message: /by its documentation/ },
      ],
    },
    { code: 'model A {\n  id  Int    @id\n  sku String\n}\n', options: { names: ['sku'] }, errors: [{ line: 6, messageId: 'notUnique' }] },
  ],
});
