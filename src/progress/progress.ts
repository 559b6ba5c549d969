/**
 * Progress for long work (code scans, fleet drift, migration replay), shown on a terminal only.
 * In CI logs, when output is piped, and with --format json, every call is a no-op, so callers
 * never need to ask whether progress is wanted.
 */

export interface ProgressTask {
  /** Advances by `n` units (default 1), optionally naming what is being worked on. */
  tick(n?: number, detail?: string): void;
  /** Sets the number of units done. */
  update(done: number, detail?: string): void;
  /** Ends the task and clears its line. */
  done(): void;
}

export interface Progress {
  /** True when something is actually drawn. */
  readonly enabled: boolean;
  /** Starts a task; `total` is the number of units when known. */
  start(label: string, total?: number): ProgressTask;
}

export interface ProgressOptions {
  /** Where progress is drawn (stderr, so stdout stays clean for piping). */
  write: (text: string) => void;
  /** Whether that stream is a terminal. */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** The command's output format: anything but text disables progress. */
  format?: string;
  /** Minimum milliseconds between redraws. */
  intervalMs?: number;
  /** Clock, replaceable in tests. */
  now?: () => number;
}

const NO_TASK: ProgressTask = { tick() {}, update() {}, done() {} };

export const NO_PROGRESS: Progress = { enabled: false, start: () => NO_TASK };

/** Whether progress may be drawn: a terminal, not CI, text output. */
export function progressWanted(options: Pick<ProgressOptions, 'isTTY' | 'env' | 'format'>): boolean {
  const { env } = options;
  if (!options.isTTY) return false;
  if (options.format !== undefined && options.format !== 'text') return false;
  if (isCi(env)) return false;
  if (env.TERM === 'dumb') return false;
  return true;
}

function isCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI;
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') return true;
  return env.GITHUB_ACTIONS === 'true' || env.BUILDKITE === 'true' || env.GITLAB_CI !== undefined || env.TF_BUILD !== undefined;
}

export function createProgress(options: ProgressOptions): Progress {
  if (!progressWanted(options)) return NO_PROGRESS;
  const interval = options.intervalMs ?? 80;
  const now = options.now ?? Date.now;
  const write = options.write;
  return {
    enabled: true,
    start(label, total) {
      let done = 0;
      let detail = '';
      let last = -Infinity;
      let drawn = false;
      let finished = false;
      const draw = (force: boolean) => {
        if (finished) return;
        const t = now();
        if (!force && t - last < interval) return;
        last = t;
        drawn = true;
        // No total and nothing counted (a step that only reports its elapsed time): no count.
        const count = total !== undefined ? ` ${done}/${total}` : done > 0 ? ` ${done}` : '';
        const pct = total ? ` ${Math.floor((Math.min(done, total) / total) * 100)}%` : '';
        const line = `${label}${count}${pct}${detail ? `  ${detail}` : ''}`;
        write(`\r\x1b[2K${line.length > 118 ? `${line.slice(0, 117)}…` : line}`);
      };
      return {
        tick(n = 1, d) {
          done += n;
          if (d !== undefined) detail = d;
          draw(false);
        },
        update(value, d) {
          done = value;
          if (d !== undefined) detail = d;
          draw(false);
        },
        done() {
          if (drawn && !finished) write('\r\x1b[2K');
          finished = true;
        },
      };
    },
  };
}
