#!/usr/bin/env node
// Entry of the compiled (unbundled) command line; the package's bin is the bundle, whose entry
// is bundled-bin.ts (scripts/bundle.mjs).
import { tuneV8ForShortRuns } from './v8-flags.js';

tuneV8ForShortRuns();
const { runCli } = await import('./main.js');
process.exitCode = await runCli(process.argv.slice(2));
