import { ruleTester } from '../rule-tester.js';

const user = 'model User {\n  id       Int       @id\n  messages Message[]\n}\n';

ruleTester('relation-foreign-key-index', {
  valid: [
    `model Message {\n  id       Int  @id\n  sender   User @relation(fields: [senderId], references: [id])\n  senderId Int\n\n  @@index([senderId, id])\n}\n${user}`,
    {
      name: 'leading a @@unique counts',
      code: `model Message {\n  id       Int  @id\n  sender   User @relation(fields: [senderId], references: [id])\n  senderId Int\n\n  @@unique([senderId, id])\n}\n${user}`,
    },
  ],
  invalid: [
    {
      code: `model Message {\n  id       Int  @id\n  sender   User @relation(fields: [senderId], references: [id])\n  senderId Int\n}\n${user}`,
      errors: [
        {
          line: 6,
          messageId: 'notIndexed',
          field: 'sender',
          message: 'Foreign key Message(senderId) of relation sender is not indexed.',
          fixKind: 'add-index',
          migration: 'CREATE INDEX "Message_senderId_idx" ON "Message"("senderId");',
        },
      ],
      output: `model Message {\n  id       Int  @id\n  sender   User @relation(fields: [senderId], references: [id])\n  senderId Int\n\n  @@index([senderId])\n}\n${user}`,
    },
    {
      name: 'second field of a compound index does not count',
      code: `model Message {\n  id       Int  @id\n  sender   User @relation(fields: [senderId], references: [id])\n  senderId Int\n\n  @@index([id, senderId])\n}\n${user}`,
      errors: [{ line: 6, messageId: 'notIndexed' }],
      output: `model Message {\n  id       Int  @id\n  sender   User @relation(fields: [senderId], references: [id])\n  senderId Int\n\n  @@index([id, senderId])\n  @@index([senderId])\n}\n${user}`,
    },
    {
      name: 'the index goes above an existing @@map (Prisma keeps @@map last); the statement uses the database names',
      code: `model Message {\n  id       Int  @id\n  sender   User @relation(fields: [senderId], references: [id])\n  senderId Int  @map("sender_id")\n\n  @@map("messages")\n}\n${user}`,
      errors: [{ line: 6, messageId: 'notIndexed', migration: 'CREATE INDEX "messages_sender_id_idx" ON "messages"("sender_id");' }],
      output: `model Message {\n  id       Int  @id\n  sender   User @relation(fields: [senderId], references: [id])\n  senderId Int  @map("sender_id")\n\n  @@index([senderId])\n  @@map("messages")\n}\n${user}`,
    },
  ],
});
