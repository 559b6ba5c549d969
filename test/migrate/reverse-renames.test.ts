import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlannedRename } from '../../src/migrate/renames.js';
import { reverseRenames } from '../../src/migrate/reverse-renames.js';

const rename = (kind: PlannedRename['kind'], sql: string): PlannedRename => ({ kind, table: '', from: '', to: '', source: 'map', sql });

test('each planned rename form is undone with its names swapped, newest first', () => {
  const renames = [
    rename('table', 'ALTER TABLE "billing"."members" RENAME TO "people";'),
    rename('column', 'ALTER TABLE "billing"."people" RENAME COLUMN "full_name" TO "display ""name""";'),
    rename('enum', 'ALTER TYPE "Role" RENAME TO "UserRole";'),
    rename('enum-value', `ALTER TYPE "UserRole" RENAME VALUE 'ADMIN' TO 'O''Brien';`),
    rename('index', 'ALTER INDEX "people_email_key" RENAME TO "people_mail_key";'),
    rename('table', 'ALTER TABLE "Tag" RENAME TO "Tag__steward_rename";\nALTER TABLE "Tag__steward_rename" RENAME TO "tag";'),
  ];
  assert.deepEqual(reverseRenames(renames), [
    'ALTER TABLE "tag" RENAME TO "Tag__steward_rename";',
    'ALTER TABLE "Tag__steward_rename" RENAME TO "Tag";',
    'ALTER INDEX "people_mail_key" RENAME TO "people_email_key";',
    `ALTER TYPE "UserRole" RENAME VALUE 'O''Brien' TO 'ADMIN';`,
    'ALTER TYPE "UserRole" RENAME TO "Role";',
    'ALTER TABLE "billing"."people" RENAME COLUMN "display ""name""" TO "full_name";',
    'ALTER TABLE "billing"."people" RENAME TO "members";',
  ]);
});

test('a statement of another form makes the reverse unknown', () => {
  assert.equal(reverseRenames([rename('constraint', 'ALTER TABLE "a" RENAME CONSTRAINT "x" TO "y";')]), undefined);
  assert.deepEqual(reverseRenames([]), []);
});
