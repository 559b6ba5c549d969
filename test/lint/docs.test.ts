import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { isSafeFixKind } from '../../src/diagnostics/fix-kind.js';
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
    // A fixable rule lists what its fixes change, and whether --fix applies them.
    assert.equal(rule.meta.fixable, (rule.meta.fixKinds?.length ?? 0) > 0, `${rule.meta.id}: fixable without fixKinds`);
    for (const kind of rule.meta.fixKinds ?? [])
      assert.ok(section.includes(`${isSafeFixKind(kind) ? 'safe' : 'unsafe'}: \`${kind}\``), `${rule.meta.id}: kind ${kind} not documented`);
    // A fixable rule lists what its fixes change, and whether --fix applies them.
    assert.equal(rule.meta.fixable, (rule.meta.fixKinds?.length ?? 0) > 0, `${rule.meta.id}: fixable without fixKinds`);
    for (const kind of rule.meta.fixKinds ?? [])
      assert.ok(section.includes(`${isSafeFixKind(kind) ? 'safe' : 'unsafe'}: \`${kind}\``), `${rule.meta.id}: kind ${kind} not documented`);
  }
  assert.equal(RULES.filter((r) => r.meta.origin === 'prisma-lint').length, 18);
});
