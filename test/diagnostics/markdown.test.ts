import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { markdownReporter } from '../../src/diagnostics/reporters/markdown.js';
import { createStyle } from '../../src/diagnostics/style.js';

const style = createStyle(false);

describe('markdown reporter', () => {
  it('renders a summary and one table per file, escaping table syntax', () => {
    const diagnostics: Diagnostic[] = [
      { source: 'lint', code: 'rule-a', severity: 'error', message: 'Bad | thing', location: { file: 'a.prisma', line: 3, column: 5 }, model: 'User', field: 'email', fix: { description: 'add @unique', edits: [], kind: 'schema-only' } },
      { source: 'lint', code: 'rule-b', severity: 'warning', message: 'Lossy\nin dev', env: 'dev', location: { file: 'b.prisma', line: 1, column: 1 } },
    ];
    const md = markdownReporter(diagnostics, { style, title: 'steward lint' });
    assert.match(md, /^### steward lint$/m);
    assert.match(md, /\*\*1\*\* error, \*\*1\*\* warning/);
    assert.match(md, /^#### `a\.prisma`$/m);
    assert.match(md, /\| ❌ \| 3:5 \| `rule-a` \| Bad \\\| thing<br>_fix \(safe, schema only\): add @unique_ \| User\.email \|/);
    assert.match(md, /Lossy<br>in dev \| env: dev \|/);
  });

  it('says so when there is nothing to report', () => {
    assert.match(markdownReporter([], { style }), /No findings/);
  });
});
