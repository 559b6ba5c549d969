import type { Progress, ProgressTask } from './progress.js';

export interface ElapsedTask {
  /** Names what is being done now (shown before the elapsed time). */
  step(detail: string): void;
  /** Clears the line while something else uses the terminal (a question), until resume(). */
  pause(): void;
  resume(): void;
}

/**
 * Runs `work` with a line that shows what it does and the seconds it has taken, redrawn ten
 * times a second, for work that cannot count its units (a migration planned on a scratch
 * database, a type-check). Nothing is drawn when progress is off (not a terminal, CI, json).
 */
export async function withElapsed<T>(progress: Progress, label: string, work: (task: ElapsedTask) => Promise<T>): Promise<T> {
  if (!progress.enabled) return work({ step() {}, pause() {}, resume() {} });
  const started = Date.now();
  let detail = '';
  let paused = false;
  let task: ProgressTask = progress.start(label);
  const draw = () => {
    if (!paused) task.update(0, `${detail ? `${detail}  ` : ''}${((Date.now() - started) / 1000).toFixed(1)}s`);
  };
  const timer = setInterval(draw, 100);
  timer.unref();
  try {
    return await work({
      step(d) {
        detail = d;
        draw();
      },
      pause() {
        paused = true;
        task.done();
      },
      resume() {
        paused = false;
        task = progress.start(label);
        draw();
      },
    });
  } finally {
    clearInterval(timer);
    task.done();
  }
}
