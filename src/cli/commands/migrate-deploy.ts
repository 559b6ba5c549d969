/** `steward migrate deploy`, `migrate down` and the fleet view of `migrate status --urls-file`: the command layer over migrate/deploy*.ts and migrate/down.ts. */
import path from 'node:path';
import { textTable } from '../../diagnostics/text-table.js';
import type { ResolvedEnvironment } from '../../config/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { readMigrationsList, migrationScripts } from '../../engine/migrations-list.js';
import { ExitCode, StewardError } from '../../errors/index.js';
import type { DeployResult } from '../../migrate/deploy.js';
import { deployFleet, isDeployed, parseShard, shardOf } from '../../migrate/deploy-fleet.js';
import { migrateDown } from '../../migrate/down.js';
import { deployGate, type DeployGate } from '../../migrate/transitions/deploy-gate.js';
import { checkMigrationLock } from '../../migrate/layout.js';
import { parseDatabaseUrl } from '../../providers/location.js';
import { isDatabaseProvider, type DatabaseProvider } from '../../providers/registry.js';
import type { CommandContext, ParsedArgs } from '../command.js';
import { environmentUrl, parsePositiveInteger, parseTimeout, readUrlsFile } from './database-options.js';

type Values = ParsedArgs['values'];

export const DEPLOY_HELP = [
  "  deploy --env <env> [--url <url> | --urls-file <file>] [--dry-run] [--force]   apply the pending migrations with Prisma's",
  "         engine (_prisma_migrations kept as Prisma keeps it; PostgreSQL: Prisma's advisory lock)",
  '         a pending expand/contract contract phase is refused (nothing applied, exit 1) while code, docs or',
  '         seeds use an old column it drops; --force applies it anyway',
  '         fleets: [--concurrency <n>] [--canary <n>] [--continue-on-error] [--state <file>] [--shard <i>/<n>]',
  '         a terminal shows progress; otherwise one JSON line per database, then the --format json envelope',
  '         on one line (data: env, summary, stopped). Unreachable databases exit 3',
  '  down --env <env> --to <migration> [--url <url>] [--dry-run]   undo the applied migrations after <migration>,',
  '         newest first, by their down.sql (marked rolled back in _prisma_migrations, as prisma migrate resolve does)',
  "  status --env <env> --urls-file <file>   the fleet's version skew: last applied, pending, failed per database",
];

export const DEPLOY_OPTIONS = {
  'urls-file': { type: 'string' },
  concurrency: { type: 'string' },
  canary: { type: 'string' },
  'continue-on-error': { type: 'boolean' },
  state: { type: 'string' },
  shard: { type: 'string' },
  to: { type: 'string' },
} as const;

type MigratableEnvironment = ResolvedEnvironment & { provider: DatabaseProvider };

function environmentOf(environments: readonly ResolvedEnvironment[], env: string | undefined, sub: string): MigratableEnvironment {
  if (!env) throw new StewardError('USAGE', `steward migrate ${sub} needs --env <env>`);
  const environment = environments.find((e) => e.name === env);
  if (!environment)
    throw new StewardError('UNKNOWN_ENVIRONMENT', `No environment named '${env}'`, { hint: `Environments: ${environments.map((e) => e.name).join(', ')}` });
  if (!isDatabaseProvider(environment.provider))
    throw new StewardError('USAGE', `Environment '${env}' uses ${environment.provider}; steward migrates SQLite and PostgreSQL environments`);
  return environment as MigratableEnvironment;
}

/** The databases named by --url, --urls-file and --shard (default: the environment's URL variable), each checked before any is opened. */
async function targetUrls(ctx: CommandContext, values: Values, environment: ResolvedEnvironment, cwd: string): Promise<{ urls: string[]; fleet: boolean }> {
  const urls = [...((values.url as string[] | string | undefined) === undefined ? [] : ([] as string[]).concat(values.url as string[] | string))];
  const fromFile = values['urls-file'] !== undefined;
  if (fromFile) urls.push(...(await readUrlsFile(values['urls-file'] as string, cwd)));
  if (urls.length === 0 && !fromFile) urls.push(environmentUrl(ctx, environment));
  for (const url of urls) {
    const location = parseDatabaseUrl(url, cwd); // a malformed URL is bad input (exit 2), with its password redacted
    if (location.provider !== environment.provider) {
      throw new StewardError('USAGE', `Environment '${environment.name}' is ${environment.provider}, but a given database is ${location.provider}`);
    }
  }
  const shard = values.shard === undefined ? undefined : parseShard(String(values.shard));
  return { urls: shardOf(urls, shard), fleet: fromFile || urls.length > 1 || shard !== undefined };
}

export async function runDeploy(ctx: CommandContext, values: Values): Promise<ExitCode> {
  const config = await ctx.config();
  const environment = environmentOf(config.environments, values.env as string | undefined, 'deploy');
  await checkMigrationLock(environment.migrationsDir, environment.provider, environment.name);
  const { urls, fleet } = await targetUrls(ctx, values, environment, config.cwd);
  const dryRun = values['dry-run'] === true;
  const list = await readMigrationsList(environment.migrationsDir);
  const gate = deployGate(config, environment.migrationsDir, migrationScripts(list), { force: values.force === true });
  const jsonLines = ctx.format === 'json' || (fleet && !ctx.progress.enabled);
  const task = jsonLines ? undefined : ctx.progress.start(dryRun ? 'checking' : 'deploying', urls.length);
  const { results, stopped } = await deployFleet(list, urls, {
    dryRun,
    gate: (pending) => gate.check(pending),
    cwd: config.cwd,
    provider: environment.provider,
    timeoutMs: parseTimeout(values.timeout),
    concurrency: parsePositiveInteger('concurrency', values.concurrency, 4),
    canary: values.canary === undefined ? 0 : parsePositiveInteger('canary', values.canary, 0),
    continueOnError: values['continue-on-error'] === true,
    stateFile: values.state === undefined ? undefined : path.resolve(config.cwd, String(values.state)),
    onResult: (result) => {
      if (jsonLines) ctx.stdout(JSON.stringify(resultJson(environment.name, result)) + '\n');
      else task?.tick(1, `${result.database} ${result.status}`);
    },
  });
  task?.done();
  const summary = summarize(results);
  const gateDiagnostics = gateFindings(gate, environment.name, dryRun);
  if (jsonLines) {
    // The last line is the envelope of --format json, on one line: its data the fleet's summary.
    ctx.report([...gateDiagnostics, ...deployDiagnostics(results, environment.name)], {
      extra: { env: environment.name, summary, stopped: stopped ?? null },
      envelopeLine: true,
    });
  } else {
    if (dryRun && !fleet) {
      const scripts = new Map(migrationScripts(list).map((m) => [m.name, m.script]));
      for (const result of results) for (const name of result.pending) ctx.stdout(`-- ${name}\n${scripts.get(name) ?? ''}\n`);
    }
    for (const result of results) ctx.stdout(resultLine(result) + '\n');
    if (fleet)
      ctx.stdout(
        `\n${Object.entries(summary)
          .filter(([, n]) => n > 0)
          .map(([status, n]) => `${n} ${status}`)
          .join(', ')}${stopped ? `; stopped: ${stopped}` : ''}\n`,
      );
    const diagnostics = [...gateDiagnostics, ...deployDiagnostics(results, environment.name)];
    if (diagnostics.length > 0) ctx.report(diagnostics);
  }
  return deployExitCode(results);
}

/** The usage gate's places, once: refused (error) or overridden by --force (warning). */
function gateFindings(gate: DeployGate, env: string, dryRun: boolean): Diagnostic[] {
  const usages = gate.usages();
  if (usages.length === 0) return [];
  const notes = usages.map(
    (u) =>
      `${u.file}:${u.line}:${u.column} ${u.how === 'raw-sql' ? `raw SQL${u.text ? `: ${u.text}` : ''}` : 'Prisma Client call'} (${u.transition}, ${u.migration})`,
  );
  const places = `${usages.length} place${usages.length === 1 ? '' : 's'}`;
  if (gate.overridden())
    return [
      {
        source: 'deploy',
        code: 'transition-gate-overridden',
        severity: 'warning',
        env,
        message: `--force: ${dryRun ? 'would apply' : 'applied'} a contract phase that drops old columns or tables still used in ${places}; that code fails once it is deployed.`,
        notes,
      },
    ];
  return [
    {
      source: 'deploy',
      code: 'transition-old-shape-used',
      severity: 'error',
      env,
      message: `Contract refused: the old columns or tables it drops are still used in ${places}; ${dryRun ? 'a deploy would apply nothing to' : 'nothing was applied to'} the databases that have it pending.`,
      notes: [
        ...notes,
        'switch these to the new field, deploy that code and retire the old instances, then deploy again; --force applies the contract anyway (the code above breaks)',
      ],
    },
  ];
}

export async function runDown(ctx: CommandContext, values: Values): Promise<ExitCode> {
  const config = await ctx.config();
  const environment = environmentOf(config.environments, values.env as string | undefined, 'down');
  const to = values.to as string | undefined;
  if (!to) throw new StewardError('USAGE', 'steward migrate down needs --to <migration> (the migration to return to)');
  if (values['urls-file'] !== undefined)
    throw new StewardError('USAGE', "steward migrate down takes one database (--url or the environment's URL variable), not a fleet");
  const { urls } = await targetUrls(ctx, values, environment, config.cwd);
  if (urls.length !== 1) throw new StewardError('USAGE', 'steward migrate down takes one database');
  const dryRun = values['dry-run'] === true;
  const result = await migrateDown(environment.migrationsDir, urls[0], {
    to,
    dryRun,
    cwd: config.cwd,
    provider: environment.provider,
    timeoutMs: parseTimeout(values.timeout),
  });
  if (ctx.format === 'json') {
    ctx.report([], {
      extra: {
        env: environment.name,
        database: result.database,
        dryRun,
        rolledBack: result.steps.map((s) => s.migration),
        scripts: dryRun ? result.steps : undefined,
      },
    });
  } else if (result.steps.length === 0) {
    ctx.stdout(`${result.database}: already at ${to}; nothing to roll back\n`);
  } else if (dryRun) {
    for (const step of result.steps) ctx.stdout(`-- ${step.file}\n${step.script}\n`);
    ctx.stdout(`${result.database}: would roll back ${result.steps.map((s) => s.migration).join(', ')}\n`);
  } else {
    ctx.stdout(`${result.database}: rolled back ${result.steps.map((s) => s.migration).join(', ')}\n`);
  }
  return ExitCode.Ok;
}

/** `migrate status --urls-file`: per database the last applied migration, the pending count and any failure (read-only). */
export async function runFleetStatus(ctx: CommandContext, values: Values): Promise<ExitCode> {
  const config = await ctx.config();
  const environment = environmentOf(config.environments, values.env as string | undefined, 'status');
  const { urls } = await targetUrls(ctx, values, environment, config.cwd);
  const list = await readMigrationsList(environment.migrationsDir);
  const { results } = await deployFleet(list, urls, {
    dryRun: true,
    cwd: config.cwd,
    provider: environment.provider,
    timeoutMs: parseTimeout(values.timeout),
    concurrency: parsePositiveInteger('concurrency', values.concurrency, 4),
    continueOnError: true,
  });
  const local = migrationScripts(list);
  const head = local.length ? local[local.length - 1].name : null;
  if (ctx.format === 'json') {
    ctx.report(deployDiagnostics(results, environment.name), {
      extra: { env: environment.name, head, databases: results.map((r) => resultJson(environment.name, r)) },
    });
  } else {
    const versions = new Map<string, number>();
    for (const r of results)
      if (r.status === 'pending' || r.status === 'up-to-date') versions.set(r.lastApplied ?? '(none)', (versions.get(r.lastApplied ?? '(none)') ?? 0) + 1);
    ctx.stdout(fleetTable(results));
    ctx.stdout(
      `\n${versions.size} version${versions.size === 1 ? '' : 's'} in the fleet (latest: ${head ?? 'no migrations'}): ${[...versions].map(([v, n]) => `${n} at ${v}`).join(', ') || 'none reachable'}\n`,
    );
    const diagnostics = deployDiagnostics(results, environment.name);
    if (diagnostics.length > 0) ctx.report(diagnostics);
  }
  if (results.some((r) => r.status === 'unreachable')) return ExitCode.Unreachable;
  return results.every((r) => r.status === 'up-to-date') ? ExitCode.Ok : ExitCode.Findings;
}

function resultJson(env: string, result: DeployResult) {
  return {
    env,
    database: result.database,
    status: result.status,
    applied: result.applied,
    pending: result.pending.length,
    lastApplied: result.lastApplied,
    failedMigration: result.failedMigration ?? null,
    error: result.error ?? null,
    durationMs: Math.round(result.durationMs),
  };
}

function summarize(results: readonly DeployResult[]): Record<DeployResult['status'], number> {
  const summary: Record<DeployResult['status'], number> = {
    applied: 0,
    'up-to-date': 0,
    pending: 0,
    failed: 0,
    refused: 0,
    unreachable: 0,
    error: 0,
    skipped: 0,
    resumed: 0,
  };
  for (const result of results) summary[result.status]++;
  return summary;
}

function resultLine(result: DeployResult): string {
  switch (result.status) {
    case 'applied':
      return `${result.database}: applied ${result.applied.length} migration${result.applied.length === 1 ? '' : 's'}: ${result.applied.join(', ')}`;
    case 'up-to-date':
      return `${result.database}: up to date${result.lastApplied ? ` (at ${result.lastApplied})` : ''}`;
    case 'pending':
      return `${result.database}: ${result.pending.length} pending: ${result.pending.join(', ')}`;
    case 'failed':
      return `${result.database}: failed at ${result.failedMigration}`;
    case 'refused':
      return `${result.database}: refused: ${result.error}`;
    case 'skipped':
      return `${result.database}: skipped`;
    case 'resumed':
      return `${result.database}: deployed earlier (state file)`;
    default:
      return `${result.database}: ${result.status}`;
  }
}

function fleetTable(results: readonly DeployResult[]): string {
  const rows = results.map((r) => [r.database, r.status, r.lastApplied ?? '-', String(r.pending.length), r.failedMigration ?? '']);
  const header = ['database', 'status', 'last applied', 'pending', 'failed'];
  return textTable(header, rows);
}

/** Failed, unreachable and erroring databases as errors, listed by name. */
export function deployDiagnostics(results: readonly DeployResult[], env: string): Diagnostic[] {
  return results.flatMap((result): Diagnostic[] => {
    if (result.status === 'failed' || result.status === 'refused' || result.status === 'unreachable' || result.status === 'error') {
      const what = result.status === 'failed' ? `${result.failedMigration} failed` : result.status;
      return [
        {
          source: 'deploy',
          code: `database-${result.status}`,
          severity: 'error',
          env,
          message: `${result.database}: ${what}${result.error ? `: ${result.error}` : ''}`,
          data: { database: result.database },
        },
      ];
    }
    return [];
  });
}

/** 3 when any database could not be reached, else 1 when any failed, erred or was skipped, else 0. */
export function deployExitCode(results: readonly DeployResult[]): ExitCode {
  if (results.some((r) => r.status === 'unreachable')) return ExitCode.Unreachable;
  if (results.some((r) => !isDeployed(r) && r.status !== 'pending')) return ExitCode.Findings;
  return ExitCode.Ok;
}
