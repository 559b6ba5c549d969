import { ExitCode, StewardError } from '../../errors/index.js';
import type { Command } from '../command.js';

export const reviewCommand: Command = {
  name: 'review',
  summary: 'A pull-request review of the schema change against a base ref (one markdown comment)',
  usage: 'steward review --base <git ref> [--format markdown|json] (text is the markdown)',
  help: [
    "  --base <ref>   the pull request's base (branch, tag or commit); the head is the working tree",
    '',
    "  Shows the semantic diff with severities, each environment's migration SQL, migration safety",
    '  findings, only the lint and audit findings the change introduces, files and docs sections to',
    '  regenerate, and a Mermaid ER diagram of the touched models. The repository action (action.yml)',
    '  posts it as one pull-request comment and updates that comment on every push.',
  ].join('\n'),
  options: { base: { type: 'string' } },
  formats: ['text', 'markdown', 'json'],
  async run(ctx, { values }) {
    const base = values.base as string | undefined;
    if (!base) throw new StewardError('USAGE', "steward review needs --base <git ref> (the pull request's base branch or commit)");
    const config = await ctx.config();
    const [{ collectReview }, { renderReviewMarkdown }, { loadConfig }] = await Promise.all([
      import('../../review/collect.js'),
      import('../../review/markdown.js'),
      import('../../config/load.js'),
    ]);
    const data = await collectReview(config, { base, progress: ctx.progress, loadConfig: (cwd) => loadConfig({ cwd }) });
    // The review's findings are its data, grouped as the comment shows them (it always exits 0).
    if (ctx.format === 'json') ctx.report([], { extra: { ...data } });
    else ctx.stdout(renderReviewMarkdown(data));
    return ExitCode.Ok;
  },
};
