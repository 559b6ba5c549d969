import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load.js';
import { generateOnChange, type WatchEvent } from '../../src/watch/generate-on-change.js';
import { PG_MASTER, run, tempProject } from '../helpers/project.js';

describe('generate --watch', () => {
  it('regenerates after the master changes, reports a broken master and keeps watching', { timeout: 60_000 }, async () => {
    const dir = tempProject({ 'prisma/schema.master.prisma': PG_MASTER });
    await run(dir, 'generate');
    const config = await loadConfig({ cwd: dir });
    const controller = new AbortController();
    const events: WatchEvent[] = [];
    let notify: () => void = () => {};
    const next = () => new Promise<void>((resolve) => (notify = resolve));
    const done = generateOnChange(
      config,
      (e) => {
        events.push(e);
        notify();
      },
      { signal: controller.signal, debounceMs: 50 },
    );
    const master = join(dir, 'prisma/schema.master.prisma');
    await new Promise((r) => setTimeout(r, 100));
    let wait = next();
    writeFileSync(master, PG_MASTER.replace('title    String', 'title    String\n  subtitle String?'));
    await wait;
    assert.equal(events[0].kind, 'generated');
    assert.match(readFileSync(join(dir, 'prisma/schema.dev.prisma'), 'utf8'), /subtitle/);
    wait = next();
    writeFileSync(master, PG_MASTER + '\nmodel {\n');
    await wait;
    assert.equal(events[1].kind, 'failed');
    wait = next();
    writeFileSync(master, PG_MASTER);
    await wait;
    assert.equal(events[2].kind, 'generated');
    assert.doesNotMatch(readFileSync(join(dir, 'prisma/schema.dev.prisma'), 'utf8'), /subtitle/);
    controller.abort();
    await done;
  });
});
