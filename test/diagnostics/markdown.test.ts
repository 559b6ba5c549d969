import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { markdownReporter } from '../../src/diagnostics/reporters/markdown.js';
import { createStyle } from '../../src/diagnostics/style.js';

const style = createStyle(false);

describe('markdown reporter', () => {
  it('renders a summary and one table per file, escaping table syntax', () => {
    const diagnostics: Diagnostic[] = [
      {
        source: 'lint',
        code: 'require-id',
        severity: 'error',
        message: 'Bad | thing',
        location: { file: 'a.prisma', line: 3, column: 5 },
        model: 'User',
        field: 'email',
        fix: { description: 'add @unique', edits: [], kind: 'schema-only' },
      },
      { source: 'lint', code: 'field-order', severity: 'warning', message: 'Lossy\nin dev', env: 'dev', location: { file: 'b.prisma', line: 1, column: 1 } },
    ];
    const md = markdownReporter(diagnostics, { style, title: 'steward lint' });
    assert.match(md, /^### steward lint$/m);
    assert.match(md, /\*\*1\*\* error, \*\*1\*\* warning/);
    assert.match(md, /^#### `a\.prisma`$/m);
    assert.match(md, /\| ❌ \| 3:5 \| `require-id` \| Bad \\\| thing<br>_fix \(safe, schema only\): add @unique_ \| User\.email \|/);
    assert.match(md, /Lossy<br>in dev \| env: dev \|/);
  });

  it('says so when there is nothing to report', () => {
    assert.match(markdownReporter([], { style }), /No findings/);
  });
});

describe("markdown reporter: a command's own table", () => {
  it('shows the table (escaped) before the findings, and with no findings too', () => {
    const table = {
      header: ['Database', 'Status'],
      rows: [
        ['pglite:a|b', 'drift'],
        ['file:c.db', 'clean'],
      ],
    };
    const drift: Diagnostic[] = [
      { source: 'drift', code: 'missing-column', severity: 'error', message: 'pglite:a|b: column "x" is missing', env: 'production' },
    ];
    const md = markdownReporter(drift, { style, title: 'Schema drift: production', table });
    assert.match(
      md,
      /^### Schema drift: production\n\n\| Database \| Status \|\n\|---\|---\|\n\| pglite:a\\\|b \| drift \|\n\| file:c\.db \| clean \|\n\n\*\*1\*\* error/,
    );
    assert.match(md, /^#### `\(project\)`$/m);
    assert.match(md, /`missing-column` \| pglite:a\\\|b: column "x" is missing \| env: production \|/);
    assert.match(markdownReporter([], { style, table }), /\| file:c\.db \| clean \|\n\n✅ No findings\./);
    assert.match(
      markdownReporter([], { style, table: { ...table, footer: '2 versions in the fleet' } }),
      /\| file:c\.db \| clean \|\n\n2 versions in the fleet\n\n✅ No findings\./,
    );
  });
});
