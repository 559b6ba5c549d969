import { defineConfig } from 'prisma-steward/config';

// The specification's layout: one master, a SQLite schema for development and a PostgreSQL
// schema for production, both generated beside the master.
export default defineConfig({
  master: 'api/prisma/schema.master.prisma',
  prismaMajor: 7,
  environments: {
    dev: { provider: 'sqlite', urlEnv: 'DATABASE_URL' },
    production: { provider: 'postgresql', urlEnv: 'DATABASE_URL' },
  },
});
