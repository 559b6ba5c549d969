import type { PrismaMajor } from '../prisma/major.js';
import type { Provider } from '../providers/provider.js';

/** One environment as the user writes it in steward.config.*. */
export interface EnvironmentConfig {
  /** Database provider of the environment's generated schema. */
  provider: Provider;
  /**
   * Output schema file. Default: `schema.<env>.prisma` beside the master. The master's own path
   * makes the master this environment's schema: nothing is generated for it (an adopted app whose
   * schema.prisma is both the master and the production schema Prisma's CLI reads).
   */
  output?: string;
  /** Environment variable holding the connection URL. Default: the master's `url = env(...)`, else DATABASE_URL. */
  urlEnv?: string;
  /** Where `prisma.<env>.config.ts` is written (Prisma 7 targets), or false for none. */
  prismaConfig?: string | false;
  /** Migrations folder. Default: `migrations/<env>` beside the master. */
  migrations?: string;
  /** Target Prisma major version for this environment. Default: the top-level prismaMajor. */
  prismaMajor?: PrismaMajor;
  /**
   * A PostgreSQL server (`postgresql://...`) for the scratch database when the history needs an
   * extension PGlite lacks. Steward creates a throwaway database there and drops it afterwards.
   */
  shadowUrl?: string;
  /** A fleet file (one database URL per line, as `--urls-file`): `steward status` shows its version skew. */
  fleet?: string;
}

/** The configuration file's shape. Every key is optional: zero config follows the specification's layout. */
export interface StewardConfig {
  /** Master schema: a .prisma file or a folder of .prisma files. */
  master?: string;
  /** Target Prisma major version (5, 6 or 7). Default 7; `steward init` writes the project's. */
  prismaMajor?: PrismaMajor;
  /** Environments by name. Default: dev (sqlite) and production (postgresql). */
  environments?: Record<string, EnvironmentConfig>;
  /**
   * Allow environments' `output`, `prismaConfig` and `migrations` outside the project (the working
   * directory or the configuration's folder). Default false: such a path is CONFIG_INVALID.
   */
  allowOutsidePaths?: boolean;
  /** Sections owned by capabilities (lint, audit, migrate, changes...). */
  [section: string]: unknown;
}

/** An environment with every default filled in and absolute paths. */
export interface ResolvedEnvironment {
  name: string;
  provider: Provider;
  /** Absolute path of the generated schema (the master itself when `isMaster`). */
  output: string;
  /** The master is this environment's schema: generate writes nothing for it. */
  isMaster: boolean;
  urlEnv: string;
  /** Absolute path of prisma.<env>.config.ts, or undefined when none is written. */
  prismaConfigPath?: string;
  /** Absolute path of the migrations folder. */
  migrationsDir: string;
  prismaMajor: PrismaMajor;
  /** See EnvironmentConfig.shadowUrl. */
  shadowUrl?: string;
  /** Absolute path of the fleet file (EnvironmentConfig.fleet), when one is configured. */
  fleetFile?: string;
}

export interface ResolvedConfig {
  /** Absolute working directory; paths in output are shown relative to it. */
  cwd: string;
  /** Absolute path of the configuration file, when one was found. */
  configFile?: string;
  /** Absolute path of the master schema (file or folder). */
  master: string;
  prismaMajor: PrismaMajor;
  environments: ResolvedEnvironment[];
  /** Validated capability sections by key (raw user values; each capability reads its own). */
  sections: Record<string, unknown>;
}
