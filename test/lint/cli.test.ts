import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { run, snapshot, tempProject } from '../helpers/project.js';

const MASTER = `datasource db {
  provider = "postgresql"
}

model User {
  id        Int       @id @default(autoincrement())
  email     String    @unique
  messages  Message[]
  createdAt DateTime  @default(now()) @map("created_at")
  updatedAt DateTime  @updatedAt @map("updated_at")

  @@map("users")
}

model Message {
  id        Int      @id @default(autoincrement())
  senderId  Int
  sender    User     @relation(fields: [senderId], references: [id])
  tags      String[] @default([])
  createdAt DateTime @default(now())
  updatedAt DateTime
}
`;

describe('steward lint', () => {
  it('reports findings as JSON with the documented keys and exits 1 on errors', async () => {
    const dir = tempProject({ 'prisma/schema.master.prisma': MASTER });
    const r = await run(dir, 'lint', '--format', 'json');
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { diagnostics: Record<string, unknown>[] };
    const first = out.diagnostics.find((d) => d.rule === 'relation-on-delete-explicit')!;
    for (const key of ['rule', 'severity', 'message', 'file', 'line', 'column', 'model', 'field', 'env', 'fix']) assert.ok(key in first, key);
    assert.equal(first.file, join('prisma', 'schema.master.prisma'));
    assert.equal(first.line, 18);
    const rules = new Set(out.diagnostics.map((d) => d.rule));
    for (const rule of ['column-name-snake-case', 'table-name-snake-case', 'require-updated-at', 'relation-foreign-key-index', 'environment-compatibility'])
      assert.ok(rules.has(rule), rule);
  });

  it('--fix-dry-run lists safe and unsafe fixes with their statements, prints the diff of the safe ones, writes nothing', async () => {
    const dir = tempProject({ 'prisma/schema.master.prisma': MASTER });
    const before = snapshot(dir);
    const dry = await run(dir, 'lint', '--fix-dry-run');
    assert.equal(dry.code, 1);
    assert.match(dry.stdout, /^Safe fixes \(--fix applies them\): 3$/m);
    assert.match(
      dry.stdout,
      /^  prisma\/schema\.master\.prisma:18:3 add @@index\(\[senderId\]\) \(safe, creates an index\) \[relation-foreign-key-index\]\n      CREATE INDEX "Message_senderId_idx" ON "Message"\("senderId"\);$/m,
    );
    assert.match(dry.stdout, /^Unsafe fixes \(only --fix --unsafe applies them\): 4$/m);
    assert.match(dry.stdout, /^      ALTER TABLE "Message" RENAME COLUMN "senderId" TO "sender_id";$/m);
    assert.match(dry.stdout, /^      ALTER TABLE "Message" RENAME TO "messages";$/m);
    assert.match(dry.stdout, /^\+  @@index\(\[senderId\]\)$/m);
    assert.match(dry.stdout, /^\+  updatedAt DateTime @updatedAt$/m);
    assert.doesNotMatch(dry.stdout, /^\+.*@map\("sender_id"\)/m, 'the diff holds the safe fixes only');
    // Findings are located in the file as it is: the line numbers match the code frames.
    assert.match(
      dry.stdout,
      /prisma\/schema\.master\.prisma:21:3 error Field Message\.updatedAt should have @updatedAt\. \[require-updated-at\]\n.*\n  > 21 \|   updatedAt DateTime\n/,
    );
    assert.deepEqual(snapshot(dir), before);
    const unsafe = await run(dir, 'lint', '--fix-dry-run', '--unsafe');
    assert.match(unsafe.stdout, /^\+  senderId  Int      @map\("sender_id"\)$/m);
    assert.deepEqual(snapshot(dir), before);
  });

  it('--fix-dry-run --format json prints JSON: findings, both groups of fixes with kind and statement, the diff', async () => {
    const dir = tempProject({ 'prisma/schema.master.prisma': MASTER });
    const r = await run(dir, 'lint', '--fix-dry-run', '--format', 'json');
    assert.equal(r.code, 1);
    const envelope = JSON.parse(r.stdout) as {
      status: string;
      diagnostics: { rule: string; line: number; fix: { kind: string; safe: boolean; migration?: string } | null }[];
      data: {
        fixes: {
          safe: { rule: string; kind: string; migration: string | null }[];
          unsafe: { rule: string; kind: string; safe: boolean; migration: string | null }[];
        };
        diff: string;
      };
    };
    assert.equal(envelope.status, 'findings');
    const out = { diagnostics: envelope.diagnostics, ...envelope.data };
    assert.deepEqual(
      out.fixes.safe.map((f) => `${f.rule} ${f.kind}`),
      ['relation-foreign-key-index add-index', 'relation-on-delete-explicit schema-only', 'require-updated-at schema-only'],
    );
    assert.deepEqual(
      out.fixes.unsafe.map((f) => f.kind),
      ['rename-table', 'rename-column', 'rename-column', 'rename-column'],
    );
    assert.ok(out.fixes.unsafe.every((f) => !f.safe && f.migration?.startsWith('ALTER TABLE "Message" RENAME')));
    assert.match(out.diff, /\+  @@index\(\[senderId\]\)/);
    const updatedAt = out.diagnostics.find((d) => d.rule === 'require-updated-at')!;
    assert.equal(updatedAt.line, 21);
    assert.deepEqual({ kind: updatedAt.fix?.kind, safe: updatedAt.fix?.safe }, { kind: 'schema-only', safe: true });
  });

  it('--fix applies the safe fixes only and says how many unsafe ones it left; --fix --unsafe the renames, @@map last; a second run changes nothing', async () => {
    const dir = tempProject({ 'prisma/schema.master.prisma': MASTER });
    const fixed = await run(dir, 'lint', '--fix');
    assert.match(fixed.stdout, /Fixed 3 findings/);
    assert.match(fixed.stdout, /4 unsafe fixes not applied: they rename columns or tables/);
    let text = readFileSync(join(dir, 'prisma', 'schema.master.prisma'), 'utf8');
    assert.match(text, /sender +User +@relation\(fields: \[senderId\], references: \[id\], onDelete: Restrict\)/);
    assert.doesNotMatch(text, /@map\("sender_id"\)|@@map\("messages"\)/);
    const unsafe = await run(dir, 'lint', '--fix', '--unsafe');
    assert.match(unsafe.stdout, /Fixed 4 findings/);
    text = readFileSync(join(dir, 'prisma', 'schema.master.prisma'), 'utf8');
    assert.match(text, /\n  senderId  Int      @map\("sender_id"\)\n/);
    assert.match(text, /\n\n  @@index\(\[senderId\]\)\n  @@map\("messages"\)\n\}/);
    const again = await run(dir, 'lint', '--fix', '--unsafe');
    assert.doesNotMatch(again.stdout, /Fixed/);
    assert.equal(readFileSync(join(dir, 'prisma', 'schema.master.prisma'), 'utf8'), text);
  });

  it('--fix adds missing createdAt and updatedAt (with defaults) and keeps the model aligned', async () => {
    const master = 'datasource db {\n  provider = "postgresql"\n}\n\nmodel Tag {\n  id   Int    @id @default(autoincrement())\n  name String @unique\n}\n';
    const dir = tempProject({
      'prisma/schema.master.prisma': master,
      'steward.config.json': JSON.stringify({ lint: { preset: 'none', rules: { 'require-created-at': 'error', 'require-updated-at': 'error' } } }),
    });
    const r = await run(dir, 'lint', '--fix');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(
      readFileSync(join(dir, 'prisma', 'schema.master.prisma'), 'utf8'),
      'datasource db {\n  provider = "postgresql"\n}\n\nmodel Tag {\n  id        Int      @id @default(autoincrement())\n  name      String   @unique\n  createdAt DateTime @default(now())\n  updatedAt DateTime @default(now()) @updatedAt\n}\n',
    );
  });

  it('--unsafe without --fix is a usage error', async () => {
    const dir = tempProject({ 'prisma/schema.master.prisma': MASTER });
    const r = await run(dir, 'lint', '--unsafe');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--unsafe goes with --fix or --fix-dry-run/);
  });

  it('reads .prismalintrc.json and its ignore comments', async () => {
    const dir = tempProject({
      'prisma/schema.master.prisma':
        'datasource db {\n  provider = "postgresql"\n}\n\nmodel user {\n  id Int @id\n}\n\nmodel other_thing {\n  /// prisma-lint-ignore-model\n  id Int @id\n}\n',
      '.prismalintrc.json': JSON.stringify({ rules: { 'model-name-pascal-case': 'error' } }),
      'steward.config.json': JSON.stringify({ lint: { preset: 'none' } }),
    });
    const r = await run(dir, 'lint', '--format', 'json');
    const out = JSON.parse(r.stdout) as { diagnostics: { rule: string; model: string }[] };
    assert.deepEqual(
      out.diagnostics.map((d) => `${d.rule} ${d.model}`),
      ['model-name-pascal-case user'],
    );
    assert.equal(r.code, 1);
  });

  it('configuration mistakes exit 2 naming the key', async () => {
    const dir = tempProject({
      'prisma/schema.master.prisma': MASTER,
      'steward.config.json': JSON.stringify({ lint: { rules: { 'table-name-snake-case': ['error', { style: 'plurals' }] } } }),
    });
    const r = await run(dir, 'lint');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /lint\.rules\.table-name-snake-case\[1\]\.style/);
  });

  it("--baseline records today's findings, then fails only on new ones", async () => {
    const dir = tempProject({ 'prisma/schema.master.prisma': MASTER });
    const first = await run(dir, 'lint', '--baseline', 'lint-baseline.json');
    assert.equal(first.code, 0);
    assert.ok(existsSync(join(dir, 'lint-baseline.json')));
    assert.equal((await run(dir, 'lint', '--baseline', 'lint-baseline.json')).code, 0);
    const path = join(dir, 'prisma', 'schema.master.prisma');
    writeFileSync(path, readFileSync(path, 'utf8').replace('  tags ', '  last_seen DateTime?\n  tags '));
    const r = await run(dir, 'lint', '--baseline', 'lint-baseline.json', '--format', 'json');
    assert.equal(r.code, 1);
    const fields = new Set((JSON.parse(r.stdout) as { diagnostics: { field: string }[] }).diagnostics.map((d) => d.field));
    assert.deepEqual([...fields], ['last_seen']);
  });

  it('sarif output is SARIF 2.1.0 with repository-relative locations', async () => {
    const dir = tempProject({ 'prisma/schema.master.prisma': MASTER });
    const r = await run(dir, 'lint', '--format', 'sarif');
    const sarif = JSON.parse(r.stdout) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
      }[];
    };
    assert.equal(sarif.version, '2.1.0');
    const result = sarif.runs[0].results.find((x) => x.ruleId === 'relation-on-delete-explicit')!;
    assert.equal(result.level, 'error');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'prisma/schema.master.prisma');
    assert.equal(result.locations[0].physicalLocation.region.startLine, 18);
    assert.ok(sarif.runs[0].tool.driver.rules.some((x) => x.id === 'relation-on-delete-explicit'));
  });

  it('check includes lint', async () => {
    const dir = tempProject({ 'prisma/schema.master.prisma': MASTER });
    await run(dir, 'generate');
    const r = await run(dir, 'check');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /\[relation-on-delete-explicit\]/);
  });
});
