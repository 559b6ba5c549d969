import { setFlagsFromString } from 'node:v8';
import { commandIndex } from './argv.js';

/**
 * V8 is tuned for pages and servers that run for minutes; a steward command runs for 0.1-4 s on a
 * machine that may have two cores. Two flags, each measured side by side (docs/benchmarks.md):
 *
 * - `--interrupt-budget`: V8 optimizes a JavaScript function with TurboFan after a budget of
 *   executed bytecode; early optimizing compiles (and the deoptimizations that follow them) cost
 *   more than they return. Four times the default budget (67,584) leaves only truly hot code to
 *   TurboFan: `steward lint` on 300 models 170 -> 136 ms; 3,000 models and `generate` unchanged.
 * - `--liftoff-only`: WebAssembly (PGlite's PostgreSQL, Prisma's schema engine and validator) runs
 *   on V8's baseline compiler, Liftoff, without tiering hot functions up to TurboFan. Those
 *   optimizing compiles take a core for seconds of CPU in a run that lasts about as long: the
 *   first `db drift` on a 434-migration project 3.0 -> 2.1 s, a cold `check` of it 3.9 -> 3.3 s,
 *   `migrate create` warm 2.8 -> 2.3 s. Not for `watch`, which runs for hours (there TurboFan's
 *   code pays back its compiles), nor when STEWARD_WASM_TIER_UP=on.
 *
 * Set before any WebAssembly module is compiled: the command line's first step.
 */
export function tuneV8ForShortRuns(argv: readonly string[] = process.argv.slice(2)): void {
  setFlagsFromString('--interrupt-budget=270000');
  if (process.env.STEWARD_WASM_TIER_UP !== 'on' && argv[commandIndex(argv)] !== 'watch') setFlagsFromString('--liftoff-only');
}
