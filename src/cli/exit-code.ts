/**
 * The exit code is decided once, by runCli from the command's results, and nothing after that
 * may change it: PGlite's Emscripten runtime sets `process.exitCode` when an instance shuts down,
 * which turned a failed `migrate lint` into exit 0. The code is set now and set again in the
 * `exit` listener, the last JavaScript that runs, so even a late `process.exit(0)` cannot win.
 */
export function settleExitCode(code: number): void {
  process.exitCode = code;
  process.once('exit', () => {
    process.exitCode = code;
  });
}
