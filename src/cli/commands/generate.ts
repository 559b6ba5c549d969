import { relative } from 'node:path';
import { ExitCode, StewardError, formatLocation } from '../../errors/index.js';
import { generateOnChange } from '../../watch/generate-on-change.js';
import { generateProject, staleDiagnostics } from '../../project/environments.js';
import type { Command, CommandContext } from '../command.js';
import type { ResolvedConfig } from '../../config/types.js';

export const generateCommand: Command = {
  name: 'generate',
  summary: 'Generate every environment schema from the master',
  usage: 'steward generate [--env <name>] [--check] [--quiet] [--watch]',
  help: [
    '  --env <name>   only this environment',
    '  --check        write nothing; exit 1 when a file is stale or was edited by hand',
    '  --quiet        do not list the changes made for each environment',
    '  --watch        after generating, regenerate whenever the master changes (Ctrl-C stops)',
  ].join('\n'),
  options: { env: { type: 'string' }, check: { type: 'boolean' }, quiet: { type: 'boolean' }, watch: { type: 'boolean' } },
  formats: ['text', 'json', 'github'],
  async run(ctx, { values }) {
    if (values.watch && values.check) {
      throw new StewardError('USAGE', '--watch and --check cannot be combined');
    }
    const config = await ctx.config();
    const check = values.check === true;
    const report = await generateProject(config, { env: values.env as string | undefined, check });
    const stale = staleDiagnostics(report.stale);
    if (ctx.format === 'json') {
      ctx.report(stale, {
        extra: {
          environments: report.environments.map((e) => ({
            name: e.env.name,
            provider: e.env.provider,
            output: relative(config.cwd, e.schema.path),
            prismaConfig: e.prismaConfig ? relative(config.cwd, e.prismaConfig.path) : null,
            status: report.stale.some((s) => s.env === e.env.name) ? (check ? 'stale' : 'written') : 'up-to-date',
            changes: e.changes.map((c) => ({
              code: c.code,
              severity: c.severity,
              model: c.model ?? null,
              field: c.field ?? null,
              message: c.message,
              typeImpact: c.typeImpact ?? null,
              file: c.location.file,
              line: c.location.line,
              column: c.location.column,
            })),
          })),
          stale: report.stale,
        },
      });
    } else if (ctx.format === 'github') {
      ctx.report(stale);
    } else {
      const s = ctx.style;
      for (const e of report.environments) {
        const files = [e.schema, e.prismaConfig].filter((f) => f !== undefined).map((f) => relative(config.cwd, f!.path));
        const isStale = report.stale.filter((x) => x.env === e.env.name);
        const status = isStale.length === 0 ? s.green('up to date') : check ? s.red('stale') : s.green('written');
        ctx.stdout(
          `${s.bold(e.env.name)} (${e.env.provider}) -> ${files.join(', ')}: ${status}, ${e.changes.length} change${e.changes.length === 1 ? '' : 's'} from the master\n`,
        );
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
    if (values.watch) {
      await watchAndReport(ctx, config, values.env as string | undefined);
      return ExitCode.Ok;
    }
    return check && report.stale.length > 0 ? ExitCode.Findings : ExitCode.Ok;
  },
};

async function watchAndReport(ctx: CommandContext, config: ResolvedConfig, env: string | undefined): Promise<void> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const s = ctx.style;
  ctx.stdout(s.dim(`watching ${relative(config.cwd, config.master) || config.master} (Ctrl-C to stop)\n`));
  try {
    await generateOnChange(
      config,
      (event) => {
        const time = new Date().toTimeString().slice(0, 8);
        if (event.kind === 'generated') {
          const written = event.report.written.map((p) => relative(config.cwd, p) || p);
          ctx.stdout(`${s.dim(time)} ${written.length === 0 ? 'no change' : `${s.green('wrote')} ${written.join(', ')}`}\n`);
        } else if (event.error instanceof StewardError) {
          const where = event.error.location ? `${formatLocation(event.error.location)}: ` : '';
          ctx.stdout(
            `${s.dim(time)} ${s.red('error')}[${event.error.code}]: ${where}${event.error.message}\n${event.error.details.map((d) => `  ${d}\n`).join('')}`,
          );
        } else ctx.stdout(`${s.dim(time)} ${s.red('error')}[INTERNAL]: ${String((event.error as Error)?.stack ?? event.error)}\n`);
      },
      { signal: controller.signal, env },
    );
  } finally {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
  }
}
