import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../helpers/corpus.js';
import { run } from '../helpers/project.js';
import { fixtureRepository, git } from '../helpers/review-fixture.js';
import { newFindings } from '../../src/review/new-findings.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { LintRuleId } from '../../src/lint/rules/index.js';

describe('steward review', () => {
  it('on a two-commit fixture repository: the comment matches the snapshot', async () => {
    const dir = await fixtureRepository();
    try {
      const r = await run(dir, 'review', '--base', 'HEAD~1', '--format', 'markdown');
      assert.equal(r.code, 0, r.stderr);
      const snapshot = join(repoRoot, 'test', 'fixtures', 'review', 'comment.md');
      if (process.env.UPDATE_SNAPSHOTS === '1') {
        mkdirSync(join(repoRoot, 'test', 'fixtures', 'review'), { recursive: true });
        writeFileSync(snapshot, r.stdout);
      }
      assert.equal(r.stdout, readFileSync(snapshot, 'utf8'));
      // Nothing in the repository changed: the base was read from git objects.
      assert.equal(git(dir, 'status', '--porcelain'), '');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a base that is not a ref is a usage error (exit 2)', async () => {
    const dir = await fixtureRepository();
    try {
      const r = await run(dir, 'review', '--base', 'no-such-branch');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--base 'no-such-branch' is not a git ref/);
      assert.equal(r.stdout, '');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('new findings: matched by what they say, not by line; counted', () => {
    const d = (code: LintRuleId, line: number, message = `${code} at User`): Diagnostic => ({
      source: 'lint',
      code,
      severity: 'error',
      message,
      location: { file: 's.prisma', line, column: 1 },
    });
    const base = [d('require-id', 3), d('field-order', 5)];
    const head = [d('require-id', 9), d('field-order', 11), d('field-order', 12), d('model-name-prefix', 1)];
    assert.deepEqual(
      newFindings(base, head).map((x) => `${x.code}:${x.location!.line}`),
      ['field-order:12', 'model-name-prefix:1'],
    );
  });
});
