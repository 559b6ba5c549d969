import { dirname, relative, sep } from 'node:path';

/**
 * The `prisma.<env>.config.ts` written for Prisma 7 targets: it points Prisma's CLI at the
 * environment's schema, migrations folder and URL variable, so
 * `prisma migrate deploy --config prisma.<env>.config.ts` works.
 */
export function renderPrismaConfig(options: { configPath: string; schemaPath: string; migrationsDir: string; urlEnv: string }): string {
  const from = dirname(options.configPath);
  const rel = (p: string) => {
    const r = relative(from, p).split(sep).join('/');
    return r.startsWith('.') ? r : `./${r}`;
  };
  return [
    "import { defineConfig, env } from 'prisma/config';",
    '',
    'export default defineConfig({',
    `  schema: '${rel(options.schemaPath)}',`,
    `  migrations: { path: '${rel(options.migrationsDir)}' },`,
    `  datasource: { url: env('${options.urlEnv}') },`,
    '});',
    '',
  ].join('\n');
}
