import type { DriftResult } from '../../drift/check-drift.js';
import { driftDiagnostics, environmentDrift } from '../../drift/drift-environment.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { driftJson, driftMarkdown, driftSummaryTable } from '../../drift/render.js';
import { parseDatabaseUrl } from '../../providers/location.js';
import { ExitCode, StewardError } from '../../errors/index.js';
import type { Command } from '../command.js';
import { environmentUrl, parsePositiveInteger, parseTimeout, readUrlsFile } from './database-options.js';


export const dbCommand: Command = {
  name: 'db',
  summary: 'Live databases: `db drift` compares them with an environment schema (read-only)',
  usage: 'steward db drift --env <env> [--url <url>]... [--urls-file <file>] [--concurrency <n>] [--timeout <ms>]',
  help: [
    '  drift      structural differences between live databases and the environment\'s generated schema',
    '  --env      the environment (required)',
    '  --url      a database: postgresql://..., file:<sqlite file>, pglite:<data dir>; repeatable',
    '             default: the environment\'s URL variable (urlEnv, e.g. DATABASE_URL)',
    '  --urls-file <file>  one URL per line (a fleet, e.g. one database per tenant)',
    '  --concurrency <n>   databases checked at once (default 4)',
    '  --timeout <ms>      per database; an unreachable database exits 3 (default 10000)',
    '  Never writes: PostgreSQL is read in a READ ONLY transaction, SQLite with query_only. Passwords are never printed.',
  ].join('\n'),
  options: {
    env: { type: 'string' },
    url: { type: 'string', multiple: true },
    'urls-file': { type: 'string' },
    concurrency: { type: 'string' },
    timeout: { type: 'string' },
  },
  formats: ['text', 'json', 'github', 'markdown'],
  allowPositionals: true,
  async run(ctx, { values, positionals }) {
    if (positionals[0] !== 'drift' || positionals.length > 1) throw new StewardError('USAGE', 'expected: steward db drift --env <env>');
    const envName = values.env as string | undefined;
    if (!envName) throw new StewardError('USAGE', 'steward db drift needs --env <env>');
    const config = await ctx.config();
    const environment = config.environments.find((e) => e.name === envName);
    if (!environment) throw new StewardError('UNKNOWN_ENVIRONMENT', `No environment named '${envName}'`, { hint: `Environments: ${config.environments.map((e) => e.name).join(', ')}` });
    const urls = [...((values.url as string[] | undefined) ?? [])];
    if (values['urls-file']) urls.push(...(await readUrlsFile(values['urls-file'] as string, config.cwd)));
    if (urls.length === 0) urls.push(environmentUrl(ctx, environment));
    // Every URL is checked before any database is opened: a malformed one is bad input (exit 2).
    for (const url of urls) {
      const location = parseDatabaseUrl(url, config.cwd);
      if (location.provider !== environment.provider) {
        throw new StewardError('USAGE', `Environment '${envName}' is ${environment.provider}, but a given database is ${location.provider}`);
      }
    }
    const timeoutMs = parseTimeout(values.timeout);
    const concurrency = parsePositiveInteger('concurrency', values.concurrency, 4);
    const { withElapsed } = await import('../../progress/elapsed.js');
    const { results, notes } = await withElapsed(ctx.progress, `drift ${envName}`, (task) => {
      task.step(`${urls.length} database${urls.length === 1 ? '' : 's'}`);
      return environmentDrift(config, envName, urls, { timeoutMs, concurrency });
    });
    render(ctx, envName, results, notes);
    return exitCodeOf(results);
  },
};

/** `notes`: what the engine was not given (info), reported before the findings as migrate create does. */
function render(ctx: Parameters<Command['run']>[0], env: string, results: DriftResult[], notes: Diagnostic[]): void {
  switch (ctx.format) {
    case 'json':
      ctx.stdout(driftJson(env, results, notes));
      return;
    case 'markdown':
      ctx.stdout(driftMarkdown(env, results, notes));
      return;
    case 'text':
      ctx.report([...notes, ...driftDiagnostics(results, env)]);
      if (results.length > 1) ctx.stdout(`\n${driftSummaryTable(results)}`);
      else if (results[0].status === 'clean') ctx.stdout(`${results[0].database}: no drift from environment '${env}'\n`);
      else ctx.stdout(`${results[0].database}: ${results[0].status}${results[0].findings.length ? ` (${results[0].findings.length} finding${results[0].findings.length > 1 ? 's' : ''})` : ''}\n`);
      return;
    default:
      ctx.report([...notes, ...driftDiagnostics(results, env)]);
  }
}

/** 3 when any database could not be reached, else 1 on drift or failure, else 0. */
export function exitCodeOf(results: readonly DriftResult[]): ExitCode {
  if (results.some((r) => r.status === 'unreachable')) return ExitCode.Unreachable;
  if (results.some((r) => r.status !== 'clean')) return ExitCode.Findings;
  return ExitCode.Ok;
}
