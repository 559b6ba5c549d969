import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PrismaMajor } from '../prisma/major.js';
import { prismaFormat, prismaValidate } from '../prisma/schema-wasm.js';
import { renderHeader } from './header.js';

/** The last step of generating one environment file: Prisma's validator, Prisma's formatter, the header. */
export interface FinishJob {
  /** Path shown in validation messages. */
  shownPath: string;
  body: string;
  master: string;
  env: string;
  masterHash: string;
  settingsHash?: string;
  prismaMajor: PrismaMajor;
}

export interface FinishResult {
  text: string;
  validation: Diagnostic[];
}

export function finishSchema(job: FinishJob): FinishResult {
  const body = prismaFormat(job.body, job.shownPath);
  const text = renderHeader({ master: job.master, env: job.env, masterHash: job.masterHash, settingsHash: job.settingsHash }, body) + body;
  // The text before formatting is what Prisma judges: its formatter adds a missing back-relation
  // field, which would silently undo an annotation that leaves one side of a relation out.
  const validation = prismaValidate([{ path: job.shownPath, text: job.body }], { major: job.prismaMajor });
  return { text, validation };
}
