import { resolve } from 'node:path';
import { displayPath } from '../../schema/load.js';
import { ExitCode, StewardError } from '../../errors/index.js';
import { writeFilesAtomic } from '../../fs/atomic-write.js';
import { collectReport } from '../../report/collect.js';
import { renderReportHtml } from '../../report/html.js';
import type { Command } from '../command.js';

export const reportCommand: Command = {
  name: 'report',
  summary: 'One self-contained HTML page: ER diagram, findings, changelog and trends',
  usage: 'steward report --html <file> [--link-base <url>]',
  help: [
    '  --html <file>       write the report there (no network needed to view it)',
    '  --link-base <url>   link findings to <url>/<path>#L<line> (e.g. a GitHub blob URL) instead of relative paths',
    '',
    '  Trends come from .steward/history.jsonl (`steward status --record`).',
  ].join('\n'),
  options: { html: { type: 'string' }, 'link-base': { type: 'string' } },
  formats: ['text', 'json'],
  async run(ctx, { values }) {
    const html = values.html as string | undefined;
    if (!html) throw new StewardError('USAGE', 'steward report needs --html <file>');
    const config = await ctx.config();
    const output = resolve(config.cwd, html);
    const data = await collectReport(config, { output, linkBase: values['link-base'] as string | undefined, progress: ctx.progress });
    writeFilesAtomic([{ path: output, text: renderReportHtml(data) }], config.cwd);
    const shown = displayPath(output, config.cwd);
    if (ctx.format === 'json')
      ctx.report([], {
        extra: {
          output: shown,
          models: data.models,
          relationships: data.relationships,
          findings: data.findings.map((g) => (g.available ? { source: g.source, count: g.diagnostics.length } : { source: g.source, available: false })),
        },
      });
    else ctx.stdout(`wrote ${shown}: ${data.models} models, ${data.findings.reduce((n, g) => n + (g.available ? g.diagnostics.length : 0), 0)} findings\n`);
    return ExitCode.Ok;
  },
};
