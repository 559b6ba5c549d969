import { relative, resolve } from 'node:path';
import { ExitCode, StewardError } from '../../errors/index.js';
import { CONFIG_SECTIONS } from '../../compose/sections.js';
import { initProject } from '../../init/init.js';
import type { Command } from '../command.js';

export const initCommand: Command = {
  name: 'init',
  summary: 'Adopt steward in an existing Prisma project, as it is (writes only new files)',
  usage: 'steward init [--master <path>] [--dev sqlite|none] [--scripts] [--dry-run]',
  help: [
    '  Finds the schema (--master, prisma.config.* `schema`, package.json "prisma.schema", workspace packages,',
    '  prisma/schema.prisma, schema.prisma, prisma/schema/), checks it with Prisma and makes it the master as it',
    '  is: the environment of its provider is the master itself, with its existing migration history (whose',
    '  last migration is recorded as the adoption point: older migrations are not linted). A SQLite development',
    '  environment is added when the project shows one (a SQLite URL in .env*, docker-compose or test config)',
    "  or with --dev sqlite. Writes steward.config.ts, .github/workflows/steward.yml (for the project's package",
    "  manager and Node version), a lint baseline of today's findings and the generated environment schemas;",
    '  --scripts also adds schema:* npm scripts to package.json. No existing schema or migration file is changed.',
    '  --dry-run prints the plan and writes nothing. Running it again changes nothing.',
  ].join('\n'),
  options: { master: { type: 'string' }, dev: { type: 'string' }, scripts: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  formats: ['text', 'json'],
  async run(ctx, { values }) {
    const dev = values.dev as string | undefined;
    if (dev !== undefined && dev !== 'sqlite' && dev !== 'none') throw new StewardError('USAGE', `--dev: expected sqlite or none, got '${dev}'`);
    const dryRun = values['dry-run'] === true;
    const result = await initProject(ctx.cwd, {
      master: values.master as string | undefined,
      dev,
      scripts: values.scripts === true,
      dryRun,
      sections: CONFIG_SECTIONS,
    });
    const { plan } = result;
    if (ctx.format === 'json') {
      ctx.report([], {
        extra: {
          schema: result.schema,
          master: plan.master,
          environments: plan.environments,
          planned: plan.files.map((f) => ({ path: f.path, why: f.why })),
          written: result.written,
          notes: plan.notes,
          baselined: result.baselined ?? null,
        },
      });
      return ExitCode.Ok;
    }
    const s = ctx.style;
    ctx.stdout(`Found ${s.bold(result.schema.path)} (${result.schema.via}): the master, unchanged.\n`);
    for (const e of plan.environments)
      ctx.stdout(`  environment ${s.bold(e.name)} (${e.provider}): ${e.output === plan.master ? 'the master' : e.output}, history ${e.migrations}; ${e.why}\n`);
    for (const n of plan.notes) ctx.stdout(`  ${s.dim(n)}\n`);
    if (dryRun) {
      for (const f of plan.files) ctx.stdout(`  ${s.yellow('would write')} ${f.path}: ${f.why}\n`);
      if (plan.lintBaseline) ctx.stdout(`  ${s.yellow('would write')} ${plan.lintBaseline}: today's lint findings, so only new ones fail\n`);
      ctx.stdout('Dry run: nothing written.\n');
      return ExitCode.Ok;
    }
    for (const f of plan.files) ctx.stdout(`  ${s.green('wrote')} ${f.path}: ${f.why}\n`);
    for (const p of result.generate?.written ?? []) ctx.stdout(`  ${s.green('generated')} ${relative(resolve(ctx.cwd), p)}\n`);
    if (result.baselined !== undefined)
      ctx.stdout(`  ${s.green('wrote')} ${plan.lintBaseline}: ${result.baselined} lint finding(s) the schema has today; only new ones fail\n`);
    if (result.written.length === 0) ctx.stdout('Nothing to do: the project is already set up.\n');
    else ctx.stdout(`Next: add prisma-steward as a dev dependency, keep editing ${plan.master}, and run \`npx steward check\`.\n`);
    return ExitCode.Ok;
  },
};
