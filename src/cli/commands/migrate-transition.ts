/** `steward migrate create --expand-contract` and `steward migrate backfill`: the phases of a transition (src/migrate/transitions). */
import path from 'node:path';
import type { ResolvedConfig } from '../../config/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { ExitCode, StewardError } from '../../errors/index.js';
import { backfillTransitions } from '../../migrate/transitions/backfill.js';
import { createTransitionMigrations } from '../../migrate/transitions/expand-contract.js';
import type { CommandContext } from '../command.js';
import { environmentUrl, parsePositiveInteger, parseTimeout } from './database-options.js';

const NEXT = {
  expand:
    'next: deploy it, run `steward migrate backfill --env <env>`, switch the code to the new fields (off the old columns and tables), then run `steward migrate create --expand-contract` again for the contract',
  contract: 'the transition is complete once this is deployed; the @steward.transition annotation can be removed',
  none: 'every transition in the master is complete in every history',
} as const;

export async function runExpandContract(
  ctx: CommandContext,
  config: ResolvedConfig,
  values: Record<string, unknown>,
  report: (diagnostics: Diagnostic[]) => void,
): Promise<ExitCode> {
  const name = values.name as string | undefined;
  if (!name) throw new StewardError('USAGE', 'steward migrate create --expand-contract needs --name <name>');
  const dryRun = values['dry-run'] === true;
  const result = await createTransitionMigrations(config, { name, env: values.env as string | undefined, dryRun, force: values.force === true });
  if (ctx.format === 'json') {
    ctx.report(result.diagnostics, {
      extra: {
        phase: result.phase,
        refused: result.refused,
        migrations: result.migrations.map((m) => ({ ...m, file: m.file ? path.relative(config.cwd, m.file) : null, script: dryRun ? m.script : undefined })),
        usages: result.usages,
      },
    });
  } else {
    ctx.stdout(`phase: ${result.phase}\n`);
    for (const m of result.migrations) {
      if (result.refused) ctx.stdout(`${m.env}: not written (see below)\n`);
      else if (m.script === '')
        ctx.stdout(
          `${m.env}: nothing in this phase${m.provider === 'sqlite' && result.phase === 'expand' ? ' (SQLite takes the transition in one step at contract)' : ''}\n`,
        );
      else if (dryRun) ctx.stdout(`-- ${m.env} (${m.provider}): ${m.directoryName}\n${m.script}\n`);
      else ctx.stdout(`${m.env}: wrote ${path.relative(config.cwd, m.file!)} (${m.transitions.join('; ')})\n`);
    }
    if (!result.refused) ctx.stdout(`${NEXT[result.phase]}\n`);
    if (result.diagnostics.length > 0) report(result.diagnostics);
  }
  return result.diagnostics.some((d) => d.severity === 'error') ? ExitCode.Findings : ExitCode.Ok;
}

export async function runBackfill(ctx: CommandContext, config: ResolvedConfig, values: Record<string, unknown>): Promise<ExitCode> {
  const env = values.env as string | undefined;
  if (!env) throw new StewardError('USAGE', 'steward migrate backfill needs --env <env>');
  const environment = config.environments.find((e) => e.name === env);
  if (!environment) throw new StewardError('UNKNOWN_ENVIRONMENT', `No environment named '${env}'`);
  const url = (values.url as string | undefined) ?? environmentUrl(ctx, environment);
  const results = await backfillTransitions(config, url, {
    cwd: config.cwd,
    batchSize: parsePositiveInteger('batch', values.batch, 1000),
    timeoutMs: values.timeout === undefined ? undefined : parseTimeout(values.timeout),
    onProgress:
      ctx.format === 'json'
        ? undefined
        : (p) => ctx.stderr(`${p.transition}: ${p.filled}/${p.total} rows (${p.batches} batch${p.batches === 1 ? '' : 'es'})\n`),
  });
  if (ctx.format === 'json') ctx.report([], { extra: { env, backfilled: results } });
  else if (results.length === 0) ctx.stdout('nothing to backfill: no transition is expanded in this database\n');
  else
    for (const r of results)
      ctx.stdout(
        `${r.transition}: ${r.filled} of ${r.total} rows filled in ${r.batches} batch${r.batches === 1 ? '' : 'es'}${r.remaining ? `; ${r.remaining} still unfilled (locked by the application; run again, or contract's catch-up fills them)` : ''}\n`,
      );
  return ExitCode.Ok;
}
