import { relative, resolve } from 'node:path';
import { ExitCode } from '../../errors/index.js';
import { initProject } from '../../init/init.js';
import type { Command } from '../command.js';

export const initCommand: Command = {
  name: 'init',
  summary: 'Adopt steward in an existing Prisma project (master, config, environments, npm scripts, CI workflow)',
  usage: 'steward init',
  help: [
    '  Finds the schema (package.json "prisma.schema", prisma.config.ts, prisma/schema.prisma, schema.prisma,',
    '  prisma/schema/), copies it to schema.master.prisma, writes steward.config.ts with environments',
    '  from its provider (the original file becomes the generated schema of that provider), generates',
    '  the environment files, adds schema:* npm scripts and .github/workflows/steward.yml.',
    '  Existing files are kept; running it again changes nothing.',
  ].join('\n'),
  options: {},
  formats: ['text', 'json'],
  async run(ctx) {
    const result = await initProject(ctx.cwd);
    if (ctx.format === 'json') {
      ctx.stdout(JSON.stringify({ schema: result.schema, master: result.plan.master, environments: result.plan.environments, written: result.written, notes: result.plan.notes }, null, 2) + '\n');
      return ExitCode.Ok;
    }
    const s = ctx.style;
    ctx.stdout(`Found ${s.bold(result.schema.path)} (${result.schema.via}).\n`);
    for (const f of result.plan.files) ctx.stdout(`  ${s.green('wrote')} ${f.path}: ${f.why}\n`);
    for (const p of result.generate.written) ctx.stdout(`  ${s.green('generated')} ${relative(resolve(ctx.cwd), p)}\n`);
    for (const n of result.plan.notes) ctx.stdout(`  ${s.dim(n)}\n`);
    if (result.written.length === 0) ctx.stdout('Nothing to do: the project is already set up.\n');
    else {
      ctx.stdout(`\nEnvironments: ${result.plan.environments.map((e) => `${e.name} (${e.provider}) -> ${e.output}`).join(', ')}\n`);
      ctx.stdout(`Next: add prisma-steward as a dev dependency, edit ${result.plan.master} from now on, and run \`npx steward check\`.\n`);
    }
    return ExitCode.Ok;
  },
};
