import { relative } from 'node:path';
import { ExitCode } from '../../errors/index.js';
import { appendHistory, historyEntry, historyPath } from '../../status/history.js';
import { collectStatus } from '../../status/collect.js';
import { renderStatusText } from '../../status/text.js';
import type { ResolvedEnvironment } from '../../config/types.js';
import { StewardError } from '../../errors/index.js';
import { isMigratableProvider } from '../../migrate/environment-schemas.js';
import type { Command, ParsedArgs } from '../command.js';

/** `--urls-file` with `--env`, or the one environment with migrations. */
function fleetOption(environments: readonly ResolvedEnvironment[], values: ParsedArgs['values']): { env: string; file: string } | undefined {
  const file = values['urls-file'] as string | undefined;
  const env = values.env as string | undefined;
  if (file === undefined) {
    if (env !== undefined) throw new StewardError('USAGE', 'steward status takes --env only with --urls-file');
    return undefined;
  }
  if (env !== undefined) {
    if (!environments.some((e) => e.name === env))
      throw new StewardError('UNKNOWN_ENVIRONMENT', `No environment named '${env}'`, { hint: `Environments: ${environments.map((e) => e.name).join(', ')}` });
    return { env, file };
  }
  const migratable = environments.filter((e) => isMigratableProvider(e.provider));
  if (migratable.length !== 1)
    throw new StewardError('USAGE', `--urls-file needs --env <env>: the fleet's environment (${migratable.map((e) => e.name).join(', ')})`);
  return { env: migratable[0].name, file };
}

export const statusCommand: Command = {
  name: 'status',
  summary: 'One screen: environment files, docs, lint, audit, migrations, release and drift',
  usage: 'steward status [--record] [--urls-file <file> [--env <env>]]',
  help: [
    '  --record       append the figures to .steward/history.jsonl (trends in `steward report --html`)',
    '  --urls-file <file>  a fleet (one database URL per line): its version skew, read-only (databases at the',
    '                 latest migration, behind, failed, unreachable); --env names its environment when there are several.',
    '                 `environments.<env>.fleet` in steward.config does the same on every run; without either, status stays offline',
    '',
    '  A section whose capability is unavailable says so; no figure is guessed. Always exits 0',
    '  unless the project cannot be read (use `steward check` as the gate).',
  ].join('\n'),
  options: { record: { type: 'boolean' }, 'urls-file': { type: 'string' }, env: { type: 'string' } },
  formats: ['text', 'json'],
  async run(ctx, { values }) {
    const config = await ctx.config();
    const status = await collectStatus(config, { progress: ctx.progress, fleet: fleetOption(config.environments, values) });
    if (values.record) appendHistory(historyPath(config.cwd), historyEntry(status), config.cwd);
    if (ctx.format === 'json') ctx.report([], { extra: { ...status } });
    else {
      ctx.stdout(renderStatusText(status, ctx.style));
      if (values.record) ctx.stdout(ctx.style.dim(`\nrecorded in ${relative(config.cwd, historyPath(config.cwd))}\n`));
    }
    return ExitCode.Ok;
  },
};
