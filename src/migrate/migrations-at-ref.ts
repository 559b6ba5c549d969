import path from 'node:path';
import { git, isCommit, repoPath, requireRepositoryRoot } from '../diff/git.js';
import { StewardError } from '../errors/index.js';

/**
 * The migration folder names a history had in git commit `ref` (e.g. a pull request's base), read
 * from git objects without a checkout. A pull request's check then judges only its new migrations.
 */
export function migrationsAtRef(cwd: string, migrationsDir: string, ref: string): Set<string> {
  const root = requireRepositoryRoot(cwd);
  if (!isCommit(root, ref))
    throw new StewardError('USAGE', `--since ${ref}: not a commit in ${root}`, {
      hint: 'In a pull request, pass its base (e.g. origin/main) and fetch it first (fetch-depth: 0).',
    });
  const folder = repoPath(root, path.resolve(migrationsDir));
  // A history the ref does not have at all: every migration is new.
  const listing = git(root, ['ls-tree', '-d', '--name-only', '-z', ref, '--', `${folder}/`]).split('\0');
  return new Set(listing.filter((name) => name !== '').map((name) => name.slice(folder.length + 1)));
}
