import type { DriftResult } from '../../drift/check-drift.js';
import { driftDiagnostics, environmentDrift } from '../../drift/drift-environment.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { driftJsonData, driftSkew, driftSummaryTable, driftTable, migrationStateText } from '../../drift/render.js';
import { skewLine } from '../../migrate/version-skew.js';
import { parseDatabaseUrl } from '../../providers/location.js';
import { writeFixMigration, type FixMigration } from '../../drift/fix-migration.js';
import { migrationSlug } from '../../migrate/layout.js';
import { ExitCode, StewardError } from '../../errors/index.js';
import type { Command } from '../command.js';
import { environmentUrl, parsePositiveInteger, parseTimeout, readUrlsFile } from './database-options.js';

export const dbCommand: Command = {
  name: 'db',
  summary: 'Live databases: `db drift` compares them with an environment schema (read-only)',
  usage: 'steward db drift --env <env> [--url <url>]... [--urls-file <file>] [--concurrency <n>] [--timeout <ms>] [--fix-sql <name>]',
  help: [
    "  drift      structural differences between live databases and the environment's generated schema",
    '  --env      the environment (required)',
    '  --url      a database: postgresql://..., file:<sqlite file>, pglite:<data dir>; repeatable',
    "             default: the environment's URL variable (urlEnv, e.g. DATABASE_URL)",
    '  --urls-file <file>  one URL per line (a fleet, e.g. one database per tenant)',
    '  --concurrency <n>   databases checked at once (default 4)',
    '  --timeout <ms>      per database; an unreachable database exits 3 (default 10000)',
    "  --fix-sql <name>    write the findings' remediation SQL as a migration draft <timestamp>_<name> in the",
    "             environment's history (one database), linted like any migration; it is never run",
    '  Acknowledged differences (drift.acknowledge in steward.config) are shown, never drift.',
    "  Each database's migration state is read from _prisma_migrations in the same session (last applied, pending,",
    '  failed; "no migration history" without the table); a fleet ends with its version skew (JSON: `skew`).',
    '  Never writes to a database: PostgreSQL is read in a READ ONLY transaction, SQLite with query_only. Passwords are never printed.',
  ].join('\n'),
  options: {
    env: { type: 'string' },
    url: { type: 'string', multiple: true },
    'urls-file': { type: 'string' },
    concurrency: { type: 'string' },
    timeout: { type: 'string' },
    'fix-sql': { type: 'string' },
  },
  formats: ['text', 'json', 'github', 'markdown'],
  allowPositionals: true,
  async run(ctx, { values, positionals }) {
    if (positionals[0] !== 'drift' || positionals.length > 1) throw new StewardError('USAGE', 'expected: steward db drift --env <env>');
    const envName = values.env as string | undefined;
    if (!envName) throw new StewardError('USAGE', 'steward db drift needs --env <env>');
    const config = await ctx.config();
    const environment = config.environments.find((e) => e.name === envName);
    if (!environment)
      throw new StewardError('UNKNOWN_ENVIRONMENT', `No environment named '${envName}'`, {
        hint: `Environments: ${config.environments.map((e) => e.name).join(', ')}`,
      });
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
    const fixName = values['fix-sql'] as string | undefined;
    if (fixName !== undefined && urls.length !== 1)
      throw new StewardError('USAGE', `--fix-sql drafts one database's remediation; ${urls.length} databases were given`);
    if (fixName !== undefined) migrationSlug(fixName); // a bad name is bad input before any database is read
    const timeoutMs = parseTimeout(values.timeout);
    const concurrency = parsePositiveInteger('concurrency', values.concurrency, 4);
    const { withElapsed } = await import('../../progress/elapsed.js');
    const { results, notes, latest } = await withElapsed(ctx.progress, `drift ${envName}`, (task) => {
      task.step(`${urls.length} database${urls.length === 1 ? '' : 's'}`);
      return environmentDrift(config, envName, urls, { timeoutMs, concurrency });
    });
    const draft = fixName !== undefined && results[0].status === 'drift' ? await writeFixMigration(config, envName, results[0], { name: fixName }) : null;
    render(ctx, envName, results, [...notes, ...(draft ? [draftNote(draft), ...draft.diagnostics] : [])], latest);
    return exitCodeOf(results);
  },
};

/** Where the draft went, as an info diagnostic (text, json and github alike). */
function draftNote(draft: FixMigration): Diagnostic {
  return {
    source: 'drift',
    code: 'fix-migration-written',
    severity: 'info',
    message: `wrote ${draft.file}: the remediation of ${draft.findings} finding${draft.findings === 1 ? '' : 's'}, a draft to review; steward never runs it`,
    location: { file: draft.file, line: 1, column: 1 },
    data: { file: draft.file, migration: draft.directoryName, findings: draft.findings },
  };
}

/** `notes`: what the engine was not given (info), reported before the findings as migrate create does. */
function render(ctx: Parameters<Command['run']>[0], env: string, results: DriftResult[], notes: Diagnostic[], latest: string | null): void {
  const diagnostics = [...notes, ...driftDiagnostics(results, env)];
  switch (ctx.format) {
    case 'json':
      ctx.report(diagnostics, { extra: driftJsonData(env, results, latest) });
      return;
    case 'markdown':
      ctx.report(diagnostics, { title: `Schema drift: ${env}`, table: driftTable(results, latest) });
      return;
    case 'text':
      ctx.report(diagnostics);
      if (results.length > 1) ctx.stdout(`\n${driftSummaryTable(results)}\n${skewLine(driftSkew(results, latest))}\n`);
      else if (results[0].status === 'clean')
        ctx.stdout(
          `${results[0].database}: no drift from environment '${env}'${results[0].acknowledged?.length ? ` (${results[0].acknowledged.length} acknowledged)` : ''}\n`,
        );
      else
        ctx.stdout(
          `${results[0].database}: ${results[0].status}${results[0].findings.length ? ` (${results[0].findings.length} finding${results[0].findings.length > 1 ? 's' : ''})` : ''}\n`,
        );
      if (results.length === 1 && (results[0].migrations || results[0].migrationsError))
        ctx.stdout(
          `${results[0].database}: migrations ${migrationStateText(results[0])}${results[0].migrations ? ` (latest: ${latest ?? 'no migrations'})` : ''}\n`,
        );
      return;
    default:
      ctx.report(diagnostics);
  }
}

/** 3 when any database could not be reached, else 1 on drift or failure, else 0. */
export function exitCodeOf(results: readonly DriftResult[]): ExitCode {
  if (results.some((r) => r.status === 'unreachable')) return ExitCode.Unreachable;
  if (results.some((r) => r.status !== 'clean')) return ExitCode.Findings;
  return ExitCode.Ok;
}
