import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toSnakeCase, toTableName } from '../../src/lint/naming.js';
import { prismaLintSnakeCase } from '../../src/lint/compat/prisma-lint-case.js';

describe('snake_case names', () => {
  const cases: [string, string, string[]?][] = [
    ['userId', 'user_id'],
    ['userID', 'user_id'],
    ['oauth2Token', 'oauth2_token'],
    ['HTTPServer', 'http_server'],
    ['imageURLs', 'image_urls'],
    ['address2', 'address2'],
    ['s3Key', 's3_key'],
    ['last_read_at', 'last_read_at'],
    ['iOSVersion', 'ios_version', ['iOS']],
    ['myOAuth2Client', 'my_oauth2_client', ['OAuth2']],
  ];
  for (const [input, expected, words] of cases) {
    it(`${input} → ${expected}`, () => assert.equal(toSnakeCase(input, words), expected));
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
