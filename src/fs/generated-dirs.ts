/**
 * Folders that hold what tools made, never what a team wrote: dependencies, version control, build
 * output and caches. Every walker of a project's files skips them; each adds the folders its own
 * search must also skip (migration histories, docs copies, test fixtures...).
 */
export const GENERATED_DIRS: readonly string[] = ['node_modules', '.git', 'dist', 'build', 'out', 'coverage', '.next', '.turbo', '.cache'];

/** GENERATED_DIRS and `more`, as a set for the walk. */
export function skippedDirs(...more: string[]): ReadonlySet<string> {
  return new Set([...GENERATED_DIRS, ...more]);
}
