import { ruleTester } from '../rule-tester.js';

ruleTester('column-name-snake-case', {
  valid: [
    'model A {\n  id         Int      @id\n  email      String\n  lastReadAt DateTime @map("last_read_at")\n}\n',
    {
      name: 'relation fields have no column',
      code: 'model A {\n  id Int @id\n  bs B[]\n}\nmodel B {\n  id  Int @id\n  a   A   @relation(fields: [aId], references: [id])\n  aId Int @map("a_id")\n}\n',
    },
    { name: 'a legacy snake_case column is kept', code: 'model A {\n  id    Int    @id\n  email String @map("email_address")\n}\n' },
  ],
  invalid: [
    {
      name: 'acronyms and digits stay with their word',
      code: 'model A {\n  id          Int    @id\n  userID      Int\n  oauth2Token String // provider token\n  imageURLs   String\n}\n',
      errors: [
        {
          line: 6,
          messageId: 'missingMap',
          column: 3,
          field: 'userID',
          message: 'Column of A.userID should be mapped to snake_case: add @map("user_id").',
          fixKind: 'rename-column',
          migration: 'ALTER TABLE "A" RENAME COLUMN "userID" TO "user_id";',
        },
        { line: 7, messageId: 'missingMap', field: 'oauth2Token', message: /oauth2_token/ },
        { line: 8, messageId: 'missingMap', field: 'imageURLs', message: /image_urls/ },
      ],
      output:
        'model A {\n  id          Int    @id\n  userID      Int @map("user_id")\n  oauth2Token String @map("oauth2_token") // provider token\n  imageURLs   String @map("image_urls")\n}\n',
    },
    {
      name: 'a camelCase @map is replaced',
      code: 'model A {\n  id         Int      @id\n  lastReadAt DateTime @map("lastReadAt")\n}\n',
      errors: [
        { line: 6, messageId: 'notSnake', column: 28, message: 'Column name "lastReadAt" of A.lastReadAt is not snake_case (expected "last_read_at").' },
      ],
      output: 'model A {\n  id         Int      @id\n  lastReadAt DateTime @map("last_read_at")\n}\n',
    },
    {
      name: 'configured words',
      code: 'model A {\n  id         Int    @id\n  iOSVersion String\n}\n',
      options: { words: ['iOS'] },
      errors: [{ line: 6, messageId: 'missingMap', message: /ios_version/ }],
      output: 'model A {\n  id         Int    @id\n  iOSVersion String @map("ios_version")\n}\n',
    },
    {
      name: 'no fix when the column name is taken',
      code: 'model A {\n  id         Int      @id\n  createdAt  DateTime\n  created_at Int?\n}\n',
      errors: [
        { line: 6, messageId: 'collision', message: 'Column of A.createdAt should be snake_case, but "created_at" is already the column of A.created_at.' },
      ],
    },
  ],
});
