import type { PrismaMajor } from '../prisma/major.js';
import type { Provider } from '../providers/provider.js';
import { providerAdapter } from '../providers/registry.js';
import type { PackageManager, ProjectEvidence } from './evidence.js';

/**
 * What `steward init` writes, decided from what the project has. Pure: paths are relative to
 * the project root, with forward slashes.
 *
 * The project's schema stays where it is and becomes the master, unchanged: the environment of
 * its own provider *is* the master (nothing is generated for it, Prisma's CLI keeps reading the
 * same file), and its existing migration history stays that environment's history. Only new files
 * are written: the configuration, the CI workflow, and (when asked) npm scripts.
 */

export interface InitInputs {
  /** The existing schema (file or folder), relative to the root. */
  schemaPath: string;
  schemaFolder: boolean;
  provider: Provider;
  prismaMajor: PrismaMajor;
  prismaMajorVia: string;
  /** The existing migration history, relative to the root. */
  migrationsDir?: string;
  /** Its last migration: the adoption point (older migrations are never linted). */
  lastMigration?: string;
  evidence: ProjectEvidence;
  /** `--dev sqlite` adds a SQLite development environment, `--dev none` leaves it out; default: from evidence. */
  dev?: 'sqlite' | 'none';
  /** Text of package.json, when `--scripts` asks for npm scripts. */
  packageJson?: string;
  /** A steward.config.* already present (then it is used as is). */
  existingConfig?: string;
  workflowExists: boolean;
}

export interface InitFile {
  path: string;
  text: string;
  why: string;
}

export interface PlannedEnvironment {
  name: string;
  provider: Provider;
  /** The environment's schema: the master itself, or a generated file. */
  output: string;
  migrations: string;
  why: string;
}

export interface InitPlan {
  master: string;
  /** Files to create or update (only those that change). */
  files: InitFile[];
  /** Facts the plan rests on, and files left as they were. */
  notes: string[];
  environments: PlannedEnvironment[];
  /** Lint baseline to record today's findings in, relative to the root. */
  lintBaseline?: string;
}

export const NPM_SCRIPTS: Record<string, string> = {
  'schema:generate': 'steward generate',
  'schema:check': 'steward check',
  'schema:docs': 'steward docs --write',
  'schema:status': 'steward status',
};

export const WORKFLOW_PATH = '.github/workflows/steward.yml';
export const CONFIG_PATH = 'steward.config.ts';
export const LINT_BASELINE_PATH = '.steward/lint-baseline.json';

export function planInit(inputs: InitInputs): InitPlan {
  const files: InitFile[] = [];
  const notes: string[] = [`Prisma ${inputs.prismaMajor} (${inputs.prismaMajorVia})`];
  const master = inputs.schemaPath;
  const environments = environmentsFor(inputs, notes);
  const lintBaseline = inputs.existingConfig ? undefined : LINT_BASELINE_PATH;
  if (inputs.existingConfig) notes.push(`${inputs.existingConfig} exists: kept as it is`);
  else files.push({ path: CONFIG_PATH, text: renderConfig(master, inputs, environments, lintBaseline), why: 'steward configuration' });

  if (inputs.packageJson !== undefined) {
    const updated = withScripts(inputs.packageJson);
    if (updated !== undefined) files.push({ path: 'package.json', text: updated, why: `npm scripts ${Object.keys(NPM_SCRIPTS).join(', ')}` });
  }
  if (inputs.workflowExists) notes.push(`${WORKFLOW_PATH} exists: kept as it is`);
  else
    files.push({
      path: WORKFLOW_PATH,
      text: renderWorkflow(inputs.evidence),
      why: `GitHub workflow running \`steward check\` (${inputs.evidence.packageManager}, Node ${inputs.evidence.node.major})`,
    });
  return { master, files, notes, environments, lintBaseline };
}

/** The provider of the development environment `init` proposes (`--dev sqlite`). */
const DEV_PROVIDER: Provider = 'sqlite';

function environmentsFor(inputs: InitInputs, notes: string[]): PlannedEnvironment[] {
  const schemaDir = parentOf(inputs.schemaPath);
  const history = inputs.migrationsDir ?? join(inputs.schemaFolder ? parentOf(inputs.schemaPath) : schemaDir, 'migrations');
  const own: PlannedEnvironment = {
    name: inputs.provider === DEV_PROVIDER ? 'dev' : 'production',
    provider: inputs.provider,
    output: inputs.schemaPath,
    migrations: history,
    why: inputs.lastMigration ? `its existing history; migrations after ${inputs.lastMigration} are linted` : 'the master itself',
  };
  // A SQLite master is its own development environment; a document master has no SQL companion.
  if (inputs.provider === DEV_PROVIDER || providerAdapter(inputs.provider).family === 'document') return [own];
  const wantsDev = inputs.dev === 'sqlite' || (inputs.dev === undefined && inputs.evidence.sqliteDev !== undefined);
  if (!wantsDev) {
    notes.push(
      inputs.dev === 'none'
        ? 'no SQLite development environment (--dev none)'
        : 'no SQLite development environment: no SQLite URL in .env*, docker-compose or test configuration (`--dev sqlite` adds one)',
    );
    return [own];
  }
  const generatedDir = inputs.schemaFolder ? parentOf(inputs.schemaPath) : schemaDir;
  return [
    own,
    {
      name: 'dev',
      provider: DEV_PROVIDER,
      output: join(generatedDir, 'schema.dev.prisma'),
      // Beside the production history, never inside it: Prisma reads every subfolder there as a migration.
      migrations: join(parentOf(history), 'migrations-dev'),
      why:
        inputs.dev === 'sqlite'
          ? 'generated from the master (--dev sqlite)'
          : `generated from the master (SQLite in development: ${inputs.evidence.sqliteDev})`,
    },
  ];
}

function renderConfig(master: string, inputs: InitInputs, envs: PlannedEnvironment[], lintBaseline: string | undefined): string {
  const q = JSON.stringify;
  const lines = [
    "import type { StewardConfig } from 'prisma-steward/config';",
    '',
    '// Created by `steward init`. The master is the one schema to edit; `steward generate` writes every',
    '// other environment schema from it (generated files start with a header; never edit them by hand).',
    'export default {',
    `  master: ${q(master)},`,
    `  prismaMajor: ${inputs.prismaMajor},`,
    '  environments: {',
  ];
  for (const e of envs) lines.push(`    ${e.name}: { provider: ${q(e.provider)}, output: ${q(e.output)}, migrations: ${q(e.migrations)} },`);
  lines.push('  },');
  if (inputs.lastMigration) {
    const own = envs[0];
    lines.push(
      '  migrate: {',
      `    // The last migration when steward was adopted: older ones were applied long ago and are not linted.`,
      `    adoptedAt: { ${own.name}: ${q(inputs.lastMigration)} },`,
      '  },',
    );
  }
  if (lintBaseline) lines.push(`  // Lint findings the schema had when steward was adopted; only new ones fail.`, `  lint: { baseline: ${q(lintBaseline)} },`);
  lines.push('} satisfies StewardConfig;', '');
  return lines.join('\n');
}

/** package.json with the missing steward scripts added, or undefined when none is missing. */
export function withScripts(text: string): string | undefined {
  const pkg = JSON.parse(text) as { scripts?: Record<string, string> };
  const scripts = { ...(pkg.scripts ?? {}) };
  let changed = false;
  for (const [name, command] of Object.entries(NPM_SCRIPTS)) {
    if (scripts[name] === undefined) {
      scripts[name] = command;
      changed = true;
    }
  }
  if (!changed) return undefined;
  const indent = /^\{\s*\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  return JSON.stringify({ ...pkg, scripts }, null, indent) + (text.endsWith('\n') ? '\n' : '');
}

const INSTALL: Record<PackageManager, { setup: string[]; cache: string | undefined; install: string; exec: string }> = {
  npm: { setup: [], cache: 'npm', install: 'npm ci', exec: 'npx steward' },
  pnpm: { setup: ['      - uses: pnpm/action-setup@v4'], cache: 'pnpm', install: 'pnpm install --frozen-lockfile', exec: 'pnpm exec steward' },
  yarn: { setup: [], cache: 'yarn', install: 'yarn install --immutable', exec: 'yarn steward' },
  bun: { setup: ['      - uses: oven-sh/setup-bun@v2'], cache: undefined, install: 'bun install --frozen-lockfile', exec: 'bunx steward' },
};

export function renderWorkflow(evidence: ProjectEvidence): string {
  const pm = INSTALL[evidence.packageManager];
  return [
    "# Created by `steward init`: runs steward's offline checks on every push and pull request.",
    '# Findings appear as annotations on the changed lines (--format github is the default on Actions).',
    'name: schema',
    'on:',
    '  push:',
    '  pull_request:',
    'jobs:',
    '  steward-check:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '        with:',
    '          fetch-depth: 0 # release tags, and the base branch for --since',
    ...pm.setup,
    '      - uses: actions/setup-node@v4',
    '        with:',
    `          node-version: ${evidence.node.major}`,
    ...(pm.cache ? [`          cache: ${pm.cache}`] : []),
    `      - run: ${pm.install}`,
    '      # In a pull request, migrations already on the base branch are not judged again.',
    `      - run: ${pm.exec} check --format github \${{ github.base_ref && format('--since origin/{0}', github.base_ref) || '' }}`,
    '',
  ].join('\n');
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : path.slice(0, i);
}

function join(dir: string, name: string): string {
  return dir === '.' ? name : `${dir}/${name}`;
}
