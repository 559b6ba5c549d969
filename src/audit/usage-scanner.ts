import type { ResolvedConfig } from '../config/types.js';
import { extractFiles } from './code/extract-files.js';
import { resolveCalls } from './code/resolve.js';
import { auditConfigOf } from './config.js';
import { discoverFiles } from './discover.js';
import type { Schema } from '../schema/model.js';
import type { CodeUsage, UsageScanner } from '../diff/usage.js';

/**
 * The code scanner the CLI uses for usage-aware severity: the audit capability's Prisma Client
 * call extraction (src/audit/code) over the project's source files, resolved against the schema
 * the diff starts from (code still uses the old names). Files are read once per scanner.
 */
export function projectUsageScanner(config: ResolvedConfig): UsageScanner | undefined {
  const audit = auditConfigOf(config.sections);
  let extraction: ReturnType<typeof extractFiles> | undefined;
  return (schema: Schema): CodeUsage[] => {
    extraction ??= extractFiles(config.cwd, discoverFiles(config.cwd, audit).code);
    const usages: CodeUsage[] = [];
    for (const claim of resolveCalls(schema, extraction.calls, extraction.computed, extraction.reads)) {
      if (claim.source !== 'code' || claim.kind === 'feature') continue;
      usages.push({
        model: claim.model,
        field: claim.kind === 'field' ? claim.field : undefined,
        file: claim.location.file,
        line: claim.location.line,
        column: claim.location.column,
      });
    }
    return usages;
  };
}
