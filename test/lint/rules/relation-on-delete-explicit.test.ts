import { ruleTester } from '../rule-tester.js';

const user = 'model User {\n  id    Int    @id\n  posts Post[]\n}\n';

ruleTester('relation-on-delete-explicit', {
  valid: [`model Post {\n  id       Int  @id\n  author   User @relation(fields: [authorId], references: [id], onDelete: Cascade)\n  authorId Int\n}\n${user}`],
  invalid: [
    {
      name: 'required relation: Restrict is the current behaviour',
      code: `model Post {\n  id       Int  @id\n  author   User @relation(fields: [authorId], references: [id])\n  authorId Int\n}\n${user}`,
      errors: [{ line: 6, messageId: 'missing', message: 'Relation Post.author does not state onDelete (today: Restrict).' }],
      output: `model Post {\n  id       Int  @id\n  author   User @relation(fields: [authorId], references: [id], onDelete: Restrict)\n  authorId Int\n}\n${user}`,
    },
    {
      name: 'optional relation: SetNull',
      code: `model Post {\n  id       Int   @id\n  author   User? @relation(fields: [authorId], references: [id])\n  authorId Int?\n}\n${user}`,
      errors: [{ line: 6, messageId: 'missing', message: /SetNull/ }],
      output: `model Post {\n  id       Int   @id\n  author   User? @relation(fields: [authorId], references: [id], onDelete: SetNull)\n  authorId Int?\n}\n${user}`,
    },
    {
      name: 'SQL Server: NoAction',
      code: `datasource db {\n  provider = "sqlserver"\n}\nmodel Post {\n  id       Int  @id\n  author   User @relation(fields: [authorId], references: [id])\n  authorId Int\n}\n${user}`,
      errors: [{ line: 6, messageId: 'missing', message: /NoAction/ }],
      output: `datasource db {\n  provider = "sqlserver"\n}\nmodel Post {\n  id       Int  @id\n  author   User @relation(fields: [authorId], references: [id], onDelete: NoAction)\n  authorId Int\n}\n${user}`,
    },
  ],
});
