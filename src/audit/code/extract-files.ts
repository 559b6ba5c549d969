import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { isGeneratedClientText } from '../discover.js';
import type { PrismaCall } from './call.js';
import { extractPrismaCalls, type CodeExtraction } from './extract.js';

/** Below this many files, worker start-up costs more than it saves. */
const PARALLEL_THRESHOLD = 400;

/** Reads and extracts one batch of code files (also the body of each worker). */
export function extractFiles(root: string, paths: readonly string[]): CodeExtraction {
  const calls: PrismaCall[] = [];
  const errors: CodeExtraction['errors'] = [];
  for (const path of paths) {
    const text = readFileSync(join(root, path), 'utf8');
    if (isGeneratedClientText(text)) continue;
    const result = extractPrismaCalls(path, text);
    for (const c of result.calls) calls.push(c);
    for (const e of result.errors) errors.push(e);
  }
  return { calls, errors };
}

/**
 * Extracts Prisma Client calls from many files. Parsing is the audit's main cost, so large
 * codebases are split across worker threads (one per core); results come back in file order.
 */
export async function extractFilesParallel(root: string, paths: readonly string[]): Promise<CodeExtraction> {
  const workers = Math.min(availableParallelism(), 8);
  if (paths.length < PARALLEL_THRESHOLD || workers < 2) return extractFiles(root, paths);
  const size = Math.ceil(paths.length / workers);
  const batches = Array.from({ length: workers }, (_, i) => paths.slice(i * size, (i + 1) * size)).filter((b) => b.length > 0);
  const results = await Promise.all(
    batches.map(
      (batch) =>
        new Promise<CodeExtraction>((resolve, reject) => {
          const worker = new Worker(new URL('./extract-worker.js', import.meta.url), { workerData: { root, paths: batch } });
          worker.once('message', (result: CodeExtraction) => resolve(result));
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`audit worker exited with code ${code}`)));
        }),
    ),
  );
  const calls: PrismaCall[] = [];
  const errors: CodeExtraction['errors'] = [];
  for (const r of results) {
    for (const c of r.calls) calls.push(c);
    for (const e of r.errors) errors.push(e);
  }
  return { calls, errors };
}
