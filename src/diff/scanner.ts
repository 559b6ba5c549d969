import type { ResolvedConfig } from '../config/types.js';
import type { UsageScanner } from './usage.js';

/**
 * The code scanner the CLI uses for usage-aware severity. The audit capability's code scanner
 * (src/audit/code) plugs in here: `(schema) => usages` over the project's source files.
 * Until it is available, diffs carry no call sites.
 */
export function projectUsageScanner(_config: ResolvedConfig): UsageScanner | undefined {
  return undefined;
}
