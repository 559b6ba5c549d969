#!/usr/bin/env node
// The package's bin. It runs the bundled command line (dist/bundle/bin.js, built by
// scripts/bundle.mjs: faster start-up) when it exists, else the compiled modules. The bin path
// itself stays dist/src/cli/bin.js: npx keeps links to it in its cache.
import { existsSync } from 'node:fs';

const bundled = new URL('../../bundle/bin.js', import.meta.url);
if (existsSync(bundled)) {
  await import(bundled.href);
} else {
  const { tuneV8ForShortRuns } = await import('./v8-flags.js');
  tuneV8ForShortRuns();
  const { runCli } = await import('./main.js');
  const { settleExitCode } = await import('./exit-code.js');
  settleExitCode(await runCli(process.argv.slice(2)));
}
