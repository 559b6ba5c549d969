import { ruleTester } from '../rule-tester.js';

const user = 'model User {\n  id      Int      @id\n  profile Profile?\n}\n';

ruleTester('relation-one-to-one-unique', {
  valid: [`model Profile {\n  id     Int  @id\n  user   User @relation(fields: [userId], references: [id])\n  userId Int  @unique\n}\n${user}`],
  invalid: [
    {
      code: `model Profile {\n  id     Int  @id\n  user   User @relation(fields: [userId], references: [id])\n  userId Int\n}\n${user}`,
      errors: [{ line: 6, messageId: 'notUnique', field: 'user', message: 'One-to-one relation Profile.user: foreign key (userId) should be @unique.' }],
    },
  ],
});
