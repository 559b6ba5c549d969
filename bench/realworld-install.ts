/**
 * A real application's dependencies, installed for the benchmarks only (never for `npm test`):
 * `npm install --ignore-scripts` of the app's package.json (the apps ship without lockfiles)
 * into a cache folder keyed by the package.json's hash, so reruns reuse it. The app itself is
 * copied to a fresh temporary folder whose node_modules links to the cached install; the
 * read-only ../shared tree is never written.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Longest an install may take before the app is skipped. */
const INSTALL_TIMEOUT_MS = 10 * 60 * 1000;
const MARKER = '.steward-bench-installed';

export type InstalledApp = { ok: true; dir: string; installed: 'cached' | 'now'; installMs: number; remove(): void } | { ok: false; reason: string };

/** Copies `appDir` to a temporary folder with its dependencies installed (from the cache when it has them). */
export async function installedApp(appDir: string): Promise<InstalledApp> {
  const manifest = readFileSync(join(appDir, 'package.json'), 'utf8');
  const cacheRoot = process.env.STEWARD_BENCH_APP_CACHE ?? join(tmpdir(), 'steward-bench-realworld');
  const cached = join(cacheRoot, `${basename(appDir)}-${createHash('sha256').update(manifest).digest('hex').slice(0, 12)}`);
  const start = performance.now();
  let installed: 'cached' | 'now' = 'cached';
  if (!existsSync(join(cached, MARKER))) {
    installed = 'now';
    const work = `${cached}.${process.pid}.tmp`;
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    writeFileSync(join(work, 'package.json'), manifest);
    const failure = await npmInstall(work);
    if (failure) {
      rmSync(work, { recursive: true, force: true });
      return { ok: false, reason: failure };
    }
    writeFileSync(join(work, MARKER), `${new Date().toISOString()}\n`);
    rmSync(cached, { recursive: true, force: true });
    renameSync(work, cached);
  }
  const installMs = performance.now() - start;
  const dir = mkdtempSync(join(tmpdir(), `steward-bench-${basename(appDir)}-`));
  cpSync(appDir, dir, { recursive: true });
  symlinkSync(join(cached, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { ok: true, dir, installed, installMs, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs the install; undefined when it succeeded, else why not (the last lines npm printed). */
function npmInstall(dir: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    // --legacy-peer-deps: without a lockfile, today's peer ranges of an older app often conflict.
    const child = spawn('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--legacy-peer-deps'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output = (output + d).slice(-4000)));
    child.stderr.on('data', (d) => (output = (output + d).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGTERM'), INSTALL_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(`npm could not start: ${error.message}`);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(undefined);
      const last = output.trim().split('\n').slice(-2).join(' / ');
      resolve(signal ? `npm install did not finish within ${INSTALL_TIMEOUT_MS / 60000} min` : `npm install failed (exit ${code}): ${last}`);
    });
  });
}
