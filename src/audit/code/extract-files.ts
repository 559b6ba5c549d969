import { readText } from '../../fs/read-text.js';
import { join } from 'node:path';
import { isGeneratedClientText } from '../discover.js';
import type { PrismaCall } from './call.js';
import { extractPrismaCalls, type CodeExtraction } from './extract.js';
import { computedFields, type ComputedField } from './extensions.js';
import { extractDtos, type Dto } from './dtos.js';

/**
 * Reads code files and extracts their Prisma Client calls. Sequential on purpose: with focused
 * parsing (call-sites.ts) worker threads cost more in start-up and copying than they save on a
 * two-core machine.
 */
export function extractFiles(
  root: string,
  paths: readonly string[],
  models: ReadonlySet<string> = new Set(),
): CodeExtraction & { computed: Set<ComputedField>; dtos: Dto[] } {
  const calls: PrismaCall[] = [];
  const errors: CodeExtraction['errors'] = [];
  const computed = new Set<ComputedField>();
  const dtos: Dto[] = [];
  for (const path of paths) {
    const text = readText(join(root, path), root);
    if (isGeneratedClientText(text)) continue;
    for (const c of computedFields(path, text)) computed.add(c);
    if (models.size > 0) for (const d of extractDtos(path, text, models)) dtos.push(d);
    const result = extractPrismaCalls(path, text);
    for (const c of result.calls) calls.push(c);
    for (const e of result.errors) errors.push(e);
  }
  return { calls, errors, computed, dtos };
}
