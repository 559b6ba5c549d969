import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { RULES } from '../../src/lint/rules/index.js';
import { repoRoot } from '../helpers/corpus.js';

it('docs/lint.md documents every rule with its options and whether it fixes', () => {
  const docs = readFileSync(join(repoRoot, 'docs', 'lint.md'), 'utf8');
  for (const rule of RULES) {
    const at = docs.indexOf(`#### \`${rule.meta.id}\``);
    assert.ok(at >= 0, `${rule.meta.id} is not documented`);
    const section = docs.slice(at, docs.indexOf('\n#### ', at + 1) === -1 ? undefined : docs.indexOf('\n#### ', at + 1));
    assert.match(section, /\*\*Options:\*\*/);
    assert.match(section, new RegExp(`\\*\\*Fixable:\\*\\* ${rule.meta.fixable ? 'yes' : 'no'}`), rule.meta.id);
  }
  assert.equal(RULES.filter((r) => r.meta.origin === 'prisma-lint').length, 18);
});
