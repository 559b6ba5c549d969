import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prismaLintSnakeCase } from '../../src/lint/compat/prisma-lint-case.js';
import { nameWords, toCamelCase, toPascalCase, toSnakeCase, toTableName } from '../../src/schema/naming.js';

/** One table for every conversion lint, audit, fixes and suggestions make: words, snake, camel, Pascal. */
describe('naming: one table of words and cases', () => {
  const table: { input: string; words: string; snake: string; camel: string; pascal: string; keep?: string[] }[] = [
    { input: 'userId', words: 'user id', snake: 'user_id', camel: 'userId', pascal: 'UserId' },
    { input: 'userID', words: 'user id', snake: 'user_id', camel: 'userId', pascal: 'UserId' },
    { input: 'user_id', words: 'user id', snake: 'user_id', camel: 'userId', pascal: 'UserId' },
    { input: 'lastReadAt', words: 'last read at', snake: 'last_read_at', camel: 'lastReadAt', pascal: 'LastReadAt' },
    { input: 'last_read_at', words: 'last read at', snake: 'last_read_at', camel: 'lastReadAt', pascal: 'LastReadAt' },
    { input: 'LastReadAt', words: 'last read at', snake: 'last_read_at', camel: 'lastReadAt', pascal: 'LastReadAt' },
    { input: 'oauth2Token', words: 'oauth2 token', snake: 'oauth2_token', camel: 'oauth2Token', pascal: 'Oauth2Token' },
    { input: 'HTTPServer', words: 'http server', snake: 'http_server', camel: 'httpServer', pascal: 'HttpServer' },
    { input: 'imageURLs', words: 'image urls', snake: 'image_urls', camel: 'imageUrls', pascal: 'ImageUrls' },
    { input: 'image_urls', words: 'image urls', snake: 'image_urls', camel: 'imageUrls', pascal: 'ImageUrls' },
    { input: 'address2', words: 'address2', snake: 'address2', camel: 'address2', pascal: 'Address2' },
    { input: 's3Key', words: 's3 key', snake: 's3_key', camel: 's3Key', pascal: 'S3Key' },
    {
      input: 'ConversationParticipant',
      words: 'conversation participant',
      snake: 'conversation_participant',
      camel: 'conversationParticipant',
      pascal: 'ConversationParticipant',
    },
    { input: 'IN_PROGRESS', words: 'in progress', snake: 'in_progress', camel: 'inProgress', pascal: 'InProgress' },
    { input: 'phone-number', words: 'phone number', snake: 'phone_number', camel: 'phoneNumber', pascal: 'PhoneNumber' },
    { input: 'iOSVersion', words: 'ios version', snake: 'ios_version', camel: 'iosVersion', pascal: 'IosVersion', keep: ['iOS'] },
    { input: 'émailPrincipal', words: 'émail principal', snake: 'émail_principal', camel: 'émailPrincipal', pascal: 'ÉmailPrincipal' },
    { input: 'ÉtatCivil', words: 'état civil', snake: 'état_civil', camel: 'étatCivil', pascal: 'ÉtatCivil' },
    { input: 'myOAuth2Client', words: 'my oauth2 client', snake: 'my_oauth2_client', camel: 'myOauth2Client', pascal: 'MyOauth2Client', keep: ['OAuth2'] },
  ];
  for (const row of table) {
    it(`${row.input}${row.keep ? ` (keeping ${row.keep.join(', ')})` : ''}`, () => {
      assert.equal(nameWords(row.input, row.keep).join(' '), row.words, 'words');
      assert.equal(toSnakeCase(row.input, row.keep), row.snake, 'snake');
      assert.equal(toCamelCase(row.input, row.keep), row.camel, 'camel');
      assert.equal(toPascalCase(row.input, row.keep), row.pascal, 'pascal');
    });
  }

  it('table names: last word plural or singular', () => {
    assert.equal(toTableName('ConversationParticipant', 'plural'), 'conversation_participants');
    assert.equal(toTableName('Categories', 'singular'), 'category');
    assert.equal(toTableName('UserData', 'unchanged'), 'user_data');
  });

  it("prisma-lint's conversion is kept for its rules (userID → user_i_d)", () => {
    assert.equal(prismaLintSnakeCase('userID'), 'user_i_d');
    assert.equal(prismaLintSnakeCase('oauth2Token'), 'oauth_2_token');
  });
});
