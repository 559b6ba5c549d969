/**
 * `steward verify` as a library call. Per environment: its Prisma Client generated into
 * steward's cache, the application type-checked against it (and against the master's client,
 * to tell code bugs from environment incompatibilities), and CRUD smoke tests on a scratch
 * database of its provider.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { engineNotesOf } from '../migrate/environment-schemas.js';
import { generateProject } from '../project/environments.js';
import { loadMaster } from '../project/master.js';
import type { Schema } from '../schema/model.js';
import { parseSchema } from '../schema/parse.js';
import { clientCacheDir } from './client-cache.js';
import { clientGenerator } from './client-schema.js';
import { classifyTypeErrors, type TypeFinding } from './classify-type-errors.js';
import { verifyConfigOf } from './config.js';
import { crudEnvironment, type EnvironmentCrudResult } from './crud-environment.js';
import { generateClient, type GeneratedClient } from './generate-client.js';
import { typeErrorSubject } from './type-error-subject.js';
import { openTypecheckSession, type TypeErrorRecord, type TypeScriptProject } from './typecheck.js';

export interface VerifyOptions {
  env?: string;
  skipTypecheck?: boolean;
  skipCrud?: boolean;
  /** A PostgreSQL server (an empty database) for the postgresql environments instead of PGlite. */
  url?: string;
}

export interface TypeFindingWithSubject extends TypeFinding {
  model?: string;
  field?: string;
}

export interface TypecheckReport {
  /** Absolute path of the tsconfig used, when one was found. */
  tsconfig?: string;
  /** What errors are compared with to decide they are not the environment's fault. */
  baseline: 'master' | 'every-environment';
  /** Errors per target (environments and `master`), before classification. */
  errorCounts: Record<string, number>;
  findings: TypeFindingWithSubject[];
  skipped?: string;
}

export interface VerifyReport {
  environments: { name: string; provider: string }[];
  /** What steward's Prisma 7 engines were not given (Prisma 5/6 URLs, unknown preview features), as info. */
  engineNotes: Diagnostic[];
  typecheck?: TypecheckReport;
  crud?: EnvironmentCrudResult[];
  timings: Record<string, number>;
}

export async function verifyProject(config: ResolvedConfig, options: VerifyOptions = {}): Promise<VerifyReport> {
  const timings: Record<string, number> = {};
  const time = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      timings[label] = Math.round(performance.now() - started);
    }
  };
  const generated = await time('generate-schemas', () => generateProject(config, { check: true, env: options.env }));
  const envs = generated.environments.map((e) => ({
    name: e.env.name,
    provider: e.env.provider,
    text: e.schema.text,
    path: path.relative(config.cwd, e.schema.path) || e.schema.path,
    schema: parseSchema([{ path: path.relative(config.cwd, e.schema.path), text: e.schema.text }]),
    migrationsDir: e.env.migrationsDir,
  }));
  const master = loadMaster(config, { validate: false });
  const project = options.skipTypecheck ? undefined : typeScriptProject(config, master.schema);

  // The master's client is the type-check baseline; it generates alongside the environments'.
  const masterClient = project ? generateClient(master.schema.files.map((f) => f.text).join('\n')).catch(() => undefined) : undefined;
  const clients = await time('generate-clients', async () => {
    const entries = await Promise.all(envs.map(async (e) => [e.name, await generateClient(e.text)] as const));
    return new Map<string, GeneratedClient>(entries);
  });

  const engineNotes = generated.environments.flatMap((e, i) => engineNotesOf(config, e.env, { path: envs[i].path, content: envs[i].text }));
  const report: VerifyReport = { environments: envs.map((e) => ({ name: e.name, provider: e.provider })), engineNotes, timings };
  if (!options.skipTypecheck) {
    report.typecheck = await time('typecheck', async () => typecheckEnvironments(project, await masterClient, envs, clients));
  }
  if (!options.skipCrud) {
    // Environments run concurrently: SQLite queries run on libsql's own thread while PGlite's run on this one.
    report.crud = await time('crud', async () =>
      Promise.all(
        envs.map((env) =>
          crudEnvironment({
            env: env.name,
            provider: env.provider,
            schemaText: env.text,
            schema: env.schema,
            migrationsDir: env.migrationsDir,
            client: clients.get(env.name)!,
            url: options.url,
            cache: { cacheDir: process.env.STEWARD_CACHE_DIR ?? path.dirname(clientCacheDir()) },
          }),
        ),
      ),
    );
  }
  return report;
}

async function typecheckEnvironments(
  project: TypeScriptProject | undefined,
  masterClient: GeneratedClient | undefined,
  envs: { name: string; schema: Schema }[],
  clients: Map<string, GeneratedClient>,
): Promise<TypecheckReport> {
  if (!project) {
    return {
      baseline: 'every-environment',
      errorCounts: {},
      findings: [],
      skipped: 'no tsconfig.json found for the application (set verify.tsconfig in steward.config)',
    };
  }
  const session = openTypecheckSession(project);
  const byEnv = new Map<string, TypeErrorRecord[]>();
  const errorCounts: Record<string, number> = {};
  let baseline: TypeErrorRecord[] | undefined;
  if (masterClient) {
    baseline = session.check({ name: 'master', client: masterClient });
    errorCounts.master = baseline.length;
  }
  for (const env of envs) {
    const errors = session.check({ name: env.name, client: clients.get(env.name)! });
    byEnv.set(env.name, errors);
    errorCounts[env.name] = errors.length;
  }
  const schemas = envs.map((e) => e.schema);
  const findings = classifyTypeErrors(byEnv, baseline).map((finding) => ({
    ...finding,
    ...typeErrorSubject(session.sourceFile(finding.file), finding.start, finding.fullMessage, schemas),
  }));
  return { tsconfig: project.tsconfig, baseline: baseline ? 'master' : 'every-environment', errorCounts, findings };
}

/** The application: its tsconfig, and the folder it imports its generated client from. */
function typeScriptProject(config: ResolvedConfig, master: Schema): TypeScriptProject | undefined {
  const generator = clientGenerator(master);
  const generatorFile = master.generators[0]?.span.file;
  const schemaDir = generatorFile ? path.dirname(path.resolve(config.cwd, generatorFile)) : path.dirname(config.master);
  const clientOutputDir = generator?.output ? path.resolve(schemaDir, generator.output) : undefined;
  const configured = verifyConfigOf(config.sections).tsconfig;
  const tsconfig = configured ? path.resolve(config.cwd, configured) : nearestTsconfig(clientOutputDir ?? schemaDir, config.cwd);
  if (!tsconfig) return undefined;
  return { tsconfig, clientOutputDir, importsPackage: generator?.provider === 'prisma-client-js' && !generator.output };
}

function nearestTsconfig(from: string, cwd: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (dir === cwd || path.dirname(dir) === dir || !dir.startsWith(cwd)) break;
  }
  const atRoot = path.join(cwd, 'tsconfig.json');
  return existsSync(atRoot) ? atRoot : undefined;
}
