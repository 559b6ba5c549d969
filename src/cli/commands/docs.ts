import { ExitCode, StewardError } from '../../errors/index.js';
import { docsProject } from '../../docs/project.js';
import type { Command } from '../command.js';

export const docsCommand: Command = {
  name: 'docs',
  summary: 'Keep model reference sections in markdown (between steward markers) current with the master',
  usage: 'steward docs [--write] [--check]',
  help: [
    '  --write        rewrite stale sections (text outside markers is never touched)',
    '  --check        write nothing; exit 1 when a section is stale (the default without --write)',
    '',
    '  Sections: <!-- steward:model Name --> ... <!-- /steward:model --> (a table of the model: field,',
    '  type per environment, column, constraints, doc comment) and <!-- steward:schema --> ...',
    '  <!-- /steward:schema --> (a Mermaid ER diagram and every model). Files: `docs.files` in the',
    '  configuration, else every .md file under the working directory.',
  ].join('\n'),
  options: { write: { type: 'boolean' }, check: { type: 'boolean' } },
  formats: ['text', 'json', 'github'],
  async run(ctx, { values }) {
    if (values.write && values.check) {
      throw new StewardError('USAGE', '--write and --check cannot be combined');
    }
    const config = await ctx.config();
    const write = values.write === true;
    const report = docsProject(config, { write });
    const problems = report.diagnostics;
    if (ctx.format === 'json') {
      ctx.report(problems, { extra: { files: report.files.map((f) => ({ path: f.path, status: !f.stale ? 'up-to-date' : write ? 'written' : 'stale', sections: f.sections })) } });
    } else if (ctx.format === 'github') {
      ctx.report(problems);
    } else {
      const s = ctx.style;
      if (report.files.length === 0) ctx.stdout(`No steward sections found. Add <!-- steward:model Name --> ... <!-- /steward:model --> to a markdown file.\n`);
      for (const f of report.files) {
        const status = !f.stale ? s.green('up to date') : write ? s.green('written') : s.red('stale');
        const stale = f.sections.filter((x) => x.stale).length;
        ctx.stdout(`${f.path}: ${f.sections.length} section${f.sections.length === 1 ? '' : 's'}, ${status}${f.stale && !write ? ` (${stale} stale)` : ''}\n`);
      }
      if (problems.length > 0) {
        ctx.stdout('\n');
        ctx.report(problems);
      }
    }
    return problems.some((d) => d.severity === 'error') ? ExitCode.Findings : ExitCode.Ok;
  },
};
