import { ruleTester } from '../rule-tester.js';

ruleTester('field-name-camel-case', {
  valid: [
    'model A {\n  id        Int @id\n  lastReadAt DateTime\n}\n',
    { code: 'model A {\n  id Int @id\n  legacy_count Int\n}\n', options: { allowList: ['legacy_count'] } },
  ],
  invalid: [
    {
      name: "the specification's last_read_at mismatch",
      code: 'model ConversationParticipant {\n  id           Int      @id\n  last_read_at DateTime\n}\n',
      errors: [{ line: 6, messageId: 'notCamel', column: 3, field: 'last_read_at', message: 'Field name should be in camelCase.' }],
    },
  ],
});
