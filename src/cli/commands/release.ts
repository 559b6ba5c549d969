import { relative } from 'node:path';
import { changeToJson } from '../../diff/format/json.js';
import { summaryText } from '../../diff/format/summary.js';
import { projectUsageScanner } from '../../audit/usage-scanner.js';
import { ExitCode, StewardError } from '../../errors/index.js';
import { releaseSchema } from '../../release/release.js';
import type { Command } from '../command.js';

export const releaseCommand: Command = {
  name: 'release',
  summary: 'Tag a schema version: next version from the change severities, changelog section, annotated git tag',
  usage: 'steward release [--version X.Y.Z | --bump auto|major|minor|patch] [--force] [--dry-run] [--date YYYY-MM-DD]',
  help: [
    '  --version <v>   release exactly this version',
    '  --bump <b>      auto (default: breaking -> major, additions or dangerous changes -> minor, else patch), major, minor or patch',
    '  --force         release even when the tree is dirty, environment files are stale, or validate/lint/audit report errors',
    '  --dry-run       show what would be released; write and tag nothing',
    '  --date <d>      date in the changelog heading (default: today)',
  ].join('\n'),
  options: { version: { type: 'string' }, bump: { type: 'string' }, force: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, date: { type: 'string' } },
  formats: ['text', 'json'],
  async run(ctx, { values }) {
    const bump = values.bump as string | undefined;
    if (bump !== undefined && !['auto', 'major', 'minor', 'patch'].includes(bump)) {
      throw new StewardError('USAGE', `--bump takes auto, major, minor or patch, not '${bump}'`);
    }
    if (bump !== undefined && values.version !== undefined) {
      throw new StewardError('USAGE', 'pass either --version or --bump, not both');
    }
    const date = values.date as string | undefined;
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw new StewardError('USAGE', `--date takes YYYY-MM-DD, not '${date}'`);
    }
    const config = await ctx.config();
    const result = await releaseSchema(config, {
      version: values.version as string | undefined,
      bump: bump as 'auto' | 'major' | 'minor' | 'patch' | undefined,
      force: values.force === true,
      dryRun: values['dry-run'] === true,
      date,
      usages: projectUsageScanner(config),
    });
    const shown = relative(config.cwd, result.changelogPath) || result.changelogPath;
    if (ctx.format === 'json') {
      ctx.report([], {
        extra: {
          status: result.status,
          version: result.version ?? null,
          tag: result.tag ?? null,
          previousTag: result.previousTag ?? null,
          bump: result.bump ?? null,
          refusals: result.refusals,
          skipped: result.skipped,
          changelog: shown,
          changes: result.changes.map(changeToJson),
        },
      });
    } else {
      const s = ctx.style;
      const since = result.previousTag ? ` since ${result.previousTag}` : '';
      switch (result.status) {
        case 'nothing-to-release':
          ctx.stdout(`Nothing to release: no schema changes${since}.\n`);
          break;
        case 'refused':
          ctx.stdout(
            `${s.red('Refusing to release')} ${result.tag} (${summaryText(result.changes)}${since}):\n${result.refusals.map((r) => `  - ${r}\n`).join('')}Fix these, or pass --force.\n`,
          );
          break;
        case 'dry-run':
          ctx.stdout(
            `Would release ${s.bold(result.tag!)} (${result.bump ? `${result.bump} bump, ` : ''}${summaryText(result.changes)}${since}).\n${result.refusals.map((r) => `  ${s.yellow('!')} ${r}\n`).join('')}`,
          );
          break;
        default:
          ctx.stdout(
            `Released ${s.bold(result.tag!)} (${result.bump ? `${result.bump} bump, ` : ''}${summaryText(result.changes)}${since}); ${shown} updated.\n${result.refusals.map((r) => `  ${s.yellow('forced past')} ${r}\n`).join('')}`,
          );
      }
      for (const k of result.skipped) ctx.stdout(`  ${s.dim(`skipped ${k}`)}\n`);
    }
    return result.status === 'refused' ? ExitCode.Findings : ExitCode.Ok;
  },
};
