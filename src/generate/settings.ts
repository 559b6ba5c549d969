import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, sep } from 'node:path';
import type { ResolvedConfig, ResolvedEnvironment } from '../config/types.js';
import { packageUrl } from '../package-files.js';
import { hashText } from './header.js';

let versions: string | undefined;

/** steward's and Prisma's engine versions: a new version may generate differently. */
function toolVersions(): string {
  if (versions === undefined) {
    const own = JSON.parse(readFileSync(packageUrl('package.json'), 'utf8')) as { version: string };
    const require = createRequire(import.meta.url);
    const engine = JSON.parse(readFileSync(require.resolve('@prisma/prisma-schema-wasm/package.json'), 'utf8')) as { version: string };
    versions = `${own.version}/${engine.version}`;
  }
  return versions;
}

/**
 * Everything besides the master that shapes an environment's files. Written in the header, so
 * `check` can tell a current file from its header alone, without regenerating it.
 */
export function environmentSettingsHash(env: ResolvedEnvironment, config: Pick<ResolvedConfig, 'master' | 'cwd'>): string {
  const rel = (p: string | undefined) => (p === undefined ? null : relative(config.cwd, p).split(sep).join('/'));
  return hashText(
    JSON.stringify([
      toolVersions(),
      env.name,
      env.provider,
      env.prismaMajor,
      env.urlEnv,
      rel(env.output),
      rel(env.prismaConfigPath),
      rel(env.migrationsDir),
      rel(config.master),
    ]),
  );
}
