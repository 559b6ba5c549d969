import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CONFIG_FILE_NAMES, loadConfig } from '../config/load.js';
import { StewardError } from '../errors/index.js';
import { writeFilesAtomic } from '../fs/atomic-write.js';
import { normalizeProvider, PROVIDERS, type Provider } from '../generate/capabilities.js';
import { prismaValidate } from '../prisma/schema-wasm.js';
import { generateProject, type GenerateReport } from '../project/environments.js';
import { readSchemaFiles } from '../schema/load.js';
import { parseSchema } from '../schema/parse.js';
import { datasourceProvider, getProperty } from '../schema/query.js';
import { findPrismaSchema } from './find-schema.js';
import { type InitPlan, planInit, WORKFLOW_PATH } from './plan.js';

export interface InitResult {
  plan: InitPlan;
  /** Paths written (relative to cwd), including generated environment files. */
  written: string[];
  schema: { path: string; via: string };
  generate: GenerateReport;
}

/**
 * `steward init`: adopts an existing Prisma project. Finds the schema, checks it with Prisma,
 * then writes the master, the configuration, npm scripts and a CI workflow (all at once), and
 * generates the environment files. Running it again changes nothing.
 */
export async function initProject(cwd: string): Promise<InitResult> {
  const found = findPrismaSchema(cwd);
  const rel = (p: string) => relative(cwd, p).split(sep).join('/');
  const files = readSchemaFiles(found.path, cwd);
  const errors = prismaValidate(files, { allowDatasourceUrls: true, lenientPreviewFeatures: true }).filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0].location!;
    throw new StewardError('SCHEMA_INVALID', `${rel(found.path)} is not valid for Prisma; fix it before adopting steward`, {
      location: { file: first.file, line: first.line, column: first.column },
      details: errors.map((e) => `${e.location!.file}:${e.location!.line}:${e.location!.column} ${e.message}`),
    });
  }
  const schema = parseSchema(files);
  const provider = normalizeProvider(datasourceProvider(schema));
  if (!provider || !(PROVIDERS as readonly string[]).includes(provider)) {
    const ds = schema.datasources[0];
    throw new StewardError('USAGE', `Cannot tell the database provider of ${rel(found.path)}${provider ? ` ('${provider}' is not supported)` : ''}`, {
      location: ds ? { file: ds.span.file, line: ds.span.line, column: ds.span.column } : { file: rel(found.path) },
    });
  }
  const schemaDir = found.folder ? join(found.path, '..') : join(found.path, '..');
  const migrations = join(schemaDir, 'migrations');
  const pkgPath = join(cwd, 'package.json');
  const packageJson = existsSync(pkgPath) ? readFileSync(pkgPath, 'utf8') : undefined;
  if (packageJson !== undefined) {
    try {
      JSON.parse(packageJson);
    } catch (error) {
      throw new StewardError('USAGE', `package.json is not valid JSON: ${(error as Error).message}`, { location: { file: 'package.json' } });
    }
  }
  const existingConfig = CONFIG_FILE_NAMES.find((n) => existsSync(join(cwd, n)));
  const masterPath = found.folder ? found.path : join(schemaDir, 'schema.master.prisma');
  const plan = planInit({
    schemaPath: rel(found.path),
    schemaFolder: found.folder,
    schemaText: found.folder ? undefined : files[0].text,
    provider: provider as Provider,
    prismaMajor: prismaMajorOf(packageJson, schema),
    migrationsDir: existsSync(migrations) ? rel(migrations) : undefined,
    packageJson,
    existingConfig,
    masterExists: existsSync(masterPath),
    workflowExists: existsSync(join(cwd, WORKFLOW_PATH)),
  });
  writeFilesAtomic(plan.files.map((f) => ({ path: join(cwd, f.path), text: f.text })), cwd);
  const config = await loadConfig({ cwd });
  const generate = await generateProject(config);
  return {
    plan,
    written: [...plan.files.map((f) => f.path), ...generate.written.map(rel)],
    schema: { path: rel(found.path), via: found.via },
    generate,
  };
}

/** Prisma 7 moved URLs out of the schema: the installed version decides, else the datasource's style. */
function prismaMajorOf(packageJson: string | undefined, schema: ReturnType<typeof parseSchema>): 6 | 7 {
  if (packageJson) {
    const pkg = JSON.parse(packageJson) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    const spec = pkg.devDependencies?.prisma ?? pkg.dependencies?.prisma ?? pkg.dependencies?.['@prisma/client'] ?? pkg.devDependencies?.['@prisma/client'];
    const major = spec ? /(\d+)/.exec(spec)?.[1] : undefined;
    if (major) return Number(major) >= 7 ? 7 : 6;
  }
  const ds = schema.datasources[0];
  return ds && getProperty(ds, 'url') !== undefined ? 6 : 7;
}
