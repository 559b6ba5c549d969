/**
 * Synthetic PostgreSQL-flavoured master schemas of any size for benchmarks: every model has an
 * id, timestamps, a relation to the previous model, scalar lists, native types, an enum field,
 * indexes and a GIN index, so generation, lint and diff all have work to do.
 */
export interface SyntheticOptions {
  /** Adds a field to every 10th model: a changed "next version" for diff benchmarks. */
  variant?: number;
}

export function syntheticSchema(models: number, options: SyntheticOptions = {}): string {
  const out: string[] = [];
  out.push('datasource db {', '  provider = "postgresql"', '  url      = env("DATABASE_URL")', '}', '');
  out.push('generator client {', '  provider = "prisma-client"', '  output   = "../src/generated/prisma"', '}', '');
  const enums = Math.max(1, Math.floor(models / 20));
  for (let e = 0; e < enums; e++) {
    out.push(`enum Status${e} {`, '  ACTIVE', '  ARCHIVED', '  DELETED', '}', '');
  }
  for (let i = 0; i < models; i++) {
    const name = `Entity${i}`;
    out.push(`/// Synthetic model number ${i}.`);
    out.push(`model ${name} {`);
    out.push('  id          String   @id @default(dbgenerated("gen_random_uuid()")) @db.Uuid');
    out.push('  title       String   @db.VarChar(200)');
    out.push('  description String?  @db.Text');
    out.push('  tags        String[] @default([])');
    out.push('  amount      Decimal  @db.Decimal(10, 2)');
    out.push(`  status      Status${i % enums} @default(ACTIVE)`);
    out.push('  metadata    Json?');
    out.push('  counter     BigInt   @default(0)');
    if (options.variant !== undefined && i % 10 === 0) out.push(`  extra${options.variant} String?`);
    if (i > 0) {
      out.push(`  parentId    String?  @map("parent_id") @db.Uuid`);
      out.push(`  parent      Entity${i - 1}? @relation("Entity${i}Parent", fields: [parentId], references: [id], onDelete: Cascade)`);
    }
    if (i < models - 1) out.push(`  children    Entity${i + 1}[] @relation("Entity${i + 1}Parent")`);
    out.push('  createdAt   DateTime @default(now()) @map("created_at") @db.Timestamptz(6)');
    out.push('  updatedAt   DateTime @updatedAt @map("updated_at")');
    out.push('');
    if (i > 0) out.push('  @@index([parentId])');
    out.push('  @@index([tags], type: Gin)');
    out.push(`  @@map("entity_${i}")`);
    out.push('}', '');
  }
  return out.join('\n');
}
