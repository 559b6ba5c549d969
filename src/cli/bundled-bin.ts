#!/usr/bin/env node
// Entry of the bundled command line, dist/bundle/bin.js (built by scripts/bundle.mjs; it is
// not meant to run from dist/src). A command whose code imports no npm package at start-up
// has a single-file bundle of its own, dist/bundle/commands/<name>.js: one module to load
// instead of about twenty chunks (measured: `steward lint` 10 ms faster). Every other command,
// and help and --version, run from the shared bundle dist/bundle/main.js. Exactly one of the
// two is loaded in a process, so no module exists twice.
import { existsSync } from 'node:fs';
import { commandIndex } from './argv.js';
import { tuneV8ForShortRuns } from './v8-flags.js';

tuneV8ForShortRuns();
const argv = process.argv.slice(2);
const index = commandIndex(argv);
const name = index === -1 ? undefined : argv[index];
const own = name !== undefined && /^[a-z]+$/.test(name) ? new URL(`./commands/${name}.js`, import.meta.url) : undefined;
const entry = own && existsSync(own) ? own : new URL('./main.js', import.meta.url);
const { runCli } = (await import(entry.href)) as typeof import('./main.js');
process.exitCode = await runCli(argv);
