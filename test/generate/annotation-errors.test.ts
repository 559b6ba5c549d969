import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { run, snapshot, tempProject } from '../helpers/project.js';

/** A master with a foreign key; `post` is the body of model Post after its id. */
const master = (post: string, user = '  posts Post[]') => `datasource db {
  provider = "postgresql"
}

generator client {
  provider = "prisma-client"
  output   = "../src/generated/prisma"
}

model User {
  id    String @id
  email String @unique
${user}
}

model Post {
  id       Int    @id @default(autoincrement())
${post}
}
`;

const RELATION = '  author   User   @relation(fields: [authorId], references: [id])';

async function generateFails(text: string): Promise<{ stderr: string; json: { code: string; file: string; line: number; column: number; message: string } }> {
  const dir = tempProject({ 'prisma/schema.master.prisma': text });
  const before = snapshot(dir);
  const r = await run(dir, 'generate');
  assert.equal(r.code, 2, r.stderr);
  assert.deepEqual(snapshot(dir), before, 'nothing written');
  assert.doesNotMatch(r.stderr, /INTERNAL|bug in prisma-steward|schema\.dev\.prisma|\n\s+at /);
  const j = await run(dir, 'generate', '--format', 'json');
  assert.equal(j.code, 2);
  const [diagnostic] = (JSON.parse(j.stdout) as { diagnostics: { code: string; file: string; line: number; column: number; message: string }[] }).diagnostics;
  return { stderr: r.stderr, json: diagnostic };
}

describe('annotation mistakes are located at the annotation in the master (exit 2, nothing written)', () => {
  it('@steward.exclude(dev) on a foreign key whose relation stays', async () => {
    const { stderr, json } = await generateFails(master(`  /// @steward.exclude(dev)\n  authorId String\n${RELATION}`));
    assert.match(stderr, /error\[ANNOTATION_INVALID\]: prisma\/schema\.master\.prisma:18:3: @steward\.exclude\(dev\) on Post\.authorId/);
    // Prisma's error, mapped back to the relation's line in the master.
    assert.match(stderr, /\[dev\] prisma\/schema\.master\.prisma:20:37 .*authorId/);
    assert.deepEqual([json.code, json.file, json.line, json.column], ['ANNOTATION_INVALID', 'prisma/schema.master.prisma', 18, 3]);
  });

  it('@steward.exclude(dev) on one side of a relation', async () => {
    const { json } = await generateFails(master(`  authorId String\n${RELATION}`, '  /// @steward.exclude(dev)\n  posts Post[]'));
    assert.deepEqual([json.code, json.file, json.line, json.column], ['ANNOTATION_INVALID', 'prisma/schema.master.prisma', 13, 3]);
    assert.match(json.message, /@steward\.exclude\(dev\) on User\.posts leaves a dev schema that Prisma rejects/);
  });

  it('@steward.override(dev) String @@@', async () => {
    const { stderr, json } = await generateFails(master(`  /// @steward.override(dev) String @@@\n  title    String\n  authorId String\n${RELATION}`));
    assert.match(
      stderr,
      /error\[ANNOTATION_INVALID\]: prisma\/schema\.master\.prisma:18:3: @steward\.override\(dev\) String @@@: not a field type and attributes/,
    );
    assert.deepEqual([json.code, json.line, json.column], ['ANNOTATION_INVALID', 18, 3]);
  });

  it('@steward.override(dev) with a type Prisma does not know', async () => {
    const { json } = await generateFails(master(`  /// @steward.override(dev) Strng\n  title    String\n  authorId String\n${RELATION}`));
    assert.deepEqual([json.code, json.line, json.column], ['ANNOTATION_INVALID', 18, 3]);
    assert.match(json.message, /@steward\.override\(dev\) on Post\.title leaves a dev schema that Prisma rejects/);
  });
});
