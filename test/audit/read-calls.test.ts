import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { extractPrismaCallsWithOxc, mayReadResults } from '../../src/audit/code/extract.js';
import { readPrismaCalls } from '../../src/audit/code/read-calls.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const exampleSrc = join(repoRoot, 'examples', 'messaging-api', 'api', 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The reader must give exactly what the oxc path gives, whenever it does not hand the file to oxc. */
function assertSame(path: string, text: string): boolean {
  const read = readPrismaCalls(path, text);
  if (read === undefined) return false;
  const oxc = extractPrismaCallsWithOxc(path, text);
  assert.deepEqual(oxc.errors, [], path);
  assert.deepEqual(read, oxc.calls, path);
  return true;
}

test('reader: same calls as oxc on the example project; files with data flow go to oxc', () => {
  const files = tsFiles(exampleSrc);
  assert.ok(files.length >= 5);
  let calls = 0;
  const toOxc: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (!assertSame(file, text)) toOxc.push(file.slice(exampleSrc.length + 1));
    calls += extractPrismaCallsWithOxc(file, text).calls.length;
  }
  assert.ok(calls > 20, `only ${calls} calls in the example`);
  // Those build arguments through data flow (a where extended after creation, `??`, conditional spreads, helpers).
  assert.deepEqual(toOxc.sort(), EXAMPLE_DATA_FLOW_FILES);
});

const EXAMPLE_DATA_FLOW_FILES = [
  'services/client.service.ts',
  'services/conversation.service.ts',
  'services/message.service.ts',
  'services/participant.service.ts',
  'services/property.service.ts',
  'services/timeline.service.ts',
  'services/usage.service.ts',
];

const SNIPPETS = [
  `const where = { title: { contains: q, mode: 'insensitive' as const }, status: 'ACTIVE' as const };`,
  `const base = { a: 1, "b-c": 'x\\ty', ...other };`,
  `await prisma.user.findMany({ where, orderBy: { createdAt: 'desc' }, take: 20, skip: page * 20, select: { id: true, name: true } });`,
  `return this.prisma.post.findUnique({ where: { id }, include: { author: { select: { email: true } } } }) satisfies unknown;`,
  `await db.message.create({ data: { ...base, content: \`hi \${name}\`, raw: \`plain\`, at: new Date(), n: -1, f: 1.5e3, h: 0x1F, big: 10n, nul: null, u: undefined } });`,
  `await prisma.$transaction(async (tx) => { const row = await tx.account.update({ where: { id }, data: { n: { increment: 1 } } }); await tx.account.count({ where: { tags: { has: 'x' } } }); return row; });`,
  `await prisma.$transaction([prisma.a.deleteMany({ where: { x: [1, , 2, ...rest] } }), prisma.b.count()]);`,
  `ctx.db.item.upsert({ where: { id: ids[0] }, create: { name: f(x), list: [a, 'b', { c: true }] }, update: { name: cond ? 'a' : 'b', d: (new Date()) } });`,
  `repo.client?.thing?.findFirst({ where: { id: (id as string)! }, select: { [key]: true, 'quoted': true, 3: true } });`,
  `prisma.user.findMany({ where: { OR: [{ a: 1 }, { b: { not: null } }] }, cursor: cursorArgs, ...spread });`,
  `prisma.user.count();`,
  `prisma.user.findMany(...args);`,
  `// prisma.user.findMany({ where: { inComment: 1 } })`,
  `const s = "not.a.call.findMany(x)"; prisma.user.findMany({ where: { s: 'prisma.x.count()' } });`,
  `prisma.user.update({ where: { id }, data: { fn() { return 1 }, get g() { return 2 }, arrow: (x) => x, later: async () => { await prisma.audit.create({ data: { at: new Date() } }) } } });`,
  `prisma.user.findMany({ where: { a: { in: await getIds() } }, select: sel as Prisma.UserSelect, include: inc satisfies Record<string, boolean> });`,
  `let filters = { deleted: false }; const filters2 = { ...filters, z: 'x' };`,
  `prisma.user.findMany({ where: filters2 }).then((rows) => rows.map((r) => r.id));`,
];

test('reader: same calls as oxc on generated variants', () => {
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  let readByReader = 0;
  for (let v = 0; v < 300; v++) {
    const parts: string[] = [];
    const count = 1 + rnd(8);
    for (let i = 0; i < count; i++) parts.push(SNIPPETS[rnd(SNIPPETS.length)]);
    const text = `async function f${v}() {\n  ${parts.join(rnd(2) ? '\n  ' : ' ')}\n}\n`;
    if (assertSame(`v${v}.ts`, text)) readByReader++;
  }
  assert.ok(readByReader > 150, `the reader read only ${readByReader} of 300 variants`);
  // Each snippet alone as well, so a fallback on one cannot hide the others.
  for (const [i, s] of SNIPPETS.entries()) assertSame(`s${i}.ts`, `async function g() {\n  ${s}\n}\n`);
});

test('reader: hands data flow to oxc', () => {
  for (const code of [
    `prisma.user.findMany({ where: { name: q ? { contains: q } : undefined } })`,
    `let where = {}; if (a) where = { a: 1 }; prisma.user.findMany({ where })`,
    `const where = { a: 1 }; where.OR = []; prisma.user.findMany({ where })`,
    `function f(where) { return prisma.user.findMany({ where }) }`,
    `prisma.user.findMany({ where: { OR: terms.map((t) => ({ name: t })) } })`,
    `prisma.user.update({ where: { id }, data: { ...(n && { name: n }) } })`,
    `function a() { const where = { a: 1 }; send(where) }\nfunction b() { return prisma.user.findMany({ where }) }`,
    `function byName(n) { return { name: n } }\nprisma.user.findMany({ where: byName('x') })`,
    `class S { f() { return this.prisma.user.findMany({ where: this.filters() }) } }`,
  ])
    assert.equal(readPrismaCalls('a.ts', code), undefined, code);
  // An object bound once and used in its scope, and scalar names, stay with the reader.
  assert.ok(
    readPrismaCalls('a.ts', `const where = { a: 1 };\nfunction f(id, take = 5) { return prisma.user.findMany({ where, take, select: { id: true } }) }`),
  );
  assert.ok(readPrismaCalls('a.ts', `function g() { const where = { a: 1 }; return prisma.user.findMany({ where }) }`));
});

test('reader: hands unusual code to oxc', () => {
  assert.equal(readPrismaCalls('a.ts', `prisma.user.findMany({ where: { name: /x/.source } })`), undefined);
  assert.equal(readPrismaCalls('a.ts', `prisma.user.findMany<Args>({ where: {} })`), undefined);
  assert.equal(readPrismaCalls('a.ts', `prisma.user.findMany({ where: { a: 'unterminated } })`), undefined);
});

test('files that only call Prisma keep the reader; files that read a result, return one from an exported function or into a written type go to oxc', () => {
  const only = [
    `class S { async list(q) { const where = { title: q }; return db.user.findMany({ where }) } async rename(id) { const row = await tx.user.update({ where: { id }, data: {} }); return row } summary(rows: { t: string }[]): string { return '' } }`,
    `function norm(v: string): string { return v }\nexport class S { get(id) { return this.prisma.user.findUnique({ where: { id } }) } }`,
    `await prisma.user.update({ where: { id }, data: { name } });`,
    // `row` is read in another function only: not this binding's.
    `async function a(id) { const row = await tx.user.update({ where: { id }, data: {} }); return row }\nfunction b(rows) { for (const row of rows) log(row.title) }`,
  ];
  for (const text of only) assert.equal(mayReadResults(text), false, text);
  const reads = [
    `const u = await prisma.user.findUnique({ where: { id } });\nlog(u.email)`,
    `const { email } = await prisma.user.findFirstOrThrow();`,
    `const users = await prisma.user.findMany();\nfor (const u of users) {}`,
    `(await prisma.user.findMany()).map((u) => u.email)`,
    `prisma.user.create({ data }).then((u) => u.id)`,
    `export async function getUser(id) { return prisma.user.findUnique({ where: { id } }) }`,
    `export const getUser = (id) => prisma.user.findUnique({ where: { id } });`,
    `async function get(): Promise<Team> { const team = await this.prisma.team.findFirst(); return E.right(team); }`,
  ];
  for (const text of reads) assert.equal(mayReadResults(text), true, text);
});
