import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { syntheticSchema } from '../../bench/synthetic.js';
import { PG_MASTER, run, tempProject } from '../helpers/project.js';

// The command line users run is the bundle (package.json "bin"); these tests run it as a
// process, the way npx does, and compare it with the compiled modules the other tests use.
const root = join(import.meta.dirname, '..', '..', '..');
const bin = join(root, 'dist', 'bundle', 'bin.js');

// Each test run keeps its V8 code cache to itself.
const codeCache = mkdtempSync(join(tmpdir(), 'steward-code-cache-'));

function steward(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: undefined, STEWARD_CODE_CACHE: codeCache, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bundled command line (dist/bundle/bin.js)', () => {
  it('lint, generate, validate and docs run from single-file bundles; the others from the chunks', () => {
    for (const name of ['lint', 'generate', 'validate', 'docs']) assert.ok(existsSync(join(root, 'dist', 'bundle', 'commands', `${name}.cjs`)), name);
    // init reads lockfiles (yaml, semver) to find the project's Prisma major: a one-off command, from the chunks.
    // check loads the audit, which imports npm packages (oxc-parser, marked) at the top.
    assert.ok(!existsSync(join(root, 'dist', 'bundle', 'commands', 'check.cjs')));
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

  it('is what the package bin runs, and reports the package version', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
    const r = steward(root, ['--version']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), pkg.version);
    // The bin (dist/src/cli/bin.js) hands over to the bundle: the code cache it writes proves it.
    const cacheDir = mkdtempSync(join(tmpdir(), 'steward-code-cache-'));
    try {
      const viaBin = spawnSync(process.execPath, [join(root, pkg.bin.steward), 'lint', '--help'], {
        encoding: 'utf8',
        env: { ...process.env, STEWARD_CODE_CACHE: cacheDir },
      });
      assert.equal(viaBin.status, 0, viaBin.stderr);
      assert.ok(readdirSync(cacheDir).some((f) => f.startsWith('lint.cjs-')));
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
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

  it('runs a single-file command with a V8 code cache: written once, then used; a bad cache is replaced', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'steward-code-cache-'));
    // A TypeScript configuration: its loading goes through the bundle's import() calls.
    const dir = tempProject({
      'prisma/schema.master.prisma': PG_MASTER,
      'steward.config.ts': "import type {} from 'node:fs';\nexport default { lint: { preset: 'recommended' as const } };\n",
    });
    try {
      const env = { STEWARD_CODE_CACHE: cacheDir };
      const first = steward(dir, ['lint', '--format', 'json'], env);
      assert.ok([0, 1].includes(first.code!), first.stderr);
      const files = readdirSync(cacheDir).filter((f) => f.startsWith('lint.cjs-'));
      assert.equal(files.length, 1, 'one cache file for the lint bundle');
      const cached = steward(dir, ['lint', '--format', 'json'], env);
      assert.equal(cached.stdout, first.stdout);
      assert.equal(cached.stderr, first.stderr);
      writeFileSync(join(cacheDir, files[0]), 'not a V8 code cache');
      const rejected = steward(dir, ['lint', '--format', 'json'], env);
      assert.equal(rejected.stdout, first.stdout);
      assert.ok(readFileSync(join(cacheDir, files[0])).length > 1000, 'the bad cache was rewritten');
      const off = steward(dir, ['lint', '--format', 'json'], { STEWARD_CODE_CACHE: 'off' });
      assert.equal(off.stdout, first.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('stops quietly when the reader closes the pipe', () => {
    // About 1,000 findings: far more output than a pipe holds, so the write fails with EPIPE.
    const dir = tempProject({ 'prisma/schema.master.prisma': syntheticSchema(150) });
    try {
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" lint --format json | head -c 10`], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, STEWARD_CODE_CACHE: codeCache },
      });
      assert.equal(r.stdout.length, 10);
      assert.doesNotMatch(r.stderr, /EPIPE|Error/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
