#!/usr/bin/env node
// Entry of the bundled command line, dist/bundle/bin.js (built by scripts/bundle.mjs; it is
// not meant to run from dist/src). A command whose code imports no npm package at start-up
// has a single-file bundle of its own, dist/bundle/commands/<name>.cjs, run with V8's code
// cache (code-cache.ts): one file to load instead of about twenty chunks, and no compiling
// after the first run (measured: `steward lint` 18 ms faster). Every other command, and help
// and --version, run from the shared bundle dist/bundle/main.js. Exactly one of the two is
// loaded in a process, so no module exists twice.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { commandIndex } from './argv.js';
import { loadCommonJsBundle } from './code-cache.js';
import { settleExitCode } from './exit-code.js';
import { tuneV8ForShortRuns } from './v8-flags.js';

tuneV8ForShortRuns();
const argv = process.argv.slice(2);
const index = commandIndex(argv);
const name = index === -1 ? undefined : argv[index];
const own = name !== undefined && /^[a-z]+$/.test(name) ? fileURLToPath(new URL(`./commands/${name}.cjs`, import.meta.url)) : undefined;
type RunCli = typeof import('./main.js').runCli;
if (own !== undefined && existsSync(own)) {
  const setting = process.env.STEWARD_CODE_CACHE;
  const cacheDir = setting === 'off' ? undefined : setting || fileURLToPath(new URL('../../node_modules/.cache/prisma-steward/v8/', import.meta.url));
  // The bundle's import() calls resolve from here (dist/bundle), as they would from the bundle itself.
  const bundle = loadCommonJsBundle(own, (specifier) => import(specifier), cacheDir);
  const code = await (bundle.exports.runCli as RunCli)(argv);
  settleExitCode(code);
  bundle.saveCodeCache();
} else {
  const { runCli } = (await import(new URL('./main.js', import.meta.url).href)) as { runCli: RunCli };
  settleExitCode(await runCli(argv));
}
