import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The command line as installed: the package's bin, which runs the bundle (dist/bundle). */
export const stewardBin = join(repoRoot, 'dist', 'src', 'cli', 'bin.js');
const preload = pathToFileURL(join(repoRoot, 'dist', 'bench', 'rss-preload.js')).href;

export interface Sample {
  ms: number;
  /** Peak resident memory of the process, in MB. */
  peakMb: number;
  status: number | null;
}

/** Runs a Node script as a child process; wall time and peak memory (via a preloaded hook). */
export function runNode(script: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; expectStatus?: number[] } = {}): Sample {
  const dir = mkdtempSync(join(tmpdir(), 'steward-bench-'));
  const rssFile = join(dir, 'rss');
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', preload, script, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, STEWARD_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  let peakKb = 0;
  try {
    peakKb = Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number));
  } catch {
    // the process died before exit hooks ran
  }
  rmSync(dir, { recursive: true, force: true });
  const allowed = options.expectStatus ?? [0];
  if (!allowed.includes(result.status ?? -1)) {
    throw new Error(`${script} ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 2000)}${result.stdout.slice(0, 2000)}`);
  }
  return { ms, peakMb: peakKb / 1024, status: result.status };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Runs several commands side by side, interleaved round by round so that machine noise hits
 * them alike, and returns the median time and peak memory of each.
 */
export function sideBySide(rounds: number, commands: Record<string, () => Sample>): Record<string, { ms: number; peakMb: number }> {
  const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < rounds; i++) {
    for (const [name, fn] of Object.entries(commands)) samples[name].push(fn());
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, list]) => [name, { ms: median(list.map((s) => s.ms)), peakMb: Math.max(...list.map((s) => s.peakMb)) }]),
  );
}

export function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

export interface BenchResult {
  name: string;
  /** Lines of figures to print. */
  lines: string[];
  /** Goals: description and whether it was met. */
  goals: { goal: string; met: boolean }[];
}

export interface Benchmark {
  name: string;
  run(options: { rounds: number; corpus?: string }): Promise<BenchResult> | BenchResult;
}
