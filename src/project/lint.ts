import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isSafeFixKind } from '../diagnostics/fix-kind.js';
import { StewardError } from '../errors/index.js';
import { loadPrismaLintConfig, resolveLintConfig, type LintSection } from '../lint/config.js';
import { lintSchema } from '../lint/engine.js';
import type { LintEnvironment } from '../lint/environment.js';
import type { LintConfig } from '../lint/settings.js';
import type { PrismaMajor } from '../prisma/major.js';
import { readSchemaFiles } from '../schema/load.js';
import type { SourceFile } from '../schema/model.js';
import { parseSchema } from '../schema/parse.js';

export interface LintProjectOptions {
  /** Schema files or folders to lint instead of the master. */
  paths?: string[];
  fix?: boolean;
  /** Compute fixes and return their diff; write nothing. */
  fixDryRun?: boolean;
  /** With fix or fixDryRun: also the unsafe fixes (database renames). */
  unsafe?: boolean;
  /** Baseline file (relative to cwd); overrides `lint.baseline`. */
  baseline?: string;
  /** Rewrite the baseline with today's findings. */
  updateBaseline?: boolean;
}

export interface LintProjectResult {
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /** Files --fix rewrote (or would rewrite). */
  fixedFiles: string[];
  /** Number of fixes applied (or that would be). */
  fixCount: number;
  /** Unified diff of --fix-dry-run. */
  diff?: string;
  /**
   * --fix-dry-run: the findings with a fix in the files as they are, in two groups: the safe
   * fixes `--fix` applies and the unsafe ones only `--fix --unsafe` applies.
   */
  fixes?: { safe: Diagnostic[]; unsafe: Diagnostic[] };
  /** --fix without --unsafe: findings left whose fix is unsafe (not applied). */
  unsafeFixesLeft?: number;
  /** Findings hidden because the baseline knows them. */
  baselineKnown?: number;
  /** Path of a baseline that was written. */
  baselineWritten?: string;
}

/** The lint configuration of a project: preset, .prismalintrc, `lint` section. */
export async function projectLintConfig(config: Pick<ResolvedConfig, 'cwd' | 'sections' | 'environments'>): Promise<LintConfig> {
  const section = config.sections.lint as LintSection | undefined;
  const prismaLint = section?.prismaLintConfig === false ? undefined : await loadPrismaLintConfig(config.cwd, section?.prismaLintConfig);
  return resolveLintConfig({ section, prismaLint, environmentNames: config.environments.map((e) => e.name) });
}

export function lintEnvironments(config: Pick<ResolvedConfig, 'environments'>): LintEnvironment[] {
  return config.environments.map((e) => ({ name: e.name, provider: e.provider, prismaMajor: e.prismaMajor, urlEnv: e.urlEnv }));
}

/**
 * `steward lint` as a library call: reads the master (or the given paths), lints, and with
 * `fix` writes the fixed files only when Prisma's validator accepts them.
 */
export async function lintProject(config: ResolvedConfig, options: LintProjectOptions = {}): Promise<LintProjectResult> {
  const lintConfig = await projectLintConfig(config);
  const environments = lintEnvironments(config);
  const files: SourceFile[] = (options.paths?.length ? options.paths : [config.master]).flatMap((p) => readSchemaFiles(p, config.cwd));
  const sources = new Map(files.map((f) => [f.path, f.text]));
  // Lint judges a schema Prisma accepts: an invalid one is refused (exit 2), located, before any fix is written.
  const { validateMasterFiles } = await import('./master.js');
  validateMasterFiles(files, config.prismaMajor);
  let diagnostics: Diagnostic[];
  let fixedFiles: string[] = [];
  let fixCount = 0;
  let diff: string | undefined;
  let fixes: LintProjectResult['fixes'];
  let unsafeFixesLeft: number | undefined;

  if (options.unsafe && !options.fix && !options.fixDryRun) throw new StewardError('USAGE', '--unsafe goes with --fix or --fix-dry-run');
  if (options.fix || options.fixDryRun) {
    // Fixing, diffs, writing and Prisma's validator load only when asked for: a plain lint run skips their modules.
    const [{ fixSchemaFiles }, { unifiedDiff }, { writeFilesAtomic }, { prismaFormat }] = await Promise.all([
      import('../lint/fix.js'),
      import('../diagnostics/unified-diff.js'),
      import('../fs/atomic-write.js'),
      import('../prisma/schema-wasm.js'),
    ]);
    const result = fixSchemaFiles(files, lintConfig, { environments, unsafe: options.unsafe === true, format: prismaFormat });
    const changed = result.files.filter((f, i) => f.text !== files[i].text);
    fixedFiles = changed.map((f) => f.path);
    fixCount = result.applied.length;
    diagnostics = result.remaining;
    if (options.fixDryRun) {
      diff = changed.map((f) => unifiedDiff(sources.get(f.path)!, f.text, f.path)).join('');
      // Nothing is written: findings are those of the files as they are, so their lines match the code frames.
      diagnostics = lintSchema(parseSchema(files), lintConfig, { environments });
      const withFix = diagnostics.filter((d) => d.fix && d.fix.edits.length > 0);
      fixes = { safe: withFix.filter((d) => isSafeFixKind(d.fix!.kind)), unsafe: withFix.filter((d) => !isSafeFixKind(d.fix!.kind)) };
    } else if (!options.unsafe) {
      unsafeFixesLeft = diagnostics.filter((d) => d.fix && !isSafeFixKind(d.fix.kind)).length;
    }
    if (!options.fixDryRun && changed.length > 0) {
      await assertStillValid(files, result.files, config.prismaMajor);
      writeFilesAtomic(
        changed.map((f) => ({ path: resolve(config.cwd, f.path), text: f.text })),
        config.cwd,
      );
      for (const f of changed) sources.set(f.path, f.text);
    }
  } else {
    diagnostics = lintSchema(parseSchema(files), lintConfig, { environments });
  }

  const section = config.sections.lint as LintSection | undefined;
  const baselinePath = options.baseline ?? section?.baseline;
  let baselineKnown: number | undefined;
  let baselineWritten: string | undefined;
  if (baselinePath) {
    const [{ applyBaseline, createBaseline, parseBaseline, serializeBaseline }, { writeFilesAtomic }, { readText }] = await Promise.all([
      import('../lint/baseline.js'),
      import('../fs/atomic-write.js'),
      import('../fs/read-text.js'),
    ]);
    const absolute = resolve(config.cwd, baselinePath);
    if (options.updateBaseline || !existsSync(absolute)) {
      writeFilesAtomic([{ path: absolute, text: serializeBaseline(createBaseline(diagnostics)) }], config.cwd);
      baselineWritten = baselinePath;
      baselineKnown = diagnostics.length;
      diagnostics = [];
    } else {
      const applied = applyBaseline(diagnostics, parseBaseline(readText(absolute, config.cwd), baselinePath));
      diagnostics = applied.fresh;
      baselineKnown = applied.known;
    }
  }
  return { diagnostics, sources, fixedFiles, fixCount, diff, fixes, unsafeFixesLeft, baselineKnown, baselineWritten };
}

/** Refuses to write fixes that make Prisma reject a schema it accepted before. */
async function assertStillValid(before: SourceFile[], after: SourceFile[], major: PrismaMajor): Promise<void> {
  const { prismaValidate } = await import('../prisma/schema-wasm.js');
  const options = { major, allowDatasourceUrls: true, lenientPreviewFeatures: true };
  const errorsBefore = prismaValidate(before, options).filter((d) => d.severity === 'error').length;
  if (errorsBefore > 0) return; // Prisma already rejects the input; the fixes cannot make that worse in a way we can tell.
  const errors = prismaValidate(after, options).filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    throw new StewardError('INTERNAL', 'The lint fixes would make the schema invalid for Prisma; nothing was written', {
      details: errors.map((e) => `${e.location?.file}:${e.location?.line}:${e.location?.column} ${e.message}`),
    });
  }
}
