/** `steward migrate preflight --env <env> [--url <url>]`: the pending migrations against the live database, read-only. */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ResolvedConfig } from '../../config/types.js';
import { ExitCode, StewardError } from '../../errors/index.js';
import { describeLock, preflight, preflightDiagnostics } from '../../migrate/preflight/preflight.js';
import type { CommandContext } from '../command.js';
import { environmentUrl, parseTimeout } from './database-options.js';

const HOLDS = { brief: 'briefly (catalog change)', scan: 'while it reads every row', rewrite: 'while it rewrites the table' } as const;

export async function runPreflight(
  ctx: CommandContext,
  config: ResolvedConfig,
  values: Record<string, unknown>,
  report: (diagnostics: Diagnostic[]) => void,
): Promise<ExitCode> {
  const env = values.env as string | undefined;
  if (!env) throw new StewardError('USAGE', 'steward migrate preflight needs --env <env>');
  const environment = config.environments.find((e) => e.name === env);
  if (!environment) throw new StewardError('UNKNOWN_ENVIRONMENT', `No environment named '${env}'`);
  const url = (values.url as string | undefined) ?? environmentUrl(ctx, environment);
  const result = await preflight(environment.migrationsDir, url, { timeoutMs: parseTimeout(values.timeout), cwd: config.cwd });
  const diagnostics = preflightDiagnostics(result, env);
  if (ctx.format === 'json') {
    ctx.report(diagnostics, { extra: { env, ...result } });
  } else {
    if (ctx.format === 'text') {
      ctx.stdout(`${result.database}: ${result.pending.length} pending migration(s), read in one READ ONLY transaction\n`);
      let migration = '';
      for (const statement of result.statements) {
        if (statement.migration !== migration) ctx.stdout(`\n${(migration = statement.migration)}\n`);
        ctx.stdout(`  ${statement.file}:${statement.line}  ${statement.verdict.toUpperCase()}  ${statement.sql}\n`);
        for (const lock of statement.locks) ctx.stdout(`      lock: ${describeLock(lock)}, ${HOLDS[statement.holds]}\n`);
        for (const check of statement.checks)
          ctx.stdout(`      ${check.kind}: ${check.count !== undefined ? `${check.count} ${check.what}` : `not checked: ${check.skipped}`}\n`);
      }
      if (result.statements.length > 0) ctx.stdout('\n');
    }
    report(diagnostics);
  }
  return diagnostics.some((d) => d.severity === 'error') ? ExitCode.Findings : ExitCode.Ok;
}
