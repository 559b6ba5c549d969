import { readText } from '../../fs/read-text.js';
import { join } from 'node:path';
import { isGeneratedClientText } from '../discover.js';
import type { ModelRead, PrismaCall } from './call.js';
import { extractPrismaCalls, typedCallsTo, type CodeExtraction, type TypedSink } from './extract.js';
import { computedFields, type ComputedField } from './extensions.js';
import { extractDtos, type Dto } from './dtos.js';

/**
 * Reads code files and extracts their Prisma Client calls. Sequential on purpose: with focused
 * parsing (call-sites.ts) worker threads cost more in start-up and copying than they save on a
 * two-core machine. A second pass reads, in the files that import them, the calls of top-level
 * functions with a parameter typed with a generated argument type (`getWebsites({ where })`
 * for `getWebsites(criteria: Prisma.WebsiteFindManyArgs)`).
 */
export function extractFiles(
  root: string,
  paths: readonly string[],
  models: ReadonlySet<string> = new Set(),
): Omit<CodeExtraction, 'sinks' | 'typed'> & { computed: Set<ComputedField>; dtos: Dto[] } {
  const calls: PrismaCall[] = [];
  const reads: ModelRead[] = [];
  const errors: CodeExtraction['errors'] = [];
  const computed = new Set<ComputedField>();
  const dtos: Dto[] = [];
  // A function name declared with a typed parameter in two files is ambiguous: not followed.
  const sinks = new Map<string, { file: string; sinks: TypedSink[] } | null>();
  const texts = new Map<string, string>();
  for (const path of paths) {
    const text = readText(join(root, path), root);
    if (isGeneratedClientText(text)) continue;
    texts.set(path, text);
    for (const c of computedFields(path, text)) computed.add(c);
    if (models.size > 0) for (const d of extractDtos(path, text, models)) dtos.push(d);
    const result = extractPrismaCalls(path, text);
    for (const c of result.calls) calls.push(c);
    for (const c of result.typed) calls.push(c);
    for (const r of result.reads) reads.push(r);
    for (const e of result.errors) errors.push(e);
    for (const s of result.sinks) {
      const known = sinks.get(s.fn);
      if (known === undefined) sinks.set(s.fn, { file: path, sinks: [s] });
      else if (known !== null && known.file === path) known.sinks.push(s);
      else sinks.set(s.fn, null);
    }
  }
  const exported = new Map<string, TypedSink[]>();
  for (const [fn, s] of sinks) if (s) exported.set(fn, s.sinks);
  if (exported.size > 0) {
    const names = new RegExp(`\\bimport\\b[^;]*?[{,\\s](${[...exported.keys()].join('|')})\\s*[,}]`);
    for (const [path, text] of texts) {
      if (!names.test(text)) continue;
      for (const c of typedCallsTo(path, text, exported)) calls.push(c);
    }
  }
  return { calls, reads, errors, computed, dtos };
}
