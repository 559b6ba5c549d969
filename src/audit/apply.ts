import { resolve } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { StewardError } from '../errors/index.js';
import { assertWritable, writeFilesAtomic } from '../fs/atomic-write.js';
import type { PrismaMajor } from '../prisma/major.js';
import { prismaFormat, prismaValidate } from '../prisma/schema-wasm.js';
import { applyEdits } from '../schema/edits.js';
import type { Schema, SourceFile } from '../schema/model.js';
import type { AuditFix } from './fix.js';

/** The master's files after the fixes, checked with Prisma's validator. Writes nothing. */
export function fixedMasterFiles(schema: Schema, fixes: readonly AuditFix[], major?: PrismaMajor): SourceFile[] {
  const changed: SourceFile[] = [];
  for (const file of schema.files) {
    const edits = fixes.flatMap((f) => f.edits).filter((e) => e.file === file.path);
    if (edits.length === 0) continue;
    const edited = applyEdits(file.text, edits);
    // A master kept in Prisma's format stays in it (columns aligned); any other is left as written.
    const formatted = prismaFormat(file.text, file.path) === file.text;
    changed.push({ path: file.path, text: formatted ? prismaFormat(edited, file.path) : edited });
  }
  const all = schema.files.map((f) => changed.find((c) => c.path === f.path) ?? f);
  const errors = prismaValidate(all, { major, allowDatasourceUrls: true, lenientPreviewFeatures: true }).filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    throw new StewardError('INTERNAL', 'The audit fixes would make the master invalid; nothing was written. This is a bug in prisma-steward.', {
      details: errors.map((e) => `${e.location?.file}:${e.location?.line}:${e.location?.column} ${e.message}`),
    });
  }
  return changed;
}

/** Writes the fixed master files atomically (all or nothing). */
export function writeMasterFiles(config: Pick<ResolvedConfig, 'cwd' | 'environments'>, files: readonly SourceFile[]): string[] {
  const targets = files.map((f) => ({ path: resolve(config.cwd, f.path), text: f.text }));
  // The environment files are regenerated right after: a read-only folder of theirs must stop the
  // run before the master is touched, not after.
  const outputs = config.environments.flatMap((env) => [env.output, ...(env.prismaConfigPath ? [env.prismaConfigPath] : [])]);
  assertWritable([...targets.map((t) => t.path), ...outputs], config.cwd);
  writeFilesAtomic(targets, config.cwd);
  return targets.map((t) => t.path);
}
