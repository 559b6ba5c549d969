import { relative } from 'node:path';
import { ExitCode } from '../../errors/index.js';
import { appendHistory, historyEntry, historyPath } from '../../status/history.js';
import { collectStatus } from '../../status/collect.js';
import { renderStatusText } from '../../status/text.js';
import type { Command } from '../command.js';

export const statusCommand: Command = {
  name: 'status',
  summary: 'One screen: environment files, docs, lint, audit, migrations, release and drift',
  usage: 'steward status [--record]',
  help: [
    '  --record       append the figures to .steward/history.jsonl (trends in `steward report --html`)',
    '',
    '  A section whose capability is unavailable says so; no figure is guessed. Always exits 0',
    '  unless the project cannot be read (use `steward check` as the gate).',
  ].join('\n'),
  options: { record: { type: 'boolean' } },
  formats: ['text', 'json'],
  async run(ctx, { values }) {
    const config = await ctx.config();
    const status = await collectStatus(config, { progress: ctx.progress });
    if (values.record) appendHistory(historyPath(config.cwd), historyEntry(status), config.cwd);
    if (ctx.format === 'json') ctx.report([], { extra: { ...status } });
    else {
      ctx.stdout(renderStatusText(status, ctx.style));
      if (values.record) ctx.stdout(ctx.style.dim(`\nrecorded in ${relative(config.cwd, historyPath(config.cwd))}\n`));
    }
    return ExitCode.Ok;
  },
};
