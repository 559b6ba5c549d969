import type { PrismaMajor } from '../prisma/major.js';
import type { Provider } from '../generate/capabilities.js';

/**
 * What `steward init` writes, decided from what the project has. Pure: paths are relative to
 * the project root, with forward slashes.
 */

export interface InitInputs {
  /** The existing schema (file or folder), relative to the root. */
  schemaPath: string;
  schemaFolder: boolean;
  /** Text of the schema file (single-file schemas). */
  schemaText?: string;
  provider: Provider;
  prismaMajor: PrismaMajor;
  /** Whether `<schema dir>/migrations` exists (kept as the provider environment's migrations). */
  migrationsDir?: string;
  /** Text of package.json, when the project has one. */
  packageJson?: string;
  /** A steward.config.* already present (then it is used as is). */
  existingConfig?: string;
  masterExists: boolean;
  workflowExists: boolean;
}

export interface InitFile {
  path: string;
  text: string;
  why: string;
}

export interface InitPlan {
  master: string;
  /** Files to create or update (only those that change). */
  files: InitFile[];
  /** Things left as they were, and hints. */
  notes: string[];
  environments: { name: string; provider: Provider; output: string }[];
}

export const NPM_SCRIPTS: Record<string, string> = {
  'schema:generate': 'steward generate',
  'schema:check': 'steward check',
  'schema:docs': 'steward docs --write',
  'schema:status': 'steward status',
};

export const WORKFLOW_PATH = '.github/workflows/steward.yml';
export const CONFIG_PATH = 'steward.config.ts';

export function planInit(inputs: InitInputs): InitPlan {
  const files: InitFile[] = [];
  const notes: string[] = [];
  const dir = inputs.schemaPath.includes('/') ? inputs.schemaPath.slice(0, inputs.schemaPath.lastIndexOf('/')) : '.';
  const inDir = (name: string) => (dir === '.' ? name : `${dir}/${name}`);

  // A single file becomes schema.master.prisma beside it, and the original file becomes the
  // generated schema of the environment that has the project's provider, so Prisma's own
  // commands keep working on it. A multi-file folder is the master itself.
  const master = inputs.schemaFolder ? inputs.schemaPath : inDir('schema.master.prisma');
  if (!inputs.schemaFolder) {
    if (inputs.masterExists) notes.push(`${master} exists: kept as it is`);
    else files.push({ path: master, text: inputs.schemaText ?? '', why: `the master schema (a copy of ${inputs.schemaPath}); edit this file from now on` });
  }
  const environments = environmentsFor(inputs.provider, inputs.schemaFolder ? undefined : inputs.schemaPath, dir);
  if (inputs.existingConfig) notes.push(`${inputs.existingConfig} exists: kept as it is`);
  else files.push({ path: CONFIG_PATH, text: renderConfig(master, inputs, environments), why: 'steward configuration' });

  if (inputs.packageJson !== undefined) {
    const updated = withScripts(inputs.packageJson);
    if (updated !== undefined) files.push({ path: 'package.json', text: updated, why: `npm scripts ${Object.keys(NPM_SCRIPTS).join(', ')}` });
  } else notes.push('no package.json: npm scripts not added');

  if (inputs.workflowExists) notes.push(`${WORKFLOW_PATH} exists: kept as it is`);
  else files.push({ path: WORKFLOW_PATH, text: WORKFLOW, why: 'example GitHub workflow running `steward check` with annotations' });
  return { master, files, notes, environments };
}

function environmentsFor(provider: Provider, original: string | undefined, dir: string): InitPlan['environments'] {
  const own = (name: string) => original ?? (dir === '.' ? `schema.${name}.prisma` : `${dir}/schema.${name}.prisma`);
  if (provider === 'sqlite') return [{ name: 'dev', provider, output: own('dev') }];
  if (provider === 'mongodb') return [{ name: 'production', provider, output: own('production') }];
  return [
    { name: 'dev', provider: 'sqlite', output: dir === '.' ? 'schema.dev.prisma' : `${dir}/schema.dev.prisma` },
    { name: 'production', provider, output: own('production') },
  ];
}

function renderConfig(master: string, inputs: InitInputs, envs: InitPlan['environments']): string {
  const lines = [
    "import type { StewardConfig } from 'prisma-steward';",
    '',
    '// Created by `steward init`. The master is the one schema to edit; `steward generate` writes every',
    '// environment schema from it (generated files start with a header; never edit them by hand).',
    'export default {',
    `  master: ${JSON.stringify(master)},`,
    `  prismaMajor: ${inputs.prismaMajor},`,
    '  environments: {',
  ];
  for (const e of envs) {
    const parts = [`provider: ${JSON.stringify(e.provider)}`, `output: ${JSON.stringify(e.output)}`];
    if (inputs.migrationsDir && e.provider === inputs.provider) parts.push(`migrations: ${JSON.stringify(inputs.migrationsDir)}`);
    lines.push(`    ${e.name}: { ${parts.join(', ')} },`);
  }
  lines.push('  },', '} satisfies StewardConfig;', '');
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

export const WORKFLOW = `# Created by \`steward init\`: runs steward's offline checks on every push and pull request.
# Findings appear as annotations on the changed lines (--format github is the default on Actions).
name: schema
on:
  push:
  pull_request:
jobs:
  steward-check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # release tags, for the changelog and status
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - run: npx steward check --format github
`;
