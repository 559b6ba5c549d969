/**
 * The `prisma-steward/config` entry (package.json `exports`): what a steward.config.ts needs and
 * nothing else. It must stay free of runtime imports (test/api/import-graph.test.ts checks it), so
 * that loading a typed configuration costs no more than a JSON one.
 */
import type { StewardConfig } from './types.js';

export type { EnvironmentConfig, StewardConfig } from './types.js';

/** Typed identity helper for steward.config.ts: `export default defineConfig({ ... })`. */
export function defineConfig<T extends StewardConfig>(config: T): T {
  return config;
}
