import { relative } from 'node:path';
import { updateChangelog } from '../../changelog/changelog.js';
import { changeToJson } from '../../diff/format/json.js';
import { summaryText } from '../../diff/format/summary.js';
import { projectUsageScanner } from '../../audit/usage-scanner.js';
import { ExitCode } from '../../errors/index.js';
import type { Command } from '../command.js';

export const changelogCommand: Command = {
  name: 'changelog',
  summary: 'Maintain SCHEMA_CHANGELOG.md: the Unreleased section lists the changes since the latest version tag',
  usage: 'steward changelog [--write] [--check]',
  help: [
    '  --write   write the changelog (otherwise print what it would contain)',
    '  --check   write nothing; exit 1 when the changelog is not up to date',
  ].join('\n'),
  options: { write: { type: 'boolean' }, check: { type: 'boolean' } },
  formats: ['text', 'json', 'markdown'],
  async run(ctx, { values }) {
    const config = await ctx.config();
    const update = await updateChangelog(config, { write: values.write === true && values.check !== true, usages: projectUsageScanner(config) });
    const shown = relative(config.cwd, update.path) || update.path;
    if (ctx.format === 'json') {
      ctx.report([], {
        extra: {
          path: shown,
          changed: update.changed,
          written: update.written,
          since: update.diff.from.ref ?? null,
          unreleased: { changes: update.diff.changes.map(changeToJson), migrations: update.diff.migrations.map((m) => ({ env: m.env, name: m.name })) },
          versions: update.document.sections.filter((s) => s.version !== undefined).map((s) => ({ version: s.version, heading: s.heading })),
        },
      });
    } else if (ctx.format === 'markdown' || (!values.write && !values.check)) {
      ctx.stdout(update.text);
    } else if (values.check) {
      ctx.stdout(
        update.changed
          ? `${shown} is not up to date (${summaryText(update.diff.changes)} unreleased); run \`steward changelog --write\`\n`
          : `${shown} is up to date\n`,
      );
    } else {
      ctx.stdout(update.written ? `${shown} written: ${summaryText(update.diff.changes)} unreleased\n` : `${shown} is up to date\n`);
    }
    return values.check && update.changed ? ExitCode.Findings : ExitCode.Ok;
  },
};
