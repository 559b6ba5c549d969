import { dirname, relative, sep } from 'node:path';
import type { ResolvedConfig, ResolvedEnvironment } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { StewardError } from '../errors/index.js';
import type { PrismaMajor } from '../prisma/major.js';
import { knownPreviewFeatures } from '../prisma/schema-wasm.js';
import { type FinishJob, type FinishResult, finishSchema } from './finish.js';
import { finishSchemas } from './finish-parallel.js';
import type { Schema } from '../schema/model.js';
import { validateAnnotations } from './annotations.js';
import { findProvider, normalizeProvider, providerAdapter } from '../providers/registry.js';
import { datasourceProvider } from '../schema/query.js';
import type { GenerationChange } from './changes.js';
import { hashMaster, hashText, parseHeader, renderHeader } from './header.js';
import { environmentSettingsHash } from './settings.js';
import { renderPrismaConfig } from './prisma-config.js';
import { type TransformResult, transformForEnvironment } from './transform.js';

export interface GeneratedFile {
  /** Absolute path. */
  path: string;
  text: string;
}

export interface GeneratedEnvironment {
  env: ResolvedEnvironment;
  schema: GeneratedFile;
  prismaConfig?: GeneratedFile;
  changes: GenerationChange[];
  /** Prisma's verdict on the generated schema; an error here is a bug of steward's. */
  validation: Diagnostic[];
}

export interface PlannedEnvironment {
  env: ResolvedEnvironment;
  job: FinishJob;
  changes: GenerationChange[];
  prismaConfig?: GeneratedFile;
}

/** Everything but formatting and validation, which run in finishSchema(s). */
export function planEnvironments(schema: Schema, config: Pick<ResolvedConfig, 'environments' | 'master' | 'cwd'>, only?: string): PlannedEnvironment[] {
  const names = config.environments.map((e) => e.name);
  if (only !== undefined && !names.includes(only)) {
    throw new StewardError('UNKNOWN_ENVIRONMENT', `Unknown environment '${only}' (configured: ${names.join(', ')})`);
  }
  validateAnnotations(schema, names);
  const masterProvider = normalizeProvider(datasourceProvider(schema));
  // Document and SQL schemas do not convert into each other.
  const masterIsDocument = findProvider(masterProvider)?.family === 'document';
  const crossing = config.environments.filter((e) => masterIsDocument !== (providerAdapter(e.provider).family === 'document'));
  if (masterProvider && crossing.length > 0) {
    const ds = schema.datasources[0];
    throw new StewardError(
      'USAGE',
      `A ${masterProvider} master cannot generate ${crossing.map((e) => `${e.name} (${e.provider})`).join(', ')}: MongoDB and SQL schemas do not convert into each other`,
      {
        location: ds ? { file: ds.span.file, line: ds.span.line, column: ds.span.column } : undefined,
        hint: 'Configure environments of the same family as the master in steward.config.ts.',
      },
    );
  }
  const masterHash = hashMaster(schema.files);
  const out: PlannedEnvironment[] = [];
  for (const env of config.environments) {
    if (only !== undefined && env.name !== only) continue;
    const result = transformEnvironment(schema, env);
    const body = result.files.length === 1 ? result.files[0].text : result.files.map((f) => `// ---- from ${f.path} ----\n${f.text}`).join('\n');
    const shownPath = relative(config.cwd, env.output).split(sep).join('/') || env.output;
    const master = relative(dirname(env.output), config.master).split(sep).join('/') || config.master;
    const settingsHash = environmentSettingsHash(env, config);
    let prismaConfig: GeneratedFile | undefined;
    if (env.prismaConfigPath) {
      const configBody = renderPrismaConfig({ configPath: env.prismaConfigPath, schemaPath: env.output, migrationsDir: env.migrationsDir, urlEnv: env.urlEnv });
      prismaConfig = { path: env.prismaConfigPath, text: renderHeader({ master, env: env.name, masterHash, settingsHash }, configBody) + configBody };
    }
    out.push({
      env,
      job: { shownPath, body, master, env: env.name, masterHash, settingsHash, prismaMajor: env.prismaMajor },
      changes: result.changes,
      prismaConfig,
    });
  }
  return out;
}

const knownByMajor = new Map<PrismaMajor, ReadonlySet<string>>();

/** The master transformed for one configured environment (memoized per schema and target). */
export function transformEnvironment(schema: Schema, env: ResolvedEnvironment): TransformResult {
  let known = knownByMajor.get(env.prismaMajor);
  if (!known) knownByMajor.set(env.prismaMajor, (known = new Set(knownPreviewFeatures(env.prismaMajor))));
  return transformForEnvironment(schema, {
    name: env.name,
    provider: env.provider,
    prismaMajor: env.prismaMajor,
    urlEnv: env.urlEnv,
    knownPreviewFeatures: known,
  });
}

/**
 * Computes every environment's files from the master. Pure: nothing is read or written.
 * Throws StewardError for invalid annotations (with their location).
 */
export function generateEnvironments(schema: Schema, config: Pick<ResolvedConfig, 'environments' | 'master' | 'cwd'>, only?: string): GeneratedEnvironment[] {
  return planEnvironments(schema, config, only).map((p) => assemble(p, finishSchema(p.job)));
}

/** Same as generateEnvironments, formatting and validating environments in parallel on large schemas. */
export async function generateEnvironmentsAsync(
  source: Schema | (() => Schema) | (() => Promise<PlannedEnvironment[]>),
  config: Pick<ResolvedConfig, 'environments' | 'master' | 'cwd'>,
  only?: string,
): Promise<GeneratedEnvironment[]> {
  // Given a loader, the schema model is garbage once planned, before Prisma's wasm grows its memory.
  const loaded = typeof source === 'function' ? await source() : source;
  const planned = Array.isArray(loaded) ? loaded : planEnvironments(loaded, config, only);
  const finished = await finishSchemas(planned.map((p) => p.job));
  return planned.map((p, i) => assemble(p, finished[i]));
}

function assemble(p: PlannedEnvironment, finished: FinishResult): GeneratedEnvironment {
  return { env: p.env, schema: { path: p.env.output, text: finished.text }, prismaConfig: p.prismaConfig, changes: p.changes, validation: finished.validation };
}

export type StaleReason = 'missing' | 'no-header' | 'edited' | 'master-changed' | 'settings-changed';

/** A stale file's diagnostic code (`output-missing`, `output-edited`, ...): the codes of source `generate`. */
export type StaleCode = `output-${StaleReason}`;

declare module '../diagnostics/diagnostic.js' {
  interface DiagnosticCodes {
    generate: StaleCode;
  }
}

export interface StaleFile {
  env: string;
  path: string;
  reason: StaleReason;
  /** First line (1-based) where the file on disk differs from what generate would write. */
  line?: number;
  expected?: string;
  actual?: string;
}

/** Compares a generated file with the file on disk (undefined when missing). Pure. */
export function compareGenerated(env: string, expected: GeneratedFile, actual: string | undefined): StaleFile | undefined {
  if (actual === expected.text) return undefined;
  if (actual === undefined) return { env, path: expected.path, reason: 'missing' };
  const diffLine = firstDifference(expected.text, actual);
  const base = { env, path: expected.path, ...diffLine };
  const header = parseHeader(actual);
  if (!header) return { ...base, reason: 'no-header' };
  const wanted = parseHeader(expected.text)!;
  if (hashText(header.body) !== header.info.contentHash) return { ...base, reason: 'edited' };
  if (header.info.masterHash !== wanted.info.masterHash) return { ...base, reason: 'master-changed' };
  return { ...base, reason: 'settings-changed' };
}

/** First differing line, looking past the 3-line header first (its hashes differ whenever anything does). */
function firstDifference(expected: string, actual: string): { line: number; expected?: string; actual?: string } {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (const start of [3, 0])
    for (let i = start; i < Math.max(a.length, b.length); i++) {
      if (a[i] !== b[i]) return { line: i + 1, expected: a[i], actual: b[i] };
    }
  return { line: 1 };
}

export const STALE_REASON_TEXT: Record<StaleReason, string> = {
  missing: 'is missing; run `steward generate`',
  'no-header': 'was not generated by steward (no header); run `steward generate` to replace it',
  edited: 'was edited by hand since it was generated; move the change into the master and run `steward generate`',
  'master-changed': 'is stale: the master changed since it was generated; run `steward generate`',
  'settings-changed': 'is stale: generation settings changed (configuration or steward version); run `steward generate`',
};

/**
 * Whether a file on disk is current judging by its header alone: generated for this master and
 * these settings, and not edited since. Lets `check` skip regeneration (formatting and
 * validation) when nothing changed. A false answer only means "regenerate and compare".
 */
export function currentByHeader(actual: string | undefined, masterHash: string, settingsHash: string): boolean {
  if (actual === undefined) return false;
  const header = parseHeader(actual);
  return (
    header !== undefined &&
    header.info.masterHash === masterHash &&
    header.info.settingsHash === settingsHash &&
    hashText(header.body) === header.info.contentHash
  );
}
