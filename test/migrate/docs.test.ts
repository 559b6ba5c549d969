import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DRIFT_CODES } from '../../src/catalog/codes.js';
import { MIGRATION_RULES } from '../../src/migrate/lint/rules.js';
import { REPOSITORY_ROOT } from '../helpers/example-project.js';

const guide = readFileSync(path.join(REPOSITORY_ROOT, 'docs/migrations.md'), 'utf8');

test('docs/migrations.md documents every safety code with its severity', () => {
  for (const rule of MIGRATION_RULES) {
    assert.match(guide, new RegExp(`\\| \`${rule.code}\` \\| ${rule.severity} \\|`), rule.code);
  }
});

test('docs/migrations.md lists every drift code', () => {
  for (const code of Object.keys(DRIFT_CODES)) assert.ok(guide.includes(`\`${code}\``), code);
});
