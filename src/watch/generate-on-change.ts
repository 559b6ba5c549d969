import type { ResolvedConfig } from '../config/types.js';
import { generateProject, type GenerateReport } from '../project/environments.js';
import { watchMaster } from './watch.js';

export type WatchEvent = { kind: 'generated'; report: GenerateReport; files: string[] } | { kind: 'failed'; error: unknown; files: string[] };

/**
 * `steward generate --watch` as a library call: regenerates every environment after each change
 * of the master until the signal aborts. A broken master is reported and watching goes on.
 */
export function generateOnChange(
  config: ResolvedConfig,
  onEvent: (event: WatchEvent) => void,
  options: { signal?: AbortSignal; debounceMs?: number; env?: string } = {},
): Promise<void> {
  return watchMaster(
    config.master,
    async (files) => {
      try {
        onEvent({ kind: 'generated', report: await generateProject(config, { env: options.env }), files });
      } catch (error) {
        onEvent({ kind: 'failed', error, files });
      }
    },
    options,
  );
}
