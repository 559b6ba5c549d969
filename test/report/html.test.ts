import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { ChangeCode } from '../../src/generate/changes.js';
import type { LintRuleId } from '../../src/lint/rules/index.js';
import { renderReportHtml } from '../../src/report/html.js';
import { reportLinks } from '../../src/report/links.js';
import { markdownToHtml } from '../../src/report/markdown.js';
import type { ReportData } from '../../src/report/data.js';

const na = { available: false as const, reason: 'not run' };

function data(findings: ReportData['findings'], changelog: ReportData['changelog'], linkBase?: string): ReportData {
  const links = reportLinks('/p', '/p/out/report.html', linkBase);
  return {
    title: 'Schema report',
    status: {
      generatedAt: '2026-01-01T00:00:00Z',
      master: 'prisma/schema.prisma',
      models: 1,
      environments: [],
      docs: na,
      lint: na,
      audit: na,
      migrations: na,
      release: na,
      drift: na,
    },
    diagramSvg: '<svg class="er-diagram"></svg>',
    models: 1,
    relationships: 0,
    findings,
    changelog,
    history: [],
    ...links,
  };
}

const diag = (code: LintRuleId, severity: Diagnostic['severity'], message = `${code} message`): Diagnostic => ({
  source: 'lint',
  code,
  severity,
  message,
  location: { file: 'prisma/schema.prisma', line: 3, column: 1 },
});
const conversion = (code: ChangeCode): Diagnostic => ({
  source: 'generate-changes',
  code,
  severity: 'info',
  message: `${code} message`,
  location: { file: 'prisma/schema.prisma', line: 3, column: 1 },
});

describe('report HTML', () => {
  it('markdown by marked: escapes as markdown means them, raw HTML shown as text, markers dropped', () => {
    const html = markdownToHtml(
      '<!-- steward:changelog -->\nTable `payment\\_histories` is **new**.\n\n<img src=x onerror=alert(1)>\n\n## Added\n- [m1](migrations/m1/migration.sql)',
    );
    assert.match(html, /Table <code>payment\\_histories<\/code> is <strong>new<\/strong>\./);
    assert.ok(!html.includes('steward:changelog'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;') && !html.includes('<img'));
    assert.match(html, /<h5>Added<\/h5>/);
    const outside = markdownToHtml('payment\\_histories');
    assert.match(outside, /payment_histories/);
  });

  it('links in the changelog are resolved from the changelog to the report (and under --link-base)', () => {
    const rel = reportLinks('/p', '/p/out/report.html');
    assert.equal(rel.href('migrations/dev/2026_init/migration.sql', 'prisma/SCHEMA_CHANGELOG.md'), '../prisma/migrations/dev/2026_init/migration.sql');
    assert.equal(rel.href('../docs/a b.md#x', 'prisma/SCHEMA_CHANGELOG.md'), '../docs/a%20b.md#x');
    assert.equal(rel.href('https://example.com/a', 'prisma/SCHEMA_CHANGELOG.md'), 'https://example.com/a');
    assert.equal(rel.href('#top', 'prisma/SCHEMA_CHANGELOG.md'), '#top');
    assert.equal(rel.link('prisma/schema.prisma', 7), '../prisma/schema.prisma#L7');
    const base = reportLinks('/p', '/p/out/report.html', 'https://github.com/o/r/blob/main/');
    assert.equal(
      base.href('migrations/dev/m/migration.sql', 'prisma/SCHEMA_CHANGELOG.md'),
      'https://github.com/o/r/blob/main/prisma/migrations/dev/m/migration.sql',
    );
    assert.equal(base.link('prisma/schema.prisma', 7), 'https://github.com/o/r/blob/main/prisma/schema.prisma#L7');
    const page = renderReportHtml(
      data([], {
        available: true,
        source: 'prisma/SCHEMA_CHANGELOG.md',
        sections: [{ heading: '1.0.0', markdown: '- dev: [init](migrations/dev/init/migration.sql)' }],
      }),
    );
    assert.ok(page.includes('<a href="../prisma/migrations/dev/init/migration.sql">init</a>'));
  });

  it('findings grouped by code with counts, sources with errors first and open, information collapsed', () => {
    const page = renderReportHtml(
      data(
        [
          {
            title: 'Environment conversions',
            source: 'generate-changes',
            available: true,
            diagnostics: Array.from({ length: 97 }, (_, i) => conversion(i % 2 ? 'native-type-removed' : 'default-mapped')),
          },
          {
            title: 'Lint',
            source: 'lint',
            available: true,
            diagnostics: [diag('field-name-camel-case', 'warning'), diag('require-id', 'error'), diag('field-name-camel-case', 'warning')],
          },
          { title: 'Audit', source: 'audit', available: false, reason: 'no code' },
        ],
        { available: false, reason: 'none' },
      ),
    );
    const groups = [...page.matchAll(/<details class="group" data-source="([^"]+)"( open)?>/g)].map((m) => `${m[1]}${m[2] ? ' open' : ''}`);
    assert.deepEqual(groups, ['lint open', 'generate-changes', 'audit']);
    const codes = [...page.matchAll(/<details class="code" data-code="([^"]+)"( open)?><summary>.*?<span class="count">(\d+)<\/span>/g)].map(
      (m) => `${m[1]}${m[2] ? ' open' : ''} ${m[3]}`,
    );
    assert.deepEqual(codes, ['require-id open 1', 'field-name-camel-case 2', 'default-mapped 49', 'native-type-removed 48']);
    assert.match(page, /1 error<\/span> · <span class="sev-warning">2 warnings<\/span> · <span class="sev-info">97 info/);
    assert.match(page, /@media print\{/);
    // The one script is allowed by its hash, nothing else.
    const csp = /content="([^"]*script-src[^"]*)"/.exec(page)![1];
    assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+'$/);
    assert.equal(page.match(/<script>/g)?.length, 1);
  });
});
