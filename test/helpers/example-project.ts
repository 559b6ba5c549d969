/**
 * The bundled example (examples/messaging-api) copied to a temp folder, with its configuration
 * as JSON (the .ts config imports 'prisma-steward', which only resolves inside this repository),
 * and optionally with baseline migrations for both environments.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config/load.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import type { DatabaseConnection } from '../../src/engine/connection.js';
import { readMigrationsList } from '../../src/engine/migrations-list.js';
import { SchemaEngineSession } from '../../src/engine/schema-engine.js';
import { baselineMigrations } from '../../src/migrate/baseline.js';

export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// Temp projects share the repository's warm PGlite cache instead of each paying a cold start.
process.env.STEWARD_CACHE_DIR ??= path.join(REPOSITORY_ROOT, '.steward', 'cache');

export interface ExampleProject {
  dir: string;
  config: ResolvedConfig;
  env(name: string): ResolvedConfig['environments'][number];
  cleanup(): void;
}

export async function exampleProject(options: { baseline?: boolean } = {}): Promise<ExampleProject> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'steward-example-'));
  cpSync(path.join(REPOSITORY_ROOT, 'examples/messaging-api'), dir, { recursive: true });
  rmSync(path.join(dir, 'steward.config.ts'));
  writeFileSync(
    path.join(dir, 'steward.config.json'),
    JSON.stringify({
      master: 'api/prisma/schema.master.prisma',
      prismaMajor: 7,
      environments: { dev: { provider: 'sqlite', urlEnv: 'DATABASE_URL' }, production: { provider: 'postgresql', urlEnv: 'DATABASE_URL' } },
    }),
  );
  const config = await loadConfig({ cwd: dir });
  if (options.baseline) await baselineMigrations(config, { name: 'init', now: new Date(Date.UTC(2025, 0, 1)) });
  return {
    dir,
    config,
    env: (name) => config.environments.find((env) => env.name === name)!,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Applies a migrations folder the way `prisma migrate deploy` does (the engine's applyMigrations). */
export async function applyMigrations(connection: DatabaseConnection, migrationsDir: string): Promise<string[]> {
  const engine = await SchemaEngineSession.open(connection.adapterFactory());
  try {
    return (await engine.applyMigrations(await readMigrationsList(migrationsDir))).appliedMigrationNames;
  } finally {
    await engine.dispose();
  }
}
