/**
 * Which scratch database a history needs: PGlite with the extensions its scripts create and
 * its master declares, or a throwaway database on the environment's `shadowUrl` when one of
 * them is not in PGlite. Without a `shadowUrl`, such a history is a finding, not a failure: the
 * project is valid, steward just cannot replay it here.
 */
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { extensionNames, extensionsInHistory, extensionsInSchema, missingPgliteExtensions, type ExtensionRequest } from '../engine/pglite-extensions.js';
import type { MigrationScript } from '../engine/migrations-list.js';
import { readSchemaFiles } from '../schema/load.js';
import { parseSchema } from '../schema/parse.js';
import type { MigrateCode } from './codes.js';
import { migrationScriptPath } from './layout.js';

/** The code this module reports (codes.ts). */
export const SCRATCH_EXTENSION_CODE = 'scratch-extension-unavailable' satisfies MigrateCode;

export interface ScratchPlan {
  /** Extension names to load into PGlite (sorted). */
  extensions: string[];
  /** Extensions PGlite lacks (one request each); empty when PGlite can replay the history. */
  missing: ExtensionRequest[];
  /** Set when `missing` is not empty and the environment names a server for its scratch. */
  shadowUrl?: string;
}

export function planScratch(scripts: readonly MigrationScript[], declared: readonly ExtensionRequest[], shadowUrl?: string): ScratchPlan {
  const requests = [...extensionsInHistory(scripts), ...declared];
  const missing = missingPgliteExtensions(requests);
  return { extensions: extensionNames(requests), missing, ...(missing.length > 0 && shadowUrl ? { shadowUrl } : {}) };
}

/** A plan that cannot run: PGlite lacks an extension and no server was named. */
export function isBlocked(plan: ScratchPlan): boolean {
  return plan.missing.length > 0 && plan.shadowUrl === undefined;
}

/**
 * The `extensions` of the master's datasource. Only the datasource blocks are parsed (as the
 * configuration loader does): the scratch starts before the master is read in full. A master
 * that cannot be read declares nothing here; the command that reads it reports why.
 */
export function masterExtensions(config: ResolvedConfig): ExtensionRequest[] {
  try {
    const files = readSchemaFiles(config.master, config.cwd).map((file) => ({ path: file.path, text: datasourceBlocksOnly(file.text) }));
    return extensionsInSchema(parseSchema(files));
  } catch {
    return [];
  }
}

/** Keeps the datasource blocks and blanks everything else, so spans (lines) stay true. */
function datasourceBlocksOnly(text: string): string {
  let kept = text.replace(/[^\n]/g, ' ');
  for (const match of text.matchAll(/^datasource\s+\w+\s*\{[^}]*\}/gm)) {
    kept = kept.slice(0, match.index) + match[0] + kept.slice(match.index + match[0].length);
  }
  return kept;
}

/** One finding per extension PGlite lacks, located where the history (or the master) asks for it. */
export function unavailableExtensionDiagnostics(
  missing: readonly ExtensionRequest[],
  env: { name: string; migrationsDir: string },
  cwd: string,
  severity: Severity,
  consequence: string,
): Diagnostic[] {
  return missing.map((request): Diagnostic => {
    const file =
      'migration' in request.origin
        ? path.relative(cwd, migrationScriptPath(env.migrationsDir, request.origin.migration))
        : path.relative(cwd, path.resolve(cwd, request.origin.schemaFile));
    return {
      source: 'migrate',
      code: SCRATCH_EXTENSION_CODE,
      severity,
      message: `Extension "${request.name}" is not available in steward's scratch database (PGlite): ${consequence}`,
      env: env.name,
      location: { file, line: request.origin.line, column: 1 },
      notes: [
        `Fix: name a PostgreSQL server that has "${request.name}" as the scratch database: environments.${env.name}.shadowUrl in steward.config, or --shadow-url <url>.`,
        'Steward creates a throwaway database there (its user needs CREATEDB), replays the history into it, and drops it.',
      ],
      data: { extension: request.name },
    };
  });
}
