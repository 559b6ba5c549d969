import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { commitOf, git, isCommit, requireRepositoryRoot } from '../diff/git.js';
import { StewardError } from '../errors/index.js';

export interface BaseCheckout {
  /** The commit the base ref names. */
  commit: string;
  /** The project folder as it was at that commit (a temporary copy). */
  cwd: string;
  /** Whether the project folder existed at that commit. */
  exists: boolean;
  dispose(): void;
}

/**
 * The project folder as it is in commit `ref`, written to a temporary folder from git objects
 * (`git archive`): the working tree and the repository are never touched. The project's
 * node_modules is linked in, so a steward.config.ts that imports 'prisma-steward' loads.
 */
export function checkoutBase(cwd: string, ref: string): BaseCheckout {
  const root = requireRepositoryRoot(cwd);
  if (!isCommit(root, ref))
    throw new StewardError('USAGE', `--base '${ref}' is not a git ref in ${root}`, {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the hint quotes a GitHub Actions expression, not a template
      hint: "Pass the pull request's base branch or commit (in GitHub Actions: origin/${{ github.base_ref }}, fetched with fetch-depth: 0).",
    });
  const commit = commitOf(root, ref);
  const rel = relative(root, cwd).split('\\').join('/');
  const dir = mkdtempSync(join(tmpdir(), 'steward-review-base-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    const listed = git(root, ['ls-tree', '--name-only', commit, '--', rel === '' ? '.' : rel]).trim();
    if (listed === '') return { commit, cwd: join(dir, rel), exists: false, dispose };
    const tar = execFileSync('git', ['archive', '--format=tar', commit, '--', rel === '' ? '.' : rel], { cwd: root, maxBuffer: 1024 * 1024 * 1024 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar, maxBuffer: 64 * 1024 * 1024 });
    const baseCwd = join(dir, rel);
    if (existsSync(join(cwd, 'node_modules')) && !existsSync(join(baseCwd, 'node_modules')))
      symlinkSync(join(cwd, 'node_modules'), join(baseCwd, 'node_modules'), 'dir');
    return { commit, cwd: baseCwd, exists: true, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
