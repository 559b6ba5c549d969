import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseHistory } from '../../src/status/history.js';
import type { StatusReport } from '../../src/status/types.js';
import { PG_MASTER, run, tempProject } from '../helpers/project.js';

describe('steward status', () => {
  it('shows fresh and stale environment files; unavailable sections say so; --record appends history', async () => {
    const dir = tempProject({ 'prisma/schema.master.prisma': PG_MASTER });
    await run(dir, 'generate');
    const dev = join(dir, 'prisma/schema.dev.prisma');
    writeFileSync(dev, readFileSync(dev, 'utf8') + '\n// hand edit\n');
    const r = await run(dir, 'status', '--format', 'json', '--record');
    assert.equal(r.code, 0, r.stderr);
    const envelope = JSON.parse(r.stdout) as { command: string; status: string; data: StatusReport };
    assert.deepEqual([envelope.command, envelope.status], ['status', 'ok']);
    const status = envelope.data;
    assert.deepEqual(
      status.environments.map((e) => `${e.name}: ${e.files.map((f) => f.state).join(',')}`),
      ['dev: edited,fresh', 'production: fresh,fresh'],
    );
    assert.equal(status.models, 2);
    assert.equal(status.release.available, false, 'not a git repository');
    assert.equal(status.release.available === false && status.release.reason, 'not a git repository');
    assert.equal(status.docs.available && status.docs.value.sections, 0);
    const text = await run(dir, 'status');
    assert.match(text.stdout, /dev\s+sqlite\s+prisma\/schema\.dev\.prisma: edited/);
    assert.match(text.stdout, /Release\s+not available \(not a git repository\)/);

    await run(dir, 'generate');
    await run(dir, 'status', '--record');
    const history = parseHistory(readFileSync(join(dir, '.steward/history.jsonl'), 'utf8'));
    assert.deepEqual(
      history.entries.map((e) => e.staleFiles),
      [1, 0],
    );
    assert.equal(history.entries[0].unreleasedChanges, undefined, 'unavailable figures are left out, not zeroed');
  });

  it('parseHistory skips unreadable lines and sorts by time', () => {
    const h = parseHistory('{"time":"2025-02-01T00:00:00Z","staleFiles":2}\nnot json\n{"time":"2025-01-01T00:00:00Z","staleFiles":1}\n{"staleFiles":3}\n');
    assert.deepEqual(
      h.entries.map((e) => e.staleFiles),
      [1, 2],
    );
    assert.deepEqual(h.badLines, [2, 4]);
  });
});
