import { ExitCode } from '../../errors/index.js';
import { StewardError } from '../../errors/index.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { renderVerifyMarkdown, renderVerifyText, verifyDiagnostics, verifyJsonData } from '../../verify/report.js';
import { verifyProject } from '../../verify/verify.js';
import { withElapsed } from '../../progress/elapsed.js';
import { parseDatabaseUrl } from '../../providers/location.js';
import type { Command } from '../command.js';

export const verifyCommand: Command = {
  name: 'verify',
  summary: "Type-check the application against every environment's Prisma Client and run CRUD smoke tests per environment",
  usage: 'steward verify [--env <name>] [--skip-typecheck] [--skip-crud] [--url <postgresql url>]',
  help: [
    '  --env <name>       only this environment',
    "  --skip-typecheck   do not type-check the application's TypeScript",
    '  --skip-crud        do not run the CRUD smoke tests',
    '  --url <url>        an empty PostgreSQL database for the postgresql environments (default: PGlite)',
    '  Nothing is written into the project: clients live in node_modules/.cache/prisma-steward.',
  ].join('\n'),
  options: { env: { type: 'string' }, 'skip-typecheck': { type: 'boolean' }, 'skip-crud': { type: 'boolean' }, url: { type: 'string' } },
  formats: ['text', 'json', 'markdown', 'github'],
  async run(ctx, { values }) {
    const config = await ctx.config();
    const url = values.url as string | undefined;
    if (url !== undefined && parseDatabaseUrl(url, config.cwd).kind !== 'postgres-server') {
      throw new StewardError('USAGE', '--url expects a postgresql:// URL (SQLite environments always use a scratch file)');
    }
    const report = await withElapsed(ctx.progress, 'verify', () =>
      verifyProject(config, {
        env: values.env as string | undefined,
        skipTypecheck: values['skip-typecheck'] === true,
        skipCrud: values['skip-crud'] === true,
        url,
      }),
    );
    const diagnostics = verifyDiagnostics(report, config.cwd);
    if (ctx.format === 'json') ctx.report(verifyDiagnostics(report, config.cwd, { codeErrors: true }), { extra: verifyJsonData(report, config.cwd) });
    else if (ctx.format === 'markdown') ctx.stdout(renderVerifyMarkdown(report, config.cwd));
    else if (ctx.format === 'github') ctx.report(diagnostics);
    else {
      ctx.stdout(renderVerifyText(report, ctx.style, config.cwd));
      if (diagnostics.length > 0) ctx.report(diagnostics);
    }
    return hasErrors(diagnostics) ? ExitCode.Findings : ExitCode.Ok;
  },
};
