import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { readText } from '../fs/read-text.js';
import { StewardError } from '../errors/index.js';
import { PROVIDERS, type Provider } from '../providers/provider.js';
import { findProvider, normalizeProvider } from '../providers/registry.js';
import { PRISMA_MAJORS } from '../prisma/major.js';
import { parseConfigBlocks } from '../schema/parse.js';
import { readSchemaFiles } from '../schema/load.js';
import { datasourceProvider, urlEnvVar } from '../schema/query.js';
import { ConfigProblems, join as joinPath } from './check-value.js';
import { importConfigFile } from './import-file.js';
import type { ConfigSections } from './sections.js';
import type { EnvironmentConfig, ResolvedConfig, ResolvedEnvironment, StewardConfig } from './types.js';
import { skippedDirs } from '../fs/generated-dirs.js';

export const CONFIG_FILE_NAMES = ['steward.config.ts', 'steward.config.mts', 'steward.config.js', 'steward.config.mjs', 'steward.config.json'];
const MASTER_CANDIDATES = ['prisma/schema.master.prisma', 'api/prisma/schema.master.prisma'];
const MASTER_FILE_NAME = 'schema.master.prisma';
const SKIP_DIRS = skippedDirs('.steward');

export interface LoadConfigOptions {
  cwd?: string;
  /** Explicit configuration file (--config). */
  configFile?: string;
  /**
   * The capabilities' sections (lint, audit, ...) this configuration may hold, by key. The config
   * layer knows no capability: the composition root (src/compose/sections.ts) passes them, and its
   * `loadConfig` is the one the CLI and the library API use. Default: none.
   */
  sections?: ConfigSections;
}

export { importConfigFile };

/** Finds, loads, validates and resolves the configuration. Throws StewardError (exit 2) on problems. */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  const cwd = resolve(options.cwd ?? process.cwd());
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) {
    throw new StewardError('USAGE', `Working directory not found: ${cwd}`);
  }
  let configFile: string | undefined;
  if (options.configFile) {
    configFile = resolve(cwd, options.configFile);
    if (!existsSync(configFile))
      throw new StewardError('CONFIG_NOT_FOUND', `Configuration file not found: ${options.configFile}`, { location: { file: options.configFile } });
  } else {
    configFile = CONFIG_FILE_NAMES.map((n) => join(cwd, n)).find((p) => existsSync(p));
  }
  if (configFile) readText(configFile, cwd); // a directory or an unreadable file: FILE_UNREADABLE with the path
  const raw = configFile ? await importConfigFile(configFile, cwd) : {};
  return resolveConfig(raw, cwd, configFile, options.sections);
}

/** Validates a configuration object and fills in defaults. Pure apart from locating the master. */
export function resolveConfig(raw: unknown, cwd: string, configFile?: string, sectionValidators: ConfigSections = {}): ResolvedConfig {
  const shown = configFile ? relative(cwd, configFile) || configFile : 'configuration';
  const problems = new ConfigProblems();
  validateConfig(raw, problems, sectionValidators);
  if (problems.problems.length > 0) {
    throw new StewardError('CONFIG_INVALID', `Invalid configuration in ${shown}`, { location: { file: shown }, details: problems.problems });
  }
  const config = raw as StewardConfig;
  const master = config.master ? resolve(configFile ? dirname(configFile) : cwd, config.master) : findMaster(cwd);
  if (!existsSync(master)) {
    throw new StewardError('MASTER_NOT_FOUND', `Master schema not found: ${relative(cwd, master) || master}`, {
      location: { file: shown },
      hint: 'Set `master` in steward.config.ts, or run `steward init` to create one from your schema.prisma.',
    });
  }
  const prismaMajor = config.prismaMajor ?? 7;
  const masterDir = statSync(master).isDirectory() ? dirname(master) : dirname(master);
  const projectDir = basename(masterDir) === 'prisma' ? dirname(masterDir) : masterDir;

  // Defaults read the master's datasource: its URL variable and provider.
  let masterUrlEnv: string | undefined;
  let masterProvider: string | undefined;
  try {
    // Only the datasource block is needed here: the parser reads it and skips the other blocks'
    // bodies (parsing the whole master would double start-up work).
    const schema = parseConfigBlocks(readSchemaFiles(master, cwd));
    masterProvider = normalizeProvider(datasourceProvider(schema));
    masterUrlEnv = schema.datasources[0] ? urlEnvVar(schema.datasources[0]) : undefined;
  } catch {
    // A malformed master is reported by the command that reads it, with its location.
  }
  const envConfigs: Record<string, EnvironmentConfig> = config.environments ?? {
    dev: { provider: 'sqlite' },
    // Production is PostgreSQL, or the master's own provider when it is of PostgreSQL's family (CockroachDB).
    production: { provider: findProvider(masterProvider)?.family === 'postgresql' ? (masterProvider as Provider) : 'postgresql' },
  };
  const base = configFile ? dirname(configFile) : cwd;
  // Histories default to `migrations/<env>` beside the master, unless an environment keeps its
  // history in that `migrations` folder itself (an adopted app): then `migrations-<env>`, never inside it.
  const prismaDefaultHistory = join(masterDir, 'migrations');
  const historyAtPrismaDefault = Object.values(envConfigs).some(
    (env) => env.migrations !== undefined && resolve(base, env.migrations) === prismaDefaultHistory,
  );
  const defaultHistory = (name: string) => (historyAtPrismaDefault ? join(masterDir, `migrations-${name}`) : join(prismaDefaultHistory, name));
  const environments: ResolvedEnvironment[] = Object.entries(envConfigs).map(([name, env]) => {
    const major = env.prismaMajor ?? prismaMajor;
    const output = env.output ? resolve(base, env.output) : join(masterDir, `schema.${name}.prisma`);
    const isMaster = output === master;
    return {
      name,
      provider: env.provider,
      output,
      isMaster,
      urlEnv: env.urlEnv ?? masterUrlEnv ?? 'DATABASE_URL',
      // An environment whose schema is the master keeps the project's own prisma.config.ts, if any.
      prismaConfigPath:
        env.prismaConfig === false || major < 7 || (isMaster && env.prismaConfig === undefined)
          ? undefined
          : env.prismaConfig
            ? resolve(base, env.prismaConfig)
            : join(projectDir, `prisma.${name}.config.ts`),
      migrationsDir: env.migrations ? resolve(base, env.migrations) : defaultHistory(name),
      prismaMajor: major,
      ...(env.shadowUrl ? { shadowUrl: env.shadowUrl } : {}),
      ...(env.fleet ? { fleetFile: resolve(base, env.fleet) } : {}),
    };
  });
  if (config.allowOutsidePaths !== true) checkInsideProject(envConfigs, base, [cwd, base], shown);
  checkEnvironmentLayout(environments, masterProvider, cwd, shown);
  const sections: Record<string, unknown> = {};
  for (const key of Object.keys(sectionValidators)) if (config[key] !== undefined) sections[key] = config[key];
  return { cwd, configFile, master, prismaMajor, environments, sections };
}

/**
 * Paths steward writes (an environment's output, prisma config, migrations) stay inside the
 * project (the working directory or the configuration's folder) unless `allowOutsidePaths` is
 * true: a typo or a copied configuration must not write `../../etc/x.prisma`.
 */
function checkInsideProject(envConfigs: Record<string, EnvironmentConfig>, base: string, roots: readonly string[], shown: string): void {
  const inside = (path: string) =>
    roots.some((root) => {
      const rel = relative(root, path);
      return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
    });
  const problems: string[] = [];
  for (const [name, env] of Object.entries(envConfigs)) {
    for (const key of ['output', 'prismaConfig', 'migrations'] as const) {
      const value = env[key];
      if (typeof value === 'string' && !inside(resolve(base, value)))
        problems.push(`environments.${name}.${key}: ${value} is outside the project (${roots[0]})`);
    }
  }
  if (problems.length > 0) {
    throw new StewardError('CONFIG_INVALID', `Paths outside the project in ${shown}`, {
      location: { file: shown },
      details: problems,
      hint: 'Set `allowOutsidePaths: true` in the configuration to write there on purpose.',
    });
  }
}

/**
 * Each environment needs its own migrations folder, and no folder inside another: Prisma reads
 * every subfolder of a migrations folder as a migration (a `dev` history inside the production
 * one would be a broken production migration). An environment whose schema is the master must
 * have the master's provider.
 */
function checkEnvironmentLayout(environments: ResolvedEnvironment[], masterProvider: string | undefined, cwd: string, shown: string): void {
  const rel = (p: string) => relative(cwd, p) || '.';
  const problems: string[] = [];
  for (const a of environments) {
    for (const b of environments) {
      if (a === b) continue;
      if (a.migrationsDir === b.migrationsDir && a.name < b.name)
        problems.push(
          `environments.${a.name}.migrations and environments.${b.name}.migrations: both are ${rel(a.migrationsDir)}; each environment needs its own history`,
        );
      else if (b.migrationsDir.startsWith(a.migrationsDir + sep))
        problems.push(
          `environments.${b.name}.migrations: ${rel(b.migrationsDir)} is inside environments.${a.name}'s history ${rel(a.migrationsDir)}, where Prisma would read it as a migration`,
        );
    }
    if (a.isMaster && masterProvider !== undefined && normalizeProvider(a.provider) !== masterProvider) {
      problems.push(`environments.${a.name}: its schema is the master (output), so its provider must be the master's (${masterProvider}), not ${a.provider}`);
    }
  }
  if (problems.length > 0) throw new StewardError('CONFIG_INVALID', `Invalid environment layout in ${shown}`, { location: { file: shown }, details: problems });
}

const CORE_KEYS = ['master', 'prismaMajor', 'environments', 'allowOutsidePaths'];
const ENV_KEYS = ['provider', 'output', 'urlEnv', 'prismaConfig', 'migrations', 'prismaMajor', 'shadowUrl', 'fleet'];

function validateConfig(raw: unknown, p: ConfigProblems, sections: ConfigSections): void {
  if (!p.object('', raw)) return;
  p.knownKeys('', raw, [...CORE_KEYS, ...Object.keys(sections)]);
  if (raw.master !== undefined) p.string('master', raw.master);
  if (raw.prismaMajor !== undefined) p.oneOf('prismaMajor', raw.prismaMajor, PRISMA_MAJORS);
  if (raw.allowOutsidePaths !== undefined) p.boolean('allowOutsidePaths', raw.allowOutsidePaths);
  if (raw.environments !== undefined && p.object('environments', raw.environments)) {
    const entries = Object.entries(raw.environments);
    if (entries.length === 0) p.add('environments', 'needs at least one environment');
    for (const [name, env] of entries) {
      const path = joinPath('environments', name);
      if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(name)) p.add(path, 'environment names start with a letter and use letters, digits, _ and -');
      if (!p.object(path, env)) continue;
      p.knownKeys(path, env, ENV_KEYS);
      p.oneOf(joinPath(path, 'provider'), env.provider, PROVIDERS as readonly Provider[]);
      for (const key of ['output', 'urlEnv', 'migrations', 'fleet'] as const) if (env[key] !== undefined) p.string(joinPath(path, key), env[key]);
      if (env.prismaConfig !== undefined && env.prismaConfig !== false) p.string(joinPath(path, 'prismaConfig'), env.prismaConfig);
      if (env.prismaMajor !== undefined) p.oneOf(joinPath(path, 'prismaMajor'), env.prismaMajor, PRISMA_MAJORS);
      if (env.shadowUrl !== undefined && p.string(joinPath(path, 'shadowUrl'), env.shadowUrl) && !/^postgres(ql)?:\/\//i.test(env.shadowUrl)) {
        p.add(joinPath(path, 'shadowUrl'), 'must be a postgresql:// URL (a server where steward may create and drop a throwaway database)');
      }
    }
  }
  for (const [key, validate] of Object.entries(sections)) {
    if (raw[key] !== undefined) validate(raw[key], p, key);
  }
}

/** Zero-config master discovery: the specification's layout first, then a search under cwd. */
export function findMaster(cwd: string): string {
  for (const candidate of MASTER_CANDIDATES) {
    const p = join(cwd, candidate);
    if (existsSync(p)) return p;
  }
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 6 || found.length > 5) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(join(dir, e.name), depth + 1);
      } else if (e.name === MASTER_FILE_NAME) found.push(join(dir, e.name));
    }
  };
  walk(cwd, 0);
  if (found.length === 1) return found[0];
  if (found.length > 1) {
    throw new StewardError('MASTER_NOT_FOUND', `Several master schemas found; set \`master\` in steward.config.ts`, {
      details: found.map((f) => relative(cwd, f)),
    });
  }
  throw new StewardError('MASTER_NOT_FOUND', `No master schema found under ${cwd}`, {
    hint: `Expected ${MASTER_CANDIDATES.join(' or ')} (or any ${MASTER_FILE_NAME}), or \`master\` in steward.config.ts. \`steward init\` creates one from an existing schema.prisma.`,
  });
}
