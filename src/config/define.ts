import type { StewardConfig } from './types.js';

/** Typed identity helper for steward.config.ts: `export default defineConfig({ ... })`. */
export function defineConfig<T extends StewardConfig>(config: T): T {
  return config;
}
