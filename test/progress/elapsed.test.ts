import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withElapsed } from '../../src/progress/elapsed.js';
import { createProgress } from '../../src/progress/progress.js';
import { renderStepSummary } from '../../src/cli/commands/check.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('elapsed-time progress (verify, migrate create, check, drift)', () => {
  it('on a terminal: what runs and its seconds, redrawn, the line cleared at the end and while paused', async () => {
    let out = '';
    const progress = createProgress({ write: (t) => (out += t), isTTY: true, env: {}, intervalMs: 0 });
    const result = await withElapsed(progress, 'migrate create', async (task) => {
      task.step('production');
      await sleep(250);
      task.pause();
      const whilePaused = out.length;
      await sleep(250);
      assert.equal(out.length, whilePaused, 'nothing drawn while a question is asked');
      task.resume();
      return 42;
    });
    assert.equal(result, 42);
    const lines = out.split('\r\x1b[2K').filter(Boolean);
    assert.ok(lines.length >= 3, JSON.stringify(out));
    assert.match(lines[0], /^migrate create  production  0\.\ds$/);
    assert.ok(
      lines.some((l) => /  0\.[2-9]s$/.test(l)),
      'the seconds advance',
    );
    assert.ok(out.endsWith('\r\x1b[2K'), 'cleared at the end');
  });

  it('not a terminal (or CI): nothing at all', async () => {
    for (const options of [
      { isTTY: false, env: {} },
      { isTTY: true, env: { CI: 'true' } },
    ]) {
      let out = '';
      const progress = createProgress({ write: (t) => (out += t), ...options });
      await withElapsed(progress, 'verify', async () => sleep(150));
      assert.equal(out, '');
    }
  });

  it("check's summary: one line per step with ran, passed, findings, time", () => {
    const d = (severity: Diagnostic['severity']): Diagnostic => ({ source: 'lint', code: 'require-id', severity, message: 'm' });
    const text = renderStepSummary([
      { name: 'generate --check, validate', ran: true, diagnostics: [], ms: 210 },
      { name: 'lint', ran: true, diagnostics: [d('error'), d('error'), d('warning')], ms: 1234 },
      { name: 'verify (with --verify)', ran: false },
    ]);
    assert.equal(
      text,
      [
        '',
        'steps:',
        '  ✓ generate --check, validate  passed  no findings  0.2s',
        '  ✗ lint                        failed  2 errors, 1 other finding  1.2s',
        '  - verify (with --verify)      skipped',
        '',
      ].join('\n'),
    );
  });
});
