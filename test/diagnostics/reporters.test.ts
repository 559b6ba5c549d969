import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { githubReporter } from '../../src/diagnostics/reporters/github.js';
import { jsonReporter } from '../../src/diagnostics/reporters/json.js';
import { textReporter } from '../../src/diagnostics/reporters/text.js';
import { createStyle } from '../../src/diagnostics/style.js';

// The reporters on their own, without a command: what each prints for the same diagnostics.
const SOURCE = 'model User {\n  id Int @id\n  Email String\n}\n';
const DIAGNOSTICS: Diagnostic[] = [
  {
    source: 'lint',
    code: 'field-name-camel-case',
    severity: 'error',
    message: 'Field name should be in camelCase.',
    location: { file: 'prisma/schema.prisma', line: 3, column: 3, endLine: 3, endColumn: 8 },
    model: 'User',
    field: 'Email',
    notes: ['rename it with @map to keep the column'],
    fix: { description: 'rename to email', edits: [{ file: 'prisma/schema.prisma', start: 28, end: 33, text: 'email' }], kind: 'schema-only' },
  },
  { source: 'generate-changes', code: 'list-to-json', severity: 'warning', message: 'tags: 50%, a list, becomes Json', env: 'dev' },
];
const context = { style: createStyle(false), sources: new Map([['prisma/schema.prisma', SOURCE]]) };

describe('text reporter', () => {
  const out = textReporter(DIAGNOSTICS, context);
  it('prints location, severity, message and code, a code frame under the span, notes and the fix', () => {
    const lines = out.split('\n');
    assert.equal(lines[0], 'prisma/schema.prisma:3:3 error Field name should be in camelCase. [field-name-camel-case]');
    assert.ok(
      lines.some((l) => /^\s*> 3 \|   Email String$/.test(l)),
      out,
    );
    assert.ok(
      lines.some((l) => /^\s*\|\s+\^{5}$/.test(l)),
      out,
    );
    assert.ok(lines.includes('  = rename it with @map to keep the column'), out);
    assert.ok(
      lines.some((l) => l.startsWith('  fix (') && l.endsWith('rename to email')),
      out,
    );
    assert.ok(lines.includes('warning tags: 50%, a list, becomes Json (dev) [list-to-json]'), out);
  });
  it('ends with the counts, and prints only them when there is nothing', () => {
    assert.match(out, /\n1 error, 1 warning\n$/);
    assert.equal(textReporter([], context), '0 errors, 0 warnings\n');
  });
  it('colours only when the style says so', () => {
    assert.doesNotMatch(out, /\u001b\[/);
    assert.match(textReporter(DIAGNOSTICS, { ...context, style: createStyle(true) }), /\u001b\[31merror\u001b\[39m/);
  });
});

describe('JSON reporter', () => {
  const out = jsonReporter(DIAGNOSTICS, { ...context, extra: { fixed: 0 }, command: 'lint', version: '1.2.3' });
  const parsed = JSON.parse(out) as {
    version: string;
    command: string;
    status: string;
    diagnostics: Record<string, unknown>[];
    summary: Record<string, number>;
    data: { fixed: number };
  };
  it('is the envelope: version, command, status, diagnostics, summary and the command data', () => {
    assert.deepEqual(Object.keys(parsed), ['version', 'command', 'status', 'diagnostics', 'summary', 'data']);
    assert.deepEqual([parsed.version, parsed.command, parsed.status], ['1.2.3', 'lint', 'findings']);
    assert.equal(JSON.parse(jsonReporter(DIAGNOSTICS.slice(1), context)).status, 'ok');
    assert.equal(JSON.parse(jsonReporter(DIAGNOSTICS.slice(1), { ...context, failed: true })).status, 'failed');
    // The CLI states the status from the exit code: db drift's findings are data, not error diagnostics.
    assert.equal(JSON.parse(jsonReporter(DIAGNOSTICS.slice(1), { ...context, status: 'findings' })).status, 'findings');
    assert.equal(JSON.parse(jsonReporter(DIAGNOSTICS, { ...context, status: 'ok' })).status, 'ok');
  });
  it('holds every field of every diagnostic, and the summary', () => {
    assert.equal(parsed.diagnostics.length, 2);
    assert.deepEqual(parsed.diagnostics[0], {
      source: 'lint',
      code: 'field-name-camel-case',
      rule: 'field-name-camel-case',
      severity: 'error',
      message: 'Field name should be in camelCase.',
      file: 'prisma/schema.prisma',
      line: 3,
      column: 3,
      endLine: 3,
      endColumn: 8,
      env: null,
      model: 'User',
      field: 'Email',
      notes: ['rename it with @map to keep the column'],
      fix: { description: 'rename to email', edits: [{ file: 'prisma/schema.prisma', start: 28, end: 33, text: 'email' }], kind: 'schema-only', safe: true },
    });
    assert.equal(parsed.diagnostics[1].file, null);
    assert.equal(parsed.diagnostics[1].rule, undefined);
    assert.deepEqual(parsed.summary, { error: 1, warning: 1, info: 0 });
    assert.deepEqual(parsed.data, { fixed: 0 });
  });
  it('puts one diagnostic per line', () => {
    assert.equal(out.split('\n').filter((l) => l.startsWith('{"source":')).length, 2);
  });
  it('is valid for no diagnostics', () => {
    assert.deepEqual(JSON.parse(jsonReporter([], context)), {
      version: null,
      command: null,
      status: 'ok',
      diagnostics: [],
      summary: { error: 0, warning: 0, info: 0 },
      data: {},
    });
  });
});

describe('GitHub reporter', () => {
  const out = githubReporter(DIAGNOSTICS, context);
  it('prints one workflow command per diagnostic, with location and title', () => {
    const lines = out.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.equal(
      lines[0],
      '::error file=prisma/schema.prisma,line=3,col=3,endLine=3,endColumn=8,title=steward lint%3A field-name-camel-case::Field name should be in camelCase.%0Arename it with @map to keep the column',
    );
    assert.equal(lines[1], '::warning title=steward generate-changes%3A list-to-json::tags: 50%25, a list, becomes Json (dev)');
  });
  it('prints nothing for no diagnostics, and info as a notice', () => {
    assert.equal(githubReporter([], context), '');
    assert.match(
      githubReporter([{ source: 'audit', code: 'planned', severity: 'info', message: 'm' }], context),
      /^::notice title=steward audit%3A planned::m\n$/,
    );
  });
});
