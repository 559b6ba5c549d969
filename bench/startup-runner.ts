// A bare entry for the start-up benchmark (bench/startup.ts): runs the command line from the
// chunked bundle (dist/bundle/main.js) or from the compiled modules (dist/src/cli/main.js), with
// or without the V8 flag tuning, so that each piece of start-up machinery is measured on its own.
// Usage: node startup-runner.js <chunks|modules> <v8|no-v8> <steward arguments...>
import { tuneV8ForShortRuns } from '../src/cli/v8-flags.js';

const [from, v8, ...argv] = process.argv.slice(2);
if (v8 === 'v8') tuneV8ForShortRuns(argv);
const url = new URL(from === 'chunks' ? '../bundle/main.js' : '../src/cli/main.js', import.meta.url);
const { runCli } = (await import(url.href)) as typeof import('../src/cli/main.js');
process.exitCode = await runCli(argv);
