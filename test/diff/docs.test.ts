import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DIFF_CODE_LIST, DIFF_CODES } from '../../src/diff/codes.js';
import { repoRoot } from './helpers.js';

test('docs/changes.md and the README list every change code with its severity', () => {
  const docs = readFileSync(join(repoRoot, 'docs', 'changes.md'), 'utf8');
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  for (const code of DIFF_CODE_LIST) {
    assert.ok(docs.includes(`| \`${code}\` | ${DIFF_CODES[code].severity} |`), `docs/changes.md: ${code}`);
    const row = readme.split('\n').find((l) => l.startsWith(`| ${DIFF_CODES[code].severity} |`));
    assert.ok(row?.includes(`\`${code}\``), `README: ${code} under ${DIFF_CODES[code].severity}`);
  }
});
