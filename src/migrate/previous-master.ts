/**
 * The master a history was last migrated to, for planning renames (renames.ts): the master as
 * committed with the environment's latest committed migration (`git log -1 -- <migrations>`),
 * else as in HEAD. Read from git objects, so the working tree is never touched. Undefined
 * outside a git repository, or when git has no master yet: only `@steward.renamedFrom` is
 * planned then. The history's structure guards every rename, so a previous master older than
 * the latest (uncommitted) migration plans nothing wrong, at worst nothing.
 */
import { execFileSync } from 'node:child_process';
import { isCommit, readSchemaAtRef, repoPath, repositoryRoot } from '../diff/git.js';
import type { Schema } from '../schema/model.js';
import { parseSchema } from '../schema/parse.js';

export function previousMaster(cwd: string, masterPath: string, migrationsDir: string): Schema | undefined {
  const root = repositoryRoot(cwd);
  if (!root || !isCommit(root, 'HEAD')) return undefined;
  try {
    const commit = execFileSync('git', ['log', '-1', '--format=%H', '--', repoPath(root, migrationsDir)], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const files = readSchemaAtRef(root, commit || 'HEAD', masterPath, cwd);
    return files ? parseSchema(files) : undefined;
  } catch {
    // An unreadable or unparsable old master only means no map-based renames are planned.
    return undefined;
  }
}
