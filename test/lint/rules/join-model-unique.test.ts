import { ruleTester } from '../rule-tester.js';

const others = 'model User {\n  id Int @id\n  cps ConversationParticipant[]\n}\nmodel Conversation {\n  id Int @id\n  cps ConversationParticipant[]\n}\n';
const join = (extra: string) =>
  `model ConversationParticipant {\n  id             Int          @id @default(autoincrement())\n  conversation   Conversation @relation(fields: [conversationId], references: [id])\n  conversationId Int\n  user           User         @relation(fields: [userId], references: [id])\n  userId         Int\n  joinedAt       DateTime     @default(now())\n${extra}}\n${others}`;

ruleTester('join-model-unique', {
  valid: [
    join('\n  @@unique([conversationId, userId])\n'),
    { name: 'a model with payload is not a join model', code: join('  body String\n') },
    {
      name: 'one foreign key already @unique: the pair is unique',
      code: `model ConversationParticipant {\n  id             Int          @id @default(autoincrement())\n  conversation   Conversation @relation(fields: [conversationId], references: [id])\n  conversationId Int\n  user           User         @relation(fields: [userId], references: [id])\n  userId         Int          @unique\n}\n${others}`,
    },
    { name: 'a @@unique over one foreign key', code: join('\n  @@unique([userId])\n') },
  ],
  invalid: [
    {
      code: join(''),
      errors: [{ line: 4, messageId: 'notUnique', message: 'Join model ConversationParticipant should have @@unique([conversationId, userId]).' }],
    },
    {
      name: 'listed in models',
      code: join('  body String\n'),
      options: { models: ['ConversationParticipant'] },
      errors: [{ line: 4, messageId: 'notUnique' }],
    },
  ],
});
