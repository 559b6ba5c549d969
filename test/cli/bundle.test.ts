import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { syntheticSchema } from '../../bench/synthetic.js';
import { PG_MASTER, run, tempProject } from '../helpers/project.js';

// The command line users run is the bundle (package.json "bin"); these tests run it as a
// process, the way npx does, and compare it with the compiled modules the other tests use.
const root = join(import.meta.dirname, '..', '..', '..');
const bin = join(root, 'dist', 'bundle', 'bin.js');

function steward(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: undefined, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bundled command line (dist/bundle/bin.js)', () => {
  it('lint, generate, validate, docs and init run from single-file bundles; the others from the chunks', () => {
    for (const name of ['lint', 'generate', 'validate', 'docs', 'init']) assert.ok(existsSync(join(root, 'dist', 'bundle', 'commands', `${name}.js`)), name);
    // check loads the audit, which imports npm packages (oxc-parser, marked) at the top.
    assert.ok(!existsSync(join(root, 'dist', 'bundle', 'commands', 'check.js')));
    for (const args of [['--help'], ['help', 'lint'], ['lint', '--help'], ['check', '--help'], ['--cwd', root, 'lint', '--help']]) {
      const r = steward(root, args);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stdout, /Usage: steward/, args.join(' '));
      assert.doesNotMatch(r.stderr, /not part of the/);
    }
  });

  it('check on the example runs from the chunks, as the compiled modules do', async () => {
    const example = join(root, 'examples', 'messaging-api');
    const bundled = steward(example, ['check', '--format', 'json']);
    const direct = await run(example, 'check', '--format', 'json');
    assert.equal(bundled.code, direct.code, bundled.stderr);
    assert.equal(bundled.stdout, direct.stdout);
  });

  it('is the package bin and reports the package version', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
    assert.equal(join(root, pkg.bin.steward), bin);
    const r = steward(root, ['--version']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), pkg.version);
  });

  it('lints the example exactly as the compiled modules do', async () => {
    const example = join(root, 'examples', 'messaging-api');
    const bundled = steward(example, ['lint', '--format', 'json']);
    const direct = await run(example, 'lint', '--format', 'json');
    assert.equal(bundled.code, direct.code, bundled.stderr);
    assert.equal(bundled.stdout, direct.stdout);
    assert.ok(JSON.parse(bundled.stdout).diagnostics.length > 0);
  });

  it('generates a large master through its worker threads, and check is then clean', () => {
    // Over 400 KB: the master is planned in a worker, and with the threshold lowered every
    // environment file is finished in a worker too. Both load their scripts by package name.
    const dir = tempProject({ 'prisma/schema.master.prisma': syntheticSchema(600) });
    try {
      assert.ok(readFileSync(join(dir, 'prisma/schema.master.prisma')).length > 400_000);
      const gen = steward(dir, ['generate', '--quiet'], { STEWARD_PARALLEL_THRESHOLD: '1000' });
      assert.equal(gen.code, 0, gen.stderr + gen.stdout);
      assert.ok(existsSync(join(dir, 'prisma/schema.dev.prisma')));
      const check = steward(dir, ['generate', '--check']);
      assert.equal(check.code, 0, check.stderr + check.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a malformed master is exit 2 with file:line:col, no stack trace', () => {
    const dir = tempProject({ 'prisma/schema.master.prisma': PG_MASTER.replace('model Post {', 'model Post {\n  broken') });
    try {
      const r = steward(dir, ['lint']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /prisma\/schema\.master\.prisma:\d+:\d+/);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
