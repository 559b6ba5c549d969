import { ruleTester } from '../rule-tester.js';

ruleTester('table-name-snake-case', {
  valid: [
    'model ConversationParticipant {\n  id Int @id\n\n  @@map("conversation_participants")\n}\n',
    { code: 'model User {\n  id Int @id\n\n  @@map("user")\n}\n', options: { style: 'singular' } },
    { name: 'legacy snake_case name kept', code: 'model User {\n  id Int @id\n\n  @@map("app_users")\n}\n' },
  ],
  invalid: [
    {
      code: 'model ConversationParticipant {\n  id     Int @id\n  userId Int\n\n  @@index([userId])\n}\n',
      errors: [
        {
          line: 4,
          messageId: 'missingMap',
          column: 7,
          message: 'Table of ConversationParticipant should be mapped to snake_case: add @@map("conversation_participants").',
        },
      ],
      output: 'model ConversationParticipant {\n  id     Int @id\n  userId Int\n\n  @@index([userId])\n  @@map("conversation_participants")\n}\n',
    },
    {
      code: 'model User {\n  id Int @id\n\n  @@map("user")\n}\n',
      errors: [{ line: 7, messageId: 'number', message: 'Table name "user" of User should be plural (expected "users").' }],
      output: 'model User {\n  id Int @id\n\n  @@map("users")\n}\n',
    },
    {
      code: 'model HTTPLog {\n  id Int @id\n}\n',
      options: { style: 'singular' },
      errors: [{ line: 4, messageId: 'missingMap', message: /http_log/ }],
      output: 'model HTTPLog {\n  id Int @id\n\n  @@map("http_log")\n}\n',
    },
  ],
});
