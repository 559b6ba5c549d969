/**
 * SQL objects beside the master: what Prisma cannot declare (views, functions, triggers,
 * policies, CHECK constraints, partial and expression indexes), kept per environment as a folder
 * of `.sql` files named in the `sqlObjects` section of steward.config (`{ "production":
 * "prisma/sql/production" }`). The files run, in name order, after the environment schema's
 * creation script wherever steward builds the structure the schema means: drift checks them, and
 * `migrate create` appends the SQL that brings the history's objects to them (objectsMigration).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConfigProblems } from '../config/check-value.js';
import type { ResolvedConfig } from '../config/types.js';
import type { DatabaseSchema } from '../database/model.js';
import { StewardError } from '../errors/index.js';
import { countsAsDrift, findingObject, type DriftFinding } from './codes.js';
import { compareSchemas } from './compare.js';
import { inScriptOrder } from './remediation.js';

export interface SqlObjectFile {
  /** Relative to the project. */
  path: string;
  text: string;
}

export function validateSqlObjectsConfig(value: unknown, problems: ConfigProblems, at: string): void {
  if (!problems.object(at, value)) return;
  for (const [env, dir] of Object.entries(value)) problems.string(`${at}.${env}`, dir);
}

/** The environment's object files in name order; none when the environment has no folder. */
export async function sqlObjectFiles(config: Pick<ResolvedConfig, 'cwd' | 'sections' | 'configFile' | 'environments'>, env: string): Promise<SqlObjectFile[]> {
  const folders = (config.sections.sqlObjects as Record<string, string> | undefined) ?? {};
  const unknown = Object.keys(folders).filter((name) => !config.environments.some((environment) => environment.name === name));
  if (unknown.length > 0) {
    throw new StewardError('CONFIG_INVALID', `sqlObjects names no environment ${unknown.map((name) => `'${name}'`).join(', ')}`, {
      location: config.configFile ? { file: path.relative(config.cwd, config.configFile) || config.configFile } : undefined,
      hint: `Environments: ${config.environments.map((environment) => environment.name).join(', ')}`,
    });
  }
  const dir = folders[env];
  if (dir === undefined) return [];
  const absolute = path.resolve(config.cwd, dir);
  const names = await readdir(absolute).catch((error: NodeJS.ErrnoException) => {
    throw new StewardError(
      'FILE_NOT_FOUND',
      `sqlObjects.${env}: ${path.relative(config.cwd, absolute) || '.'} is not a readable folder (${error.code ?? error.message})`,
      {
        hint: 'Create the folder, or remove the environment from sqlObjects in steward.config.',
      },
    );
  });
  const files = names.filter((name) => name.endsWith('.sql')).sort();
  return Promise.all(
    files.map(async (name) => ({ path: path.relative(config.cwd, path.join(absolute, name)), text: await readFile(path.join(absolute, name), 'utf8') })),
  );
}

/**
 * What `migrate create` appends for the objects: `bare` is the schema alone, `withObjects` the
 * schema with the object files, `history` the history with this migration's Prisma diff applied.
 * The objects are what the files add to the bare structure; each of them the history lacks or
 * defines otherwise gets its fix. Nothing is dropped: an object whose file is deleted stays in the
 * databases (drift shows it as extra) until a migration drops it by hand.
 */
export function objectsMigration(bare: DatabaseSchema, withObjects: DatabaseSchema, history: DatabaseSchema): string {
  const objects = new Set(compareSchemas(bare, withObjects).map(objectKey));
  const fixes = inScriptOrder(compareSchemas(withObjects, history))
    .filter((finding) => countsAsDrift(finding) && !finding.code.startsWith('extra-') && objects.has(objectKey(finding)) && finding.fix)
    .map((finding) => finding.fix!);
  return [...new Set(fixes)].join('\n');
}

/** The object a finding is about, whatever the finding says about it. */
function objectKey(finding: DriftFinding): string {
  const kind = finding.index !== undefined ? 'index' : finding.code.replace(/^(missing|extra)-|-definition$/g, '');
  return `${kind}:${findingObject(finding)}`;
}
