import { relative } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { writeFilesAtomic } from '../fs/atomic-write.js';
import { readTextIfExists } from '../fs/read-text.js';
import {
  type GeneratedEnvironment,
  type StaleFile,
  STALE_REASON_TEXT,
  compareGenerated,
  currentByHeader,
  generateEnvironmentsAsync,
} from '../generate/generate.js';
import { hashMaster } from '../generate/header.js';
import { environmentSettingsHash } from '../generate/settings.js';
import { readSchemaFiles } from '../schema/load.js';
import { rejectionError } from '../generate/rejected.js';
import { loadMaster, validateMasterFiles } from './master.js';
import { planInWorker } from '../generate/plan-in-worker.js';
import { availableParallelism } from 'node:os';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Masters larger than this are planned in a worker thread to keep peak memory down. */
const LARGE_MASTER = 400_000;

function masterSize(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? masterSize(join(path, e.name)) : e.name.endsWith('.prisma') ? statSync(join(path, e.name)).size : 0),
    0,
  );
}

export interface GenerateOptions {
  /** Only this environment. */
  env?: string;
  /** Compare with the files on disk instead of writing. */
  check?: boolean;
  /**
   * With `check`: trust the headers of files that name the current master, settings and body
   * hashes, and regenerate only when one does not. The report then lists no environments when
   * every file is current (callers that need the changes must not set this).
   */
  trustHeaders?: boolean;
}

export interface GenerateReport {
  environments: GeneratedEnvironment[];
  /** Files that differ from what generate would write (check mode) or that were rewritten. */
  stale: StaleFile[];
  /** Absolute paths written (empty in check mode). */
  written: string[];
  /** Absolute paths whose content on disk equals the generated text (already validated). */
  current: Set<string>;
}

/**
 * `steward generate` as a library call: reads the master, computes every environment and
 * writes the files that changed (atomically, all or nothing), or with `check` only compares.
 * A generated schema that Prisma rejects throws before writing: ANNOTATION_INVALID located in the
 * master when an annotation made it inconsistent, else INTERNAL (a steward bug).
 */
export async function generateProject(config: ResolvedConfig, options: GenerateOptions = {}): Promise<GenerateReport> {
  if (options.check && options.trustHeaders) {
    const current = currentFiles(config, options.env);
    if (current) return { environments: [], stale: [], written: [], current };
  }
  await growYoungGeneration();
  // The master is checked by the validator of the project's Prisma major before anything else:
  // valid outputs do not prove a valid master (Prisma's formatter adds a missing back-relation).
  const large = masterSize(config.master) > LARGE_MASTER && availableParallelism() > 1;
  const environments = await generateEnvironmentsAsync(
    large
      ? () => {
          validateMasterFiles(readSchemaFiles(config.master, config.cwd), config.prismaMajor);
          return planInWorker({ config, only: options.env });
        }
      : () => loadMaster(config).schema,
    config,
    options.env,
  );
  const broken = environments.filter((e) => e.validation.some((d) => d.severity === 'error'));
  // The master is valid: an annotation that leaves an environment inconsistent is the user's
  // mistake, located at the annotation; anything else is steward's (INTERNAL).
  if (broken.length > 0) throw rejectionError(loadMaster(config).schema, broken);
  const stale: StaleFile[] = [];
  const current = new Set<string>();
  const toWrite: { path: string; text: string }[] = [];
  for (const env of environments) {
    // An environment whose schema is the master has nothing generated: the master is its file.
    for (const file of [env.env.isMaster ? undefined : env.schema, env.prismaConfig]) {
      if (!file) continue;
      const actual = readTextIfExists(file.path, config.cwd);
      const difference = compareGenerated(env.env.name, file, actual);
      if (!difference) current.add(file.path);
      else {
        stale.push({ ...difference, path: relative(config.cwd, file.path) || file.path });
        toWrite.push(file);
      }
    }
  }
  if (!options.check && toWrite.length > 0) writeFilesAtomic(toWrite, config.cwd);
  return { environments, stale, written: options.check ? [] : toWrite.map((f) => f.path), current };
}

/** The environment files when every one is current by its header, else undefined. */
function currentFiles(config: ResolvedConfig, only?: string): Set<string> | undefined {
  const masterHash = hashMaster(readSchemaFiles(config.master, config.cwd));
  const current = new Set<string>();
  for (const env of config.environments) {
    if (only !== undefined && env.name !== only) continue;
    const settingsHash = environmentSettingsHash(env, config);
    for (const path of [env.isMaster ? undefined : env.output, env.prismaConfigPath]) {
      if (path === undefined) continue;
      const actual = readTextIfExists(path, config.cwd);
      if (!currentByHeader(actual, masterHash, settingsHash)) return undefined;
      current.add(path);
    }
  }
  return current;
}

/** Stale files as diagnostics (for `check` and `generate --check`). */
export function staleDiagnostics(stale: StaleFile[]): Diagnostic[] {
  return stale.map(
    (s): Diagnostic => ({
      source: 'generate',
      code: `output-${s.reason}`,
      severity: 'error',
      message: `${s.path}: ${STALE_REASON_TEXT[s.reason]}`,
      env: s.env,
      location: { file: s.path, line: s.line ?? 1, column: 1 },
      notes:
        s.expected !== undefined || s.actual !== undefined
          ? [`expected: ${s.expected ?? '(end of file)'}`, `found:    ${s.actual ?? '(end of file)'}`]
          : undefined,
    }),
  );
}

/** Generation changes as diagnostics, located in the master. */
export function changeDiagnostics(environments: GeneratedEnvironment[]): Diagnostic[] {
  return environments.flatMap((e) =>
    e.changes.map(
      (c): Diagnostic => ({
        source: 'generate-changes',
        code: c.code,
        severity: c.severity,
        message: c.message,
        env: c.env,
        model: c.model,
        field: c.field,
        location: { file: c.location.file, line: c.location.line, column: c.location.column, endLine: c.location.endLine, endColumn: c.location.endColumn },
        notes: c.typeImpact ? [`client types: ${c.typeImpact}`] : undefined,
      }),
    ),
  );
}

let youngGenerationGrown = false;

/**
 * A larger young generation for generation: parsing and transforming a big master allocates
 * many short-lived objects, and the default semi-space makes the scavenger run hundreds of
 * times (measured: about 20% of generate time on 3,000 models). Set here, not at start-up, so
 * that commands which never generate (lint, diff) do not load node:v8.
 */
async function growYoungGeneration(): Promise<void> {
  if (youngGenerationGrown) return;
  youngGenerationGrown = true;
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--max-semi-space-size=32');
}
