import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run from dist/test/diff). */
export const repoRoot = resolve(fileURLToPath(new URL('../../../', import.meta.url)));

export function fixture(...parts: string[]): string {
  return join(repoRoot, 'test', 'fixtures', 'diff', ...parts);
}

/** The shared real-world corpus: STEWARD_CORPUS, else ../shared/corpus beside the repository. */
export function corpusDir(): string {
  return process.env.STEWARD_CORPUS ?? join(repoRoot, '..', 'shared', 'corpus');
}
