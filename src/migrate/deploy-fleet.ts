/**
 * `steward migrate deploy --urls-file`: one environment's migrations rolled out to a fleet of
 * databases (one per tenant, region or shard). At most `concurrency` databases at a time; a
 * canary of the first N databases goes first and stops the rollout if any of them fails; after
 * it, the first failure stops scheduling more databases unless `continueOnError`. A state file
 * records each database's outcome as it finishes, so a second run (after a repair, or after the
 * process was killed) continues where the first stopped. `shard` takes every n-th database, so
 * one list can be split across CI jobs or Kubernetes Jobs.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { redactSecrets } from '../engine/database-url.js';
import { migrationScripts } from '../engine/migrations-list.js';
import { StewardError } from '../errors/index.js';
import { describeLocation, parseDatabaseUrl } from '../providers/location.js';
import { deployDatabase, type DeployOptions, type DeployResult } from './deploy.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export interface FleetOptions extends DeployOptions {
  /** Databases deployed at once (default 4). */
  concurrency?: number;
  /** Deploy to the first N databases first; if any of them fails, stop everything. */
  canary?: number;
  /** Keep going after a database fails (the canary still stops everything). */
  continueOnError?: boolean;
  /** A JSON file recording each database's outcome; databases it records as deployed to the current last migration are not opened again. */
  stateFile?: string;
  /** Called as each database finishes (progress, JSON lines). */
  onResult?: (result: DeployResult) => void;
}

export interface FleetDeploy {
  results: DeployResult[];
  /** Why the rollout stopped early, if it did. */
  stopped?: string;
}

/** The state file: outcomes by password-free database name. */
export interface FleetState {
  version: 1;
  databases: Record<string, { status: DeployResult['status']; lastApplied: string | null; at: string }>;
}

/** `--shard 2/4`: the second of four slices. */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) throw new StewardError('USAGE', `--shard takes i/n with 1 <= i <= n (e.g. 2/4), got '${value}'`);
  return { index, count };
}

/** Every n-th database starting at the i-th: slices are disjoint, cover the list, and differ in size by at most one. */
export function shardOf<T>(items: readonly T[], shard: Shard | undefined): T[] {
  if (!shard) return [...items];
  return items.filter((_, position) => position % shard.count === shard.index - 1);
}

const DONE: ReadonlySet<DeployResult['status']> = new Set(['applied', 'up-to-date', 'resumed']);

export function isDeployed(result: DeployResult): boolean {
  return DONE.has(result.status);
}

export async function deployFleet(list: MigrationList, urls: readonly string[], options: FleetOptions = {}): Promise<FleetDeploy> {
  const local = migrationScripts(list);
  const head = local.length === 0 ? null : local[local.length - 1].name;
  const names = urls.map((url) => {
    try {
      return describeLocation(parseDatabaseUrl(url, options.cwd));
    } catch {
      return redactSecrets(url, [url]);
    }
  });
  const state = options.stateFile && !options.dryRun ? await readState(options.stateFile) : undefined;
  const results: DeployResult[] = new Array(urls.length);
  let writes = Promise.resolve();
  const record = (index: number, result: DeployResult) => {
    results[index] = result;
    if (state && options.stateFile && result.status !== 'resumed' && result.status !== 'skipped') {
      state.databases[result.database] = { status: result.status, lastApplied: result.lastApplied, at: new Date().toISOString() };
      const file = options.stateFile;
      writes = writes.then(() => writeState(file, state));
    }
    options.onResult?.(result);
  };
  // Databases the state file already records as deployed to the current last migration.
  const todo: number[] = [];
  for (const [index, name] of names.entries()) {
    const earlier = state?.databases[name];
    if (earlier && DONE.has(earlier.status) && earlier.lastApplied === head) {
      record(index, { database: name, status: 'resumed', applied: [], pending: [], lastApplied: earlier.lastApplied, durationMs: 0 });
    } else todo.push(index);
  }
  const concurrency = Math.max(1, options.concurrency ?? 4);
  let stopped: string | undefined;
  const runBatch = async (indexes: number[], stopOnFailure: boolean) => {
    let next = 0;
    const worker = async () => {
      while (next < indexes.length && stopped === undefined) {
        const index = indexes[next++];
        const result = await deployDatabase(list, urls[index], options);
        record(index, result);
        if (!isDeployed(result) && result.status !== 'pending' && stopOnFailure && stopped === undefined) {
          stopped = `${result.database} ${result.status}${result.error ? `: ${result.error}` : ''}`;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, indexes.length) }, worker));
  };
  const canary = Math.min(options.canary ?? 0, todo.length);
  if (canary > 0) {
    await runBatch(todo.slice(0, canary), true);
    if (stopped !== undefined) stopped = `canary failed: ${stopped}`;
  }
  if (stopped === undefined) await runBatch(todo.slice(canary), options.continueOnError !== true);
  for (const [index, name] of names.entries()) {
    if (results[index] === undefined) record(index, { database: name, status: 'skipped', applied: [], pending: [], lastApplied: null, durationMs: 0 });
  }
  await writes;
  return { results, stopped };
}

async function readState(file: string): Promise<FleetState> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new StewardError('FILE_UNREADABLE', `Cannot read the state file ${file}: ${error.message}`, { location: { file } });
  });
  if (text === null) return { version: 1, databases: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new StewardError('FILE_UNREADABLE', `The state file ${file} is not JSON: ${(error as Error).message}`, {
      location: { file, line: 1, column: 1 },
      hint: 'Delete it to start the rollout afresh.',
    });
  }
  const state = parsed as Partial<FleetState>;
  if (state?.version !== 1 || typeof state.databases !== 'object' || state.databases === null) {
    throw new StewardError('FILE_UNREADABLE', `${file} is not a steward deploy state file (version 1)`, {
      location: { file, line: 1, column: 1 },
      hint: 'Delete it to start the rollout afresh.',
    });
  }
  return state as FleetState;
}

/** Written to a temporary file and renamed, so a killed run leaves the previous state whole. */
async function writeState(file: string, state: FleetState): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(state, null, 2) + '\n');
  await rename(temporary, file);
}
