import { ruleTester } from '../rule-tester.js';

const user = 'model User {\n  id    Int    @id\n  email String @unique\n  name  String\n  posts Post[]\n}\n';

ruleTester('relation-foreign-keys', {
  valid: [`model Post {\n  id       Int  @id\n  author   User @relation(fields: [authorId], references: [id])\n  authorId Int\n}\n${user}`],
  invalid: [
    {
      code: `model Post {\n  id       Int    @id\n  author   User   @relation(fields: [authorId], references: [id])\n  authorId String\n}\n${user}`,
      errors: [{ line: 7, messageId: 'typeMismatch', field: 'authorId', message: 'Foreign key Post.authorId is String but references User.id of type Int.' }],
    },
    {
      code: `model Post {\n  id     Int    @id\n  author User   @relation(fields: [authorName], references: [name])\n  authorName String\n}\n${user}`,
      errors: [{ line: 6, messageId: 'notUnique', field: 'author', message: 'Relation Post.author references User(name), which is neither @id nor @unique.' }],
    },
    {
      code: `model Post {\n  id     Int  @id\n  author User @relation(fields: [authorId], references: [id])\n}\n${user}`,
      errors: [{ line: 6, messageId: 'missingField', message: 'Relation Post.author uses foreign-key field `authorId`, which Post does not have.' }],
    },
  ],
});
