import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { sarifReporter } from '../../src/diagnostics/reporters/sarif.js';
import { createStyle } from '../../src/diagnostics/style.js';

describe('sarif reporter', () => {
  it('maps severities, rules and locations; fingerprints ignore line numbers', () => {
    const d = (line: number, severity: Diagnostic['severity'], source: 'lint' | 'audit' = 'lint'): Diagnostic => ({
      ...(source === 'lint' ? ({ source, code: 'require-id' } as const) : ({ source, code: 'planned' } as const)),
      severity,
      message: 'm',
      location: { file: 'prisma/a b.prisma', line, column: 2 },
    });
    // biome-ignore lint/suspicious/noExplicitAny: SARIF's JSON read back untyped
    const render = (list: Diagnostic[]) => JSON.parse(sarifReporter(list, { style: createStyle(false), cwd: '/repo' })) as any;
    const out = render([d(3, 'error'), d(4, 'info', 'audit')]);
    assert.equal(out.version, '2.1.0');
    assert.deepEqual(
      out.runs[0].tool.driver.rules.map((r: { id: string }) => r.id),
      ['audit/planned', 'require-id'],
    );
    assert.deepEqual(
      out.runs[0].results.map((r: { level: string }) => r.level),
      ['error', 'note'],
    );
    assert.equal(out.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'prisma/a%20b.prisma');
    assert.equal(out.runs[0].results[0].partialFingerprints.stewardFinding, render([d(30, 'error')]).runs[0].results[0].partialFingerprints.stewardFinding);
  });
});
