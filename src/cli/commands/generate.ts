import { relative } from 'node:path';
import { ExitCode } from '../../errors/index.js';
import { generateProject, staleDiagnostics } from '../../project/environments.js';
import type { Command } from '../command.js';

export const generateCommand: Command = {
  name: 'generate',
  summary: 'Generate every environment schema from the master',
  usage: 'steward generate [--env <name>] [--check] [--quiet]',
  help: [
    '  --env <name>   only this environment',
    '  --check        write nothing; exit 1 when a file is stale or was edited by hand',
    '  --quiet        do not list the changes made for each environment',
  ].join('\n'),
  options: { env: { type: 'string' }, check: { type: 'boolean' }, quiet: { type: 'boolean' } },
  formats: ['text', 'json', 'github'],
  async run(ctx, { values }) {
    const config = await ctx.config();
    const check = values.check === true;
    const report = await generateProject(config, { env: values.env as string | undefined, check });
    const stale = staleDiagnostics(report.stale);
    if (ctx.format === 'json') {
      ctx.stdout(
        JSON.stringify(
          {
            environments: report.environments.map((e) => ({
              name: e.env.name,
              provider: e.env.provider,
              output: relative(config.cwd, e.schema.path),
              prismaConfig: e.prismaConfig ? relative(config.cwd, e.prismaConfig.path) : null,
              status: report.stale.some((s) => s.env === e.env.name) ? (check ? 'stale' : 'written') : 'up-to-date',
              changes: e.changes.map((c) => ({ code: c.code, severity: c.severity, model: c.model ?? null, field: c.field ?? null, message: c.message, typeImpact: c.typeImpact ?? null, file: c.location.file, line: c.location.line, column: c.location.column })),
            })),
            stale: report.stale,
          },
          null,
          2,
        ) + '\n',
      );
    } else if (ctx.format === 'github') {
      ctx.report(stale);
    } else {
      const s = ctx.style;
      for (const e of report.environments) {
        const files = [e.schema, e.prismaConfig].filter((f) => f !== undefined).map((f) => relative(config.cwd, f!.path));
        const isStale = report.stale.filter((x) => x.env === e.env.name);
        const status = isStale.length === 0 ? s.green('up to date') : check ? s.red('stale') : s.green('written');
        ctx.stdout(`${s.bold(e.env.name)} (${e.env.provider}) -> ${files.join(', ')}: ${status}, ${e.changes.length} change${e.changes.length === 1 ? '' : 's'} from the master\n`);
        if (!values.quiet) {
          for (const c of e.changes) {
            const sev = c.severity === 'warning' ? s.yellow('!') : s.dim('-');
            ctx.stdout(`  ${sev} ${s.dim(`${c.location.file}:${c.location.line}`)} ${c.message}${c.typeImpact ? s.dim(` [types: ${c.typeImpact}]`) : ''}\n`);
          }
        }
      }
      if (check && stale.length > 0) {
        ctx.stdout('\n');
        ctx.report(stale);
      }
    }
    return check && report.stale.length > 0 ? ExitCode.Findings : ExitCode.Ok;
  },
};
