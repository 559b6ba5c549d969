import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { StewardError } from '../errors/index.js';
import type { SourceFile } from '../schema/model.js';

/**
 * Git at the edge: reads files straight from git objects (no checkout, so the working tree is
 * never touched), lists tags, and creates annotated tags and commits for `steward release`.
 */
export function git(cwd: string, args: string[], input?: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    const detail = (e.stderr ?? '').trim() || e.message;
    throw new StewardError('GIT_FAILED', `git ${args.join(' ')} failed: ${detail.split('\n')[0]}`, { details: detail.split('\n').slice(1, 6) });
  }
}

/** The repository's top folder, or undefined when `cwd` is not inside a git work tree. */
export function repositoryRoot(cwd: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

export function requireRepositoryRoot(cwd: string): string {
  const root = repositoryRoot(cwd);
  if (!root)
    throw new StewardError('GIT_FAILED', `${cwd} is not inside a git repository`, {
      hint: 'Schema history (steward diff, changelog, release) is read from git. Run `git init`, or pass --from/--to as files.',
    });
  return root;
}

/** Whether `ref` names a commit. */
export function isCommit(root: string, ref: string): boolean {
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    return true;
  } catch {
    return false;
  }
}

export function commitOf(root: string, ref: string): string {
  return git(root, ['rev-parse', '--verify', `${ref}^{commit}`]).trim();
}

/** Repository-relative path with forward slashes. */
export function repoPath(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

/**
 * The `.prisma` files of a master (a file or a folder, recursively, like `readSchemaFiles`) as
 * they are in commit `ref`. File paths are shown as `<ref>:<path>` relative to `cwd`, so
 * locations in the old version cannot be mistaken for the working tree. Returns undefined when
 * the master does not exist in that commit.
 */
export function readSchemaAtRef(root: string, ref: string, masterAbsolute: string, cwd: string): SourceFile[] | undefined {
  const path = repoPath(root, masterAbsolute);
  const listing = git(root, ['ls-tree', '-r', '-z', ref, '--', path]);
  const entries = listing
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      const [, type, oid] = line.slice(0, tab).split(' ');
      return { type, oid, path: line.slice(tab + 1) };
    })
    .filter(
      (e) =>
        e.type === 'blob' &&
        (e.path === path ||
          (e.path.startsWith(`${path}/`) &&
            e.path.endsWith('.prisma') &&
            !e.path.split('/').some((s) => s === 'migrations' || s === 'node_modules' || s.startsWith('.')))),
    )
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  if (entries.length === 0) return undefined;
  const texts = readBlobs(
    root,
    entries.map((e) => e.oid),
  );
  return entries.map((e, i) => ({ path: `${ref}:${displayRel(cwd, resolve(root, e.path))}`, text: texts[i] }));
}

/** Contents of several blobs with one `git cat-file --batch`. */
function readBlobs(root: string, oids: string[]): string[] {
  const out = execFileSync('git', ['cat-file', '--batch'], { cwd: root, input: oids.join('\n') + '\n', maxBuffer: 256 * 1024 * 1024 });
  const texts: string[] = [];
  let pos = 0;
  for (let i = 0; i < oids.length; i++) {
    const nl = out.indexOf(10, pos);
    const header = out.subarray(pos, nl).toString('utf8').split(' ');
    const size = Number(header[2]);
    texts.push(out.subarray(nl + 1, nl + 1 + size).toString('utf8'));
    pos = nl + 1 + size + 1;
  }
  return texts;
}

function displayRel(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  return (rel && !rel.startsWith('..') ? rel : absolute).split(sep).join('/');
}

/** Paths of files under `dir` in commit `ref` (repository-relative), for finding new migrations. */
export function listFilesAtRef(root: string, ref: string, dirAbsolute: string): string[] {
  const path = repoPath(root, dirAbsolute);
  return git(root, ['ls-tree', '-r', '--name-only', '-z', ref, '--', path]).split('\0').filter(Boolean);
}

export function tagsWithPrefix(root: string, prefix: string): string[] {
  return git(root, ['tag', '--list', `${prefix}*`])
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** Uncommitted changes (`git status --porcelain`), one path per entry. */
export function dirtyPaths(root: string): string[] {
  return git(root, ['status', '--porcelain', '--untracked-files=normal'])
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => l.slice(3));
}

export function createAnnotatedTag(root: string, name: string, message: string): void {
  git(root, ['tag', '-a', name, '-F', '-'], message);
}

/** Commits exactly these paths (other staged or unstaged changes are left alone). */
export function commitPaths(root: string, paths: string[], message: string): void {
  git(root, ['add', '--', ...paths]);
  git(root, ['commit', '--quiet', '-F', '-', '--only', '--', ...paths], message);
}

export function pathExists(cwd: string, p: string): boolean {
  return existsSync(resolve(cwd, p));
}
