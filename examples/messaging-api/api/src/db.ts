import { PrismaClient } from './generated/prisma/client.js';

/**
 * Shared Prisma Client. The generated client lives in src/generated/prisma
 * (see the `generator client` block in prisma/schema.master.prisma).
 */
export const prisma = new PrismaClient({
  log: process.env.NODE_ENV === 'production' ? ['error'] : ['query', 'warn', 'error'],
});

export type Db = typeof prisma;

export default prisma;
