import { ExitCode } from '../../errors/index.js';
import { validateProject } from '../../project/validate.js';
import type { Command } from '../command.js';

export const validateCommand: Command = {
  name: 'validate',
  summary: "Check the master and every environment schema with Prisma's own validator",
  usage: 'steward validate',
  help: [
    "  The master is judged by the validator of the project's Prisma major (prismaMajor: 5, 6 or 7);",
    '  datasource URLs of the other style and unknown preview features are accepted (as warnings).',
    '  Exit 2 when the master itself is invalid, 1 when an environment file is.',
  ].join('\n'),
  options: {},
  formats: ['text', 'json', 'github'],
  async run(ctx) {
    const config = await ctx.config();
    const result = validateProject(config);
    ctx.report(result.diagnostics, { sources: result.sources });
    // A master Prisma rejects is bad input (exit 2), as for every other command; errors in the
    // generated environment files are findings (exit 1).
    if (result.diagnostics.some((d) => d.severity === 'error' && d.env === undefined && result.masterFiles.has(d.location?.file ?? ''))) return ExitCode.Usage;
    return result.diagnostics.some((d) => d.severity === 'error') ? ExitCode.Findings : ExitCode.Ok;
  },
};
