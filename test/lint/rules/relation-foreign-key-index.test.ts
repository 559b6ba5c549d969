import { ruleTester } from '../rule-tester.js';

const user = 'model User {\n  id       Int       @id\n  messages Message[]\n}\n';

ruleTester('relation-foreign-key-index', {
  valid: [
    `model Message {\n  id       Int  @id\n  sender   User @relation(fields: [senderId], references: [id])\n  senderId Int\n\n  @@index([senderId, id])\n}\n${user}`,
    { name: 'leading a @@unique counts', code: `model Message {\n  id       Int  @id\n  sender   User @relation(fields: [senderId], references: [id])\n  senderId Int\n\n  @@unique([senderId, id])\n}\n${user}` },
  ],
  invalid: [
    {
      code: `model Message {\n  id       Int  @id\n  sender   User @relation(fields: [senderId], references: [id])\n  senderId Int\n}\n${user}`,
      errors: [{ line: 6, field: 'sender', message: 'Foreign key Message(senderId) of relation sender is not indexed.' }],
      output: `model Message {\n  id       Int  @id\n  sender   User @relation(fields: [senderId], references: [id])\n  senderId Int\n\n  @@index([senderId])\n}\n${user}`,
    },
    {
      name: 'second field of a compound index does not count',
      code: `model Message {\n  id       Int  @id\n  sender   User @relation(fields: [senderId], references: [id])\n  senderId Int\n\n  @@index([id, senderId])\n}\n${user}`,
      errors: [{ line: 6 }],
      output: `model Message {\n  id       Int  @id\n  sender   User @relation(fields: [senderId], references: [id])\n  senderId Int\n\n  @@index([id, senderId])\n  @@index([senderId])\n}\n${user}`,
    },
  ],
});
