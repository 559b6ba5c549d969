import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../helpers/corpus.js';
import { run } from '../helpers/project.js';

describe('usage-aware diff with the audit code scanner', () => {
  it('marks a removed field that services still use as breaking, with its call sites', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steward-usage-'));
    try {
      cpSync(join(repoRoot, 'examples', 'messaging-api'), dir, { recursive: true });
      rmSync(join(dir, 'steward.config.ts'));
      const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
      git('init', '-q');
      git('-c', 'user.email=t@example.com', '-c', 'user.name=T', 'add', '-A');
      git('-c', 'user.email=t@example.com', '-c', 'user.name=T', 'commit', '-qm', 'v1');
      git('tag', 'schema-v1.0.0');
      const master = join(dir, 'api/prisma/schema.master.prisma');
      writeFileSync(master, readFileSync(master, 'utf8').replace(/^\s*content\s+String.*$/m, ''));
      const r = await run(dir, 'diff', '--format', 'json');
      const { changes } = (
        JSON.parse(r.stdout) as {
          data: { changes: { code: string; model: string; field: string; severity: string; reason: string; usages?: { file: string; line: number }[] }[] };
        }
      ).data;
      const removed = changes.find((c) => c.code === 'field-removed' && c.model === 'Message' && c.field === 'content')!;
      assert.equal(removed.severity, 'breaking');
      assert.match(removed.reason, /application breaks/);
      assert.ok(removed.usages!.some((u) => u.file === 'api/src/services/message.service.ts' && u.line > 0));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
