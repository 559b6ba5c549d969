import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a project's files say about how it is built and run: read once by `steward init`, then planned purely. */
export interface ProjectEvidence {
  /** Why the project is taken to use SQLite in development (a file and what it says), when it does. */
  sqliteDev?: string;
  packageManager: PackageManager;
  /** Where the package manager was read from. */
  packageManagerVia: string;
  /** Node major for CI, and where it was read from. */
  node: { major: number; via: string };
}

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

/** `file:./dev.db`, `sqlite:`, `.sqlite`/`.db` paths in a database URL. */
const SQLITE_URL = /(?:DATABASE_URL|DB_URL|url)\s*[=:]\s*["']?(?:file:|sqlite:)[^\s"']*/i;

/**
 * Reads the evidence in the project root and in the folder of the package that holds the schema
 * (monorepos keep `.env` and docker-compose files in either).
 */
export function readProjectEvidence(root: string, schemaPackage: string): ProjectEvidence {
  return { sqliteDev: sqliteEvidence([...new Set([root, schemaPackage])]), ...packageManagerOf(root), node: nodeVersionOf(root) };
}

function sqliteEvidence(folders: string[]): string | undefined {
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    const candidates = names.filter(
      (n) => /^\.env(\..+)?$/.test(n) || /^(docker-)?compose(\.[\w-]+)?\.ya?ml$/.test(n) || /^(vitest|jest|playwright)\.config\.[cm]?[jt]s$/.test(n),
    );
    for (const name of candidates.sort()) {
      let text: string;
      try {
        text = readFileSync(join(folder, name), 'utf8');
      } catch {
        continue;
      }
      const hit = SQLITE_URL.exec(text);
      if (hit) return `${join(folder, name)}: ${hit[0].replace(/\s+/g, ' ').slice(0, 80)}`;
    }
  }
  return undefined;
}

function packageManagerOf(root: string): { packageManager: PackageManager; packageManagerVia: string } {
  const declared = readPackageJson(root)?.packageManager;
  if (typeof declared === 'string') {
    const name = /^(npm|pnpm|yarn|bun)@/.exec(declared)?.[1] as PackageManager | undefined;
    if (name) return { packageManager: name, packageManagerVia: `package.json "packageManager": ${declared.split('+')[0]}` };
  }
  const lockfiles: [string, PackageManager][] = [
    ['pnpm-lock.yaml', 'pnpm'],
    ['pnpm-workspace.yaml', 'pnpm'],
    ['yarn.lock', 'yarn'],
    ['bun.lock', 'bun'],
    ['bun.lockb', 'bun'],
    ['package-lock.json', 'npm'],
  ];
  for (const [file, manager] of lockfiles) if (existsSync(join(root, file))) return { packageManager: manager, packageManagerVia: file };
  return { packageManager: 'npm', packageManagerVia: 'default' };
}

/**
 * The Node major CI should use: .nvmrc, .node-version, .tool-versions, else the lowest major that
 * package.json `engines.node` allows, else 20. A range is read by its first version number
 * (`>=20.19.0 <21 || >=22.12` is 20), which is what its lower bound means.
 */
function nodeVersionOf(root: string): { major: number; via: string } {
  for (const file of ['.nvmrc', '.node-version']) {
    const major = firstMajor(readText(join(root, file)));
    if (major) return { major, via: file };
  }
  const tools = /^nodejs\s+(\S+)/m.exec(readText(join(root, '.tool-versions')) ?? '');
  const fromTools = firstMajor(tools?.[1]);
  if (fromTools) return { major: fromTools, via: '.tool-versions' };
  const engines = (readPackageJson(root)?.engines as { node?: unknown } | undefined)?.node;
  const fromEngines = typeof engines === 'string' ? firstMajor(engines) : undefined;
  if (fromEngines) return { major: fromEngines, via: `package.json engines.node "${engines as string}"` };
  return { major: 20, via: 'default' };
}

function firstMajor(text: string | undefined): number | undefined {
  const m = /(\d+)/.exec(text ?? '');
  const major = m ? Number(m[1]) : NaN;
  return major >= 16 && major < 100 ? major : undefined;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function readPackageJson(root: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
