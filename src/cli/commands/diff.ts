import { ExitCode, StewardError } from '../../errors/index.js';
import { changesToDiagnostics } from '../../diff/format/diagnostics.js';
import { renderCommitMessage } from '../../diff/format/commit.js';
import { diffJson } from '../../diff/format/json.js';
import { renderDiffMarkdown } from '../../diff/format/markdown.js';
import { renderDiffText } from '../../diff/format/text.js';
import { diffProject } from '../../diff/project.js';
import { projectUsageScanner } from '../../audit/usage-scanner.js';
import type { Command } from '../command.js';

export const diffCommand: Command = {
  name: 'diff',
  summary: 'Semantic diff of the master between two versions: every change named, breaking/dangerous/safe',
  usage: 'steward diff [--from <git-ref|file|dir>] [--to <git-ref|file|dir>] [--fail-on breaking|dangerous]',
  help: [
    '  --from <x>      old version: a git ref (tag, branch, commit), a .prisma file or a folder (default: the latest schema version tag)',
    '  --to <x>        new version (default: the working tree)',
    '  --fail-on <s>   exit 1 when a change is at least this severe (breaking or dangerous)',
    '  Formats: text, json, markdown (pull request summary), commit (commit message), github (annotations on the master)',
  ].join('\n'),
  options: { from: { type: 'string' }, to: { type: 'string' }, 'fail-on': { type: 'string' } },
  formats: ['text', 'json', 'markdown', 'commit', 'github'],
  async run(ctx, { values }) {
    const failOn = values['fail-on'] as string | undefined;
    if (failOn !== undefined && failOn !== 'breaking' && failOn !== 'dangerous') {
      throw new StewardError('USAGE', `--fail-on takes breaking or dangerous, not '${failOn}'`);
    }
    const config = await ctx.config();
    const diff = await diffProject(config, {
      from: values.from as string | undefined,
      to: values.to as string | undefined,
      usages: projectUsageScanner(config),
    });
    switch (ctx.format) {
      case 'json':
        ctx.report([], { extra: diffJson(diff) });
        break;
      case 'markdown':
        ctx.stdout(renderDiffMarkdown(diff));
        break;
      case 'commit':
        ctx.stdout(renderCommitMessage(diff.changes));
        break;
      case 'github':
        ctx.report(
          changesToDiagnostics(
            diff.changes.filter((c) => c.severity !== 'safe'),
            diff.to.schema,
          ),
        );
        break;
      default:
        ctx.stdout(renderDiffText(diff, ctx.style));
    }
    const failing =
      failOn === 'breaking'
        ? diff.changes.some((c) => c.severity === 'breaking')
        : failOn === 'dangerous'
          ? diff.changes.some((c) => c.severity !== 'safe')
          : false;
    return failing ? ExitCode.Findings : ExitCode.Ok;
  },
};
