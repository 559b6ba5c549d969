import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProgress, progressWanted } from '../../src/progress/progress.js';

describe('progress', () => {
  const cases: { name: string; isTTY: boolean; env: NodeJS.ProcessEnv; format?: string; wanted: boolean }[] = [
    { name: 'terminal', isTTY: true, env: {}, format: 'text', wanted: true },
    { name: 'piped', isTTY: false, env: {}, wanted: false },
    { name: 'CI', isTTY: true, env: { CI: 'true' }, wanted: false },
    { name: 'CI=false', isTTY: true, env: { CI: 'false' }, wanted: true },
    { name: 'GitHub Actions', isTTY: true, env: { GITHUB_ACTIONS: 'true' }, wanted: false },
    { name: '--format json', isTTY: true, env: {}, format: 'json', wanted: false },
    { name: 'dumb terminal', isTTY: true, env: { TERM: 'dumb' }, wanted: false },
  ];
  for (const c of cases) it(c.name, () => assert.equal(progressWanted(c), c.wanted));

  it('draws on a terminal (throttled) and clears its line when done; writes nothing otherwise', () => {
    let out = '';
    let clock = 0;
    const p = createProgress({ write: (t) => (out += t), isTTY: true, env: {}, intervalMs: 100, now: () => clock });
    const task = p.start('scan', 4);
    task.tick(1, 'a.ts');
    clock = 50;
    task.tick(1, 'b.ts'); // throttled
    clock = 200;
    task.tick(1, 'c.ts');
    task.done();
    assert.equal(out, '\r\x1b[2Kscan 1/4 25%  a.ts\r\x1b[2Kscan 3/4 75%  c.ts\r\x1b[2K');
    let quiet = '';
    const q = createProgress({ write: (t) => (quiet += t), isTTY: true, env: { CI: '1' } });
    const t2 = q.start('scan', 2);
    t2.tick();
    t2.done();
    assert.equal(quiet, '');
  });
});
