import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAMES, loadConfig } from '../config/load.js';
import type { ConfigSections } from '../config/sections.js';
import { StewardError } from '../errors/index.js';
import { writeFilesAtomic } from '../fs/atomic-write.js';
import { findProvider, normalizeProvider } from '../providers/registry.js';
import { prismaValidate } from '../prisma/schema-wasm.js';
import { generateProject, type GenerateReport } from '../project/environments.js';
import { readSchemaFiles } from '../schema/load.js';
import { parseSchema } from '../schema/parse.js';
import { datasourceProvider } from '../schema/query.js';
import { readProjectEvidence } from './evidence.js';
import { findMigrationsFolder, findPrismaSchema } from './find-schema.js';
import { type InitPlan, planInit, WORKFLOW_PATH } from './plan.js';

export interface InitOptions {
  /** The schema to adopt, when the project has several (`--master`). */
  master?: string;
  /** `sqlite` adds a SQLite development environment, `none` leaves it out; default: from the project's evidence. */
  dev?: 'sqlite' | 'none';
  /** Add schema:* npm scripts to package.json (the only existing file init may change). */
  scripts?: boolean;
  /** Plan only: write nothing. */
  dryRun?: boolean;
  /** The capabilities' configuration sections, to load the configuration init writes (its `lint` section). */
  sections?: ConfigSections;
}

export interface InitResult {
  plan: InitPlan;
  /** Paths written (relative to cwd), including generated environment files and the lint baseline. */
  written: string[];
  schema: { path: string; via: string };
  generate?: GenerateReport;
  /** Lint findings recorded in the baseline. */
  baselined?: number;
}

/**
 * `steward init`: adopts an existing Prisma project as it is. Finds the schema (monorepos,
 * prisma.config.*, package.json), checks it with Prisma, maps its migration history to its
 * environment, and writes only new files: the configuration, the CI workflow, generated
 * environment schemas and a lint baseline. The user's schema and migrations are never changed.
 * Running it again changes nothing.
 */
export async function initProject(cwdInput: string, options: InitOptions = {}): Promise<InitResult> {
  const cwd = resolve(cwdInput);
  const found = await findPrismaSchema(cwd, options.master);
  const rel = (p: string) => relative(cwd, p).split(sep).join('/') || '.';
  const files = readSchemaFiles(found.path, cwd);
  // The project's Prisma major decides the validator and what its schema may hold (loaded on demand: it reads lockfiles).
  const { detectPrismaMajor } = await import('../project/prisma-version.js');
  const major = detectPrismaMajor(cwd, found.path);
  const errors = prismaValidate(files, { major: major.major, allowDatasourceUrls: true, lenientPreviewFeatures: true }).filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0].location!;
    throw new StewardError('SCHEMA_INVALID', `${rel(found.path)} is not valid for Prisma ${major.major}; fix it before adopting steward`, {
      location: { file: first.file, line: first.line, column: first.column },
      details: errors.map((e) => `${e.location!.file}:${e.location!.line}:${e.location!.column} ${e.message}`),
    });
  }
  const schema = parseSchema(files);
  const adapter = findProvider(datasourceProvider(schema));
  if (!adapter) {
    const provider = normalizeProvider(datasourceProvider(schema));
    const ds = schema.datasources[0];
    throw new StewardError('USAGE', `Cannot tell the database provider of ${rel(found.path)}${provider ? ` ('${provider}' is not supported)` : ''}`, {
      location: ds ? { file: ds.span.file, line: ds.span.line, column: ds.span.column } : { file: rel(found.path) },
    });
  }
  const history = findMigrationsFolder(found);
  const packageDir = schemaPackage(cwd, dirname(found.path));
  const pkgPath = join(cwd, 'package.json');
  const packageJson = existsSync(pkgPath) ? readFileSync(pkgPath, 'utf8') : undefined;
  if (options.scripts && packageJson === undefined) throw new StewardError('USAGE', '--scripts: there is no package.json in the project root');
  if (packageJson !== undefined && options.scripts) {
    try {
      JSON.parse(packageJson);
    } catch (error) {
      throw new StewardError('USAGE', `package.json is not valid JSON: ${(error as Error).message}`, { location: { file: 'package.json' } });
    }
  }
  const plan = planInit({
    schemaPath: rel(found.path),
    schemaFolder: found.folder,
    provider: adapter.id,
    prismaMajor: major.major,
    prismaMajorVia: major.evidence,
    migrationsDir: history ? rel(history) : undefined,
    lastMigration: history ? lastMigration(history) : undefined,
    evidence: readProjectEvidence(cwd, packageDir),
    dev: options.dev,
    packageJson: options.scripts ? packageJson : undefined,
    existingConfig: CONFIG_FILE_NAMES.find((n) => existsSync(join(cwd, n))),
    workflowExists: existsSync(join(cwd, WORKFLOW_PATH)),
  });
  const result: InitResult = { plan, written: [], schema: { path: rel(found.path), via: found.via } };
  if (options.dryRun) return result;
  writeFilesAtomic(
    plan.files.map((f) => ({ path: join(cwd, f.path), text: f.text })),
    cwd,
  );
  result.written.push(...plan.files.map((f) => f.path));
  const config = await loadConfig({ cwd, sections: options.sections });
  result.generate = await generateProject(config);
  result.written.push(...result.generate.written.map(rel));
  if (plan.lintBaseline && !existsSync(join(cwd, plan.lintBaseline))) {
    const { lintProject } = await import('../project/lint.js');
    const linted = await lintProject(config, { updateBaseline: true });
    result.baselined = linted.baselineKnown;
    result.written.push(plan.lintBaseline);
  }
  return result;
}

/** The folder of the workspace package that holds the schema (the nearest package.json at or above it, inside the project). */
function schemaPackage(root: string, from: string): string {
  for (let dir = from; dir.startsWith(root); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dir === root) break;
  }
  return root;
}

/** The last migration folder (by name, as Prisma orders them) that holds a migration.sql. */
function lastMigration(history: string): string | undefined {
  const names = readdirSync(history, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(history, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort();
  return names.at(-1);
}
