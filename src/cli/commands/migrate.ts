import path from 'node:path';
import { hasErrors, type Diagnostic, type DiagnosticCode } from '../../diagnostics/diagnostic.js';
import { ExitCode, StewardError } from '../../errors/index.js';
import { baselineMigrations } from '../../migrate/baseline.js';
import { createMigrations } from '../../migrate/create-migrations.js';
import type { RenameQuestion } from '../../migrate/rename-questions.js';
import { lintMigrationHistories } from '../../migrate/lint-history.js';
import { migrationStatus, statusDiagnostics } from '../../migrate/migration-status.js';
import type { Command, CommandContext } from '../command.js';
import { environmentUrl, parseShadowUrl, parseTimeout } from './database-options.js';
import { DEPLOY_HELP, DEPLOY_OPTIONS, runDeploy, runDown, runFleetStatus } from './migrate-deploy.js';
import { runPreflight } from './migrate-preflight.js';
import { runBackfill, runExpandContract } from './migrate-transition.js';

/** Safety errors an expand/contract transition avoids: `migrate create` proposes one. */
const TRANSITION_CODES = new Set<DiagnosticCode<'migrate-lint'>>(['drop-column', 'drop-table', 'change-column-type', 'add-required-column']);
const TRANSITION_PROPOSAL =
  'proposal: make this change in phases that keep the running code working: annotate the new field with\n' +
  '  /// @steward.transition(from: "old_column")   (a rename or a type change)\n' +
  '  /// @steward.transition(backfill: "<SQL>")     (a new required column)\n' +
  '  /// @steward.transition(from: "old_column", backfill: "<SQL>")   (a split: one per new field)\n' +
  'or the model with /// @steward.transition(drop: "old_column")   (a column removed)\n' +
  'or the datasource with /// @steward.transition(dropTable: "old_table")   (a table removed)\n' +
  'and run steward migrate create --expand-contract --name <name> (docs/migrations.md#expandcontract)\n';

const SUBCOMMANDS = ['create', 'baseline', 'status', 'lint', 'preflight', 'backfill', 'deploy', 'down'] as const;

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Per-environment migration histories: create, baseline, status, lint, preflight, backfill, deploy, down',
  usage: 'steward migrate <create|baseline|status|lint|preflight|backfill|deploy|down> [options]',
  help: [
    '  create --name <name> [--env <env>] [--dry-run] [--shadow-url <url>]   the upgrade migration for every environment (nothing to migrate: nothing written)',
    '         [--rename <Old=New>|<Model.old=Model.new>]... [--accept-drop <Old>|<Model.old>]...',
    '         probable renames (a model, column, enum or value gone and a similar one new) are asked on a terminal;',
    '         elsewhere a migration that drops one is refused (exit 1) until a flag or /// @steward.renamedFrom settles it',
    '  baseline [--name <name>] [--env <env>] [--dry-run] the full creation script (first migration of an empty history)',
    '  status --env <env> [--url <url>] [--timeout <ms>] applied, pending, failed and modified migrations of a database',
    '  lint [--env <env>] [--since <git ref>] [--shadow-url <url>]  safety lint of the migrations added since adoption',
    '                                                    (migrate.adoptedAt) or since a git ref; acknowledge in migrate.acknowledge',
    '  create --expand-contract --name <name> [--force]  the next phase (expand, then contract) of each /// @steward.transition;',
    '                                                    contract is refused while code, docs or seeds use the old column',
    '  backfill --env <env> [--url <url>] [--batch <n>]  fill expanded transitions in batches (resumable)',
    '  preflight --env <env> [--url <url>] [--timeout <ms>]  the pending migrations against the live database, read-only:',
    '                                                    locks, table sizes, NULLs/duplicates/orphans/misfits; exit 1 if one would fail',
    '  --shadow-url: a PostgreSQL server for histories that need an extension PGlite lacks (a throwaway',
    '  database is created there and dropped); default environments.<env>.shadowUrl.',
    ...DEPLOY_HELP,
    '  Migrations live in prisma/migrations/<env>/ (environments.<env>.migrations); `prisma migrate deploy',
    "  --config prisma.<env>.config.ts` applies them too, and agrees with steward's bookkeeping.",
  ].join('\n'),
  options: {
    name: { type: 'string' },
    env: { type: 'string' },
    'dry-run': { type: 'boolean' },
    url: { type: 'string' },
    timeout: { type: 'string' },
    since: { type: 'string' },
    'shadow-url': { type: 'string' },
    rename: { type: 'string', multiple: true },
    'accept-drop': { type: 'string', multiple: true },
    ...DEPLOY_OPTIONS,
    'expand-contract': { type: 'boolean' },
    force: { type: 'boolean' },
    batch: { type: 'string' },
  },
  formats: ['text', 'json', 'github', 'markdown'],
  allowPositionals: true,
  async run(ctx, { values, positionals }) {
    const sub = positionals[0];
    if (!SUBCOMMANDS.includes(sub as (typeof SUBCOMMANDS)[number]) || positionals.length > 1) {
      throw new StewardError('USAGE', `expected one of: steward migrate ${SUBCOMMANDS.join('|')}`);
    }
    const config = await ctx.config();
    const env = values.env as string | undefined;
    const dryRun = values['dry-run'] === true;
    const shadowUrl = parseShadowUrl(values['shadow-url']);
    switch (sub) {
      case 'deploy':
        return runDeploy(ctx, values);
      case 'down':
        return runDown(ctx, values);
      case 'create': {
        if (values['expand-contract'] === true)
          return runExpandContract(ctx, config, values, (diagnostics) => report(ctx, 'steward migrate create --expand-contract', diagnostics));
        const name = values.name as string | undefined;
        if (!name) throw new StewardError('USAGE', 'steward migrate create needs --name <name>');
        const { withElapsed } = await import('../../progress/elapsed.js');
        const migrations = await withElapsed(ctx.progress, 'migrate create', (task) =>
          createMigrations(config, {
            name,
            env,
            dryRun,
            shadowUrl,
            renames: (values.rename as string[] | undefined) ?? [],
            acceptDrops: (values['accept-drop'] as string[] | undefined) ?? [],
            // The question needs the terminal line: the progress line is cleared while it is asked.
            ask: ctx.prompt
              ? async (question) => {
                  task.pause();
                  try {
                    return await askRename(ctx, question);
                  } finally {
                    task.resume();
                  }
                }
              : undefined,
          }),
        );
        const diagnostics = migrations.flatMap((m) => m.diagnostics);
        if (ctx.format === 'json') {
          ctx.report(diagnostics, {
            extra: {
              migrations: migrations.map((m) => ({
                env: m.env,
                provider: m.provider,
                migration: m.script && !m.refused ? m.directoryName : null,
                refused: m.refused === true,
                file: m.file ? path.relative(config.cwd, m.file) : null,
                renames: m.renames.map(({ sql, ...r }) => r),
                script: dryRun ? m.script : undefined,
              })),
            },
          });
        } else {
          for (const m of migrations) {
            if (m.blocked) ctx.stdout(`${m.env}: not planned (see below)\n`);
            else if (m.refused) ctx.stdout(`${m.env}: not written: a probable rename needs a decision (see below)\n`);
            else if (m.script === '') ctx.stdout(`${m.env}: nothing to migrate\n`);
            else if (dryRun) ctx.stdout(`-- ${m.env} (${m.provider}): ${m.directoryName}\n${m.script}\n`);
            else
              ctx.stdout(
                `${m.env}: wrote ${path.relative(config.cwd, m.file!)}${m.renames.length ? ` (${m.renames.length} rename${m.renames.length > 1 ? 's' : ''})` : ''}\n`,
              );
          }
          if (diagnostics.length > 0) report(ctx, 'steward migrate create', diagnostics);
          if (diagnostics.some((d) => d.severity === 'error' && d.source === 'migrate-lint' && TRANSITION_CODES.has(d.code))) ctx.stdout(TRANSITION_PROPOSAL);
        }
        return hasErrors(diagnostics) ? ExitCode.Findings : ExitCode.Ok;
      }
      case 'baseline': {
        const baselines = await baselineMigrations(config, { name: values.name as string | undefined, env, dryRun });
        if (ctx.format === 'json') {
          ctx.report(
            baselines.flatMap((b) => b.notes),
            { extra: { baselines: baselines.map(({ notes: _notes, ...b }) => ({ ...b, file: b.file ? path.relative(config.cwd, b.file) : null })) } },
          );
        } else {
          for (const b of baselines)
            ctx.stdout(dryRun || !b.file ? `-- ${b.env} (${b.provider})\n${b.script}\n` : `${b.env}: wrote ${path.relative(config.cwd, b.file)}\n`);
          const notes = baselines.flatMap((b) => b.notes);
          if (notes.length > 0) report(ctx, 'steward migrate baseline', notes);
        }
        return ExitCode.Ok;
      }
      case 'lint': {
        const diagnostics = await lintMigrationHistories(config, { env, since: values.since as string | undefined, shadowUrl });
        report(ctx, 'steward migrate lint', diagnostics);
        return hasErrors(diagnostics) ? ExitCode.Findings : ExitCode.Ok;
      }
      case 'status': {
        if (values['urls-file'] !== undefined) return runFleetStatus(ctx, values);
        if (!env) throw new StewardError('USAGE', 'steward migrate status needs --env <env>');
        const environment = config.environments.find((e) => e.name === env);
        if (!environment) throw new StewardError('UNKNOWN_ENVIRONMENT', `No environment named '${env}'`);
        const url = (values.url as string | undefined) ?? environmentUrl(ctx, environment);
        const status = await migrationStatus(environment.migrationsDir, url, { timeoutMs: parseTimeout(values.timeout), cwd: config.cwd });
        const diagnostics = statusDiagnostics(status, env, environment.migrationsDir, config.cwd);
        if (ctx.format === 'json') ctx.report(diagnostics, { extra: { env, ...status } });
        else {
          if (ctx.format === 'text') {
            const counts = new Map<string, number>();
            for (const m of status.migrations) counts.set(m.state, (counts.get(m.state) ?? 0) + 1);
            ctx.stdout(
              `${status.database}: ${status.migrations.length} migration(s); ${[...counts].map(([state, n]) => `${n} ${state}`).join(', ') || 'none'}\n`,
            );
          }
          report(ctx, 'steward migrate status', diagnostics);
        }
        return diagnostics.some((d) => d.severity !== 'info') ? ExitCode.Findings : ExitCode.Ok;
      }
      case 'backfill':
        return runBackfill(ctx, config, values);
      case 'preflight':
        return runPreflight(ctx, config, values, (diagnostics) => report(ctx, 'steward migrate preflight', diagnostics));
    }
    return ExitCode.Usage;
  },
};

/** Drizzle Kit's question, per probable rename: renamed (RENAME, data kept) or dropped and created. */
async function askRename(ctx: CommandContext, question: RenameQuestion): Promise<'rename' | 'drop'> {
  ctx.stderr(`\n${question.message}\n`);
  for (;;) {
    const answer = (
      await ctx.prompt!(`${question.fromLabel} -> ${question.toLabel}: [r]enamed (RENAME, the data is kept) / [d]ropped and created (the data is lost): `)
    )
      .trim()
      .toLowerCase();
    if (answer === 'r' || answer === 'renamed' || answer === 'rename') return 'rename';
    if (answer === 'd' || answer === 'dropped' || answer === 'drop') return 'drop';
  }
}

function report(ctx: CommandContext, title: string, diagnostics: Diagnostic[]): void {
  ctx.report(diagnostics, { title });
}
