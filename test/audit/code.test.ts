import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { FeatureClaim, FieldClaim, ModelClaim } from '../../src/audit/claims.js';
import { extractPrismaCalls } from '../../src/audit/code/extract.js';
import { extractFiles } from '../../src/audit/code/extract-files.js';
import { importsFile, namedImports } from '../../src/audit/code/imports.js';
import { resolveCalls } from '../../src/audit/code/resolve.js';
import { compareClaims } from '../../src/audit/compare.js';
import { MESSAGING_SCHEMA } from './schema.js';

function claimsOf(code: string) {
  const { calls, typed, reads, errors } = extractPrismaCalls('service.ts', code);
  assert.deepEqual(errors, []);
  return resolveCalls(MESSAGING_SCHEMA, [...calls, ...typed], undefined, reads);
}
/** Only the fields claimed off values (results, typed values), `Model.field` at their line. */
const resultFields = (code: string) =>
  claimsOf(code)
    .filter((c): c is FieldClaim => c.kind === 'field' && c.context === 'result')
    .map((c) => `${c.model}.${c.field}:${c.location.line}`)
    .sort();
const fieldNames = (code: string) =>
  claimsOf(code)
    .filter((c): c is FieldClaim => c.kind === 'field')
    .map((c) => `${c.model}.${c.field}`);
const findingsOf = (code: string) =>
  compareClaims(MESSAGING_SCHEMA, claimsOf(code), { environments: [{ name: 'dev', provider: 'sqlite' }], severity: { undocumented: 'off' } });

const patterns: [string, string, string[]][] = [
  ['prisma.x', `await prisma.conversation.findMany({ where: { title: 'a' } })`, ['Conversation.title']],
  ['this.prisma.x', `class S { f() { return this.prisma.message.create({ data: { content: 'x' } }) } }`, ['Message.content']],
  ['ctx.db.x', `ctx.db.message.findFirst({ select: { senderType: true } })`, ['Message.senderType']],
  ['optional chaining and await', `await prisma?.message?.findFirst({ orderBy: { content: 'asc' } })`, ['Message.content']],
  [
    'interactive transaction',
    `await prisma.$transaction(async (tx) => { await tx.message.update({ where: { id: '1' }, data: { content: 'x' } }) })`,
    ['Message.id', 'Message.content'],
  ],
  ['array transaction', `await prisma.$transaction([prisma.message.deleteMany({ where: { content: '' } }), prisma.conversation.count()])`, ['Message.content']],
  [
    'nested read with where/orderBy',
    `prisma.conversation.findUnique({ where: { id }, include: { messages: { where: { content: 'a' }, orderBy: { id: 'desc' }, take: 5 } } })`,
    ['Conversation.id', 'Conversation.messages', 'Message.content', 'Message.id'],
  ],
  [
    'nested create and connect',
    `prisma.conversation.create({ data: { title: 't', messages: { create: [{ content: 'hi', senderType: 'USER' }] }, participants: { connect: { conversationId_userId: { conversationId: 'c', userId: 'u' } } } } })`,
    ['Conversation.title', 'Conversation.messages', 'Message.content', 'Message.senderType', 'Conversation.participants'],
  ],
  [
    'connectOrCreate and upsert',
    `prisma.conversation.update({ where: { id }, data: { participants: { connectOrCreate: { where: { id: 'p' }, create: { userId: 'u' } }, upsert: [{ where: { id: 'q' }, create: { userId: 'v' }, update: { last_read_at: new Date() } }] } } })`,
    [
      'Conversation.id',
      'Conversation.participants',
      'ConversationParticipant.id',
      'ConversationParticipant.userId',
      'ConversationParticipant.id',
      'ConversationParticipant.userId',
      'ConversationParticipant.last_read_at',
    ],
  ],
  [
    'relation filters some/every/none/is',
    `prisma.conversation.findMany({ where: { participants: { some: { userId: 'u' }, none: { last_read_at: null } }, messages: { every: { content: { not: '' } } } } })`,
    ['Conversation.participants', 'ConversationParticipant.userId', 'ConversationParticipant.last_read_at', 'Conversation.messages', 'Message.content'],
  ],
  ['to-one relation filter', `prisma.message.findMany({ where: { conversation: { is: { title: 'x' } } } })`, ['Message.conversation', 'Conversation.title']],
  [
    'upsert top level',
    `prisma.message.upsert({ where: { id: '1' }, create: { content: 'a' }, update: { content: 'b' } })`,
    ['Message.id', 'Message.content', 'Message.content'],
  ],
  [
    'groupBy by/having/_count',
    `prisma.message.groupBy({ by: ['senderType'], _count: { _all: true, content: true }, having: { content: { _count: { gt: 1 } } } })`,
    ['Message.senderType', 'Message.content', 'Message.content'],
  ],
  [
    'distinct, omit, cursor',
    `prisma.message.findMany({ distinct: ['content'], omit: { phoneNumber: true }, cursor: { id: 'x' } })`,
    ['Message.content', 'Message.phoneNumber', 'Message.id'],
  ],
  ['const object passed by name', `const where = { content: 'a' }; prisma.message.findMany({ where })`, ['Message.content']],
  [
    'spread of a const object',
    `const base = { content: 'a' }; prisma.message.create({ data: { ...base, senderType: 'USER' } })`,
    ['Message.content', 'Message.senderType'],
  ],
  [
    '_count select on a relation',
    `prisma.conversation.findMany({ select: { _count: { select: { messages: { where: { content: 'x' } } } } } })`,
    ['Conversation.messages', 'Message.content'],
  ],
];

for (const [name, code, expected] of patterns) {
  test(`code pattern: ${name}`, () => assert.deepEqual(fieldNames(code), expected));
}

test('an unknown delegate on a client-like receiver is a missing model; on anything else it is ignored', () => {
  const models = (code: string) =>
    claimsOf(code)
      .filter((c): c is ModelClaim => c.kind === 'model')
      .map((c) => c.model);
  assert.deepEqual(models(`prisma.notification.create({ data: { body: 'x' } })`), ['Notification']);
  assert.deepEqual(models(`this.cache.create({ data: { body: 'x' } })`), []);
  assert.deepEqual(models(`prisma.$transaction(async (t) => t.auditLog.create({ data: {} }))`), ['AuditLog']);
});

test('provider-dependent features are claimed with their field', () => {
  const features = claimsOf(
    `prisma.conversation.findMany({ where: { title: { contains: 'a', mode: 'insensitive' }, tags: { hasSome: ['x'] } } }); prisma.message.createMany({ data: [], skipDuplicates: true })`,
  )
    .filter((c): c is FeatureClaim => c.kind === 'feature')
    .map((c) => [c.feature, c.model, c.field ?? null]);
  assert.deepEqual(features, [
    ['insensitive-mode', 'Conversation', 'title'],
    ['scalar-list-filter', 'Conversation', 'tags'],
    ['skip-duplicates', 'Message', null],
  ]);
});

const mustNotReport: [string, string][] = [
  [
    'logical and scalar operators',
    `prisma.message.findMany({ where: { AND: [{ content: { startsWith: 'a', endsWith: 'b' } }], OR: [{ id: { in: ['1'] } }], NOT: { senderType: { notIn: ['USER'] } } } })`,
  ],
  ['update operators', `prisma.conversation.update({ where: { id: '1' }, data: { title: { set: 'x' }, tags: { push: 'y' } } })`],
  ['relation fields', `prisma.message.findMany({ include: { conversation: true } })`],
  ['compound unique selectors', `prisma.conversationParticipant.findUnique({ where: { conversationId_userId: { conversationId: 'c', userId: 'u' } } })`],
  ['_count in include and orderBy', `prisma.conversation.findMany({ include: { _count: true }, orderBy: { messages: { _count: 'desc' } } })`],
  [
    'objects never passed to Prisma',
    `const payload = { description: 'x', isActive: true }; send(payload); prisma.message.findMany({ where: { content: 'x' } })`,
  ],
  [
    'Json values are data',
    `prisma.message.findMany({ where: { metadata: { path: ['a'], equals: { foo: 1 } } } }); prisma.message.create({ data: { metadata: { anything: 1, nested: { deep: true } } } })`,
  ],
  ['non-Prisma create calls', `stripe.customers.create({ email: 'x', description: 'y' }); this.repository.user.create({ nope: 1 })`],
];

for (const [name, code] of mustNotReport) {
  test(`must not report: ${name}`, () => assert.deepEqual(findingsOf(code), []));
}

test('fields the schema lacks are reported with the code location', () => {
  const findings = findingsOf(`\nprisma.conversation.create({\n  data: { description: 'x', isActive: true },\n})`);
  assert.deepEqual(
    findings.map((f) => [f.kind, f.field, f.sources, `${f.locations[0].line}:${f.locations[0].column}`]),
    [
      ['missing-in-schema', 'description', ['code'], '3:11'],
      ['missing-in-schema', 'isActive', ['code'], '3:29'],
    ],
  );
  assert.match(findings[1].suggestion!, /isActive Boolean\?/);
});

test('files without a model operation call are not parsed; files that do not parse are reported', () => {
  assert.deepEqual(extractPrismaCalls('a.ts', 'const x = 1 +').calls, []);
  const broken = extractPrismaCalls('b.ts', 'prisma.message.findMany({ where: ');
  assert.equal(broken.calls.length + broken.errors.length > 0, true);
});

// Data flow (data-flow.ts): found when the value reaches a Prisma call, not found when it does not.
const flowFound: [string, string, string[]][] = [
  ['inline ternary', `prisma.conversation.findMany({ where: { title: q ? { contains: q, mode: 'insensitive' } : undefined } })`, ['Conversation.title']],
  [
    'conditional spread',
    `prisma.message.update({ where: { id }, data: { ...(c ? { content: c } : {}), ...(t && { senderType: t }) } })`,
    ['Message.id', 'Message.content', 'Message.senderType'],
  ],
  [
    'object extended after creation',
    `async function f(q) { const where = { id: '1' }; if (q) where.content = q; where.OR = [{ senderType: 'USER' }]; return prisma.message.findMany({ where }) }`,
    ['Message.id', 'Message.content', 'Message.senderType'],
  ],
  [
    'let assigned in branches',
    `async function f(a) { let where; if (a) where = { content: 'x' }; else where = { senderType: 'USER' }; return prisma.message.findMany({ where }) }`,
    ['Message.content', 'Message.senderType'],
  ],
  [
    'AND built with push',
    `async function f(terms) { const AND = []; for (const t of terms) AND.push({ content: { contains: t } }); return prisma.message.findMany({ where: { AND } }) }`,
    ['Message.content'],
  ],
  ['OR from map', `prisma.message.findMany({ where: { OR: terms.map((t) => ({ content: { contains: t } })) } })`, ['Message.content']],
  [
    'concat',
    `const a = [{ content: 'x' }]; prisma.message.findMany({ where: { OR: a.concat([{ senderType: 'USER' }]) } })`,
    ['Message.content', 'Message.senderType'],
  ],
  [
    'helper forwarding its parameter',
    `function save(id, changes) { return prisma.message.update({ where: { id }, data: changes }) }\nsave('1', { content: 'x' })`,
    ['Message.id', 'Message.content'],
  ],
  [
    'a local function returning the where',
    `function byContent(q) { const where = { content: q }; return where }\nprisma.message.findMany({ where: byContent('x') })`,
    ['Message.content'],
  ],
  [
    'a method returning the filters, awaited',
    `class S { async filters(q) { return q ? { senderType: q } : { content: 'x' } } async run(q) { return this.prisma.message.findMany({ where: await this.filters(q) }) } }`,
    ['Message.senderType', 'Message.content'],
  ],
  [
    'method forwarding a destructured parameter',
    `class S { find({ where }) { return this.prisma.message.findMany({ where }) } run() { return this.find({ where: { content: 'x' } }) } }`,
    ['Message.content'],
  ],
];
for (const [name, code, expected] of flowFound) {
  test(`data flow, found: ${name}`, () => assert.deepEqual(fieldNames(code), expected));
}

const flowNotFound: [string, string][] = [
  [
    'same-named object in another function',
    `function a() { const where = { description: 'x' }; return send(where) }\nfunction b(where) { return prisma.conversation.findMany({ where }) }`,
  ],
  ['object never passed', `async function f() { const data = { isActive: true }; log(data); return prisma.conversation.findMany({ where: { title: 'a' } }) }`],
  [
    'third-party SDK clients',
    `stripeClient.subscriptions.update('x', { description: 'y' }); const client = getHubClient(); client.conversation.create({ data: { nope: 1 } }); this.client.message.create({ data: { nope: 1 } })`,
  ],
  [
    'comments and strings',
    `// prisma.conversation.create({ data: { description: 'x' } })\nconst s = "prisma.conversation.create({ data: { description: 'x' } })";\n/** prisma.conversation.update({ data: { isActive: true } }) */`,
  ],
];
for (const [name, code] of flowNotFound) {
  test(`data flow, not found: ${name}`, () => assert.deepEqual(findingsOf(code), []));
}

test('Prisma clients by construction, type and import', () => {
  const models = (code: string) =>
    claimsOf(code)
      .filter((c): c is ModelClaim => c.kind === 'model')
      .map((c) => c.model);
  assert.deepEqual(models(`const client = new PrismaClient(); client.message.findMany()`), ['Message']);
  assert.deepEqual(models(`function f(client: Prisma.TransactionClient) { return client.message.findMany() }`), ['Message']);
  assert.deepEqual(models(`import { client } from '@/lib/prisma'; client.message.findMany()`), ['Message']);
  assert.deepEqual(models(`const client = tx ?? prisma; client.message.findMany()`), ['Message']);
  assert.deepEqual(models(`prisma.client.message.findMany()`), ['Message']);
  assert.deepEqual(models(`class Db extends PrismaClient { f() { return this.message.findMany() } }`), ['Message']);
  assert.deepEqual(models(`async function f(tx) { return (tx || this.prisma).message.count() }`), ['Message']);
  assert.deepEqual(models(`const d = await (\n  tx ?? prisma\n).message.findUnique({ where: { id } })`), ['Message']);
  assert.deepEqual(models(`import { client } from './http'; client.message.findMany()`), []);
  assert.deepEqual(models(`await authClient.message.create({ text: 'x' })`), []);
});

// Model values (model-values.ts): fields read off a query's result or a value typed with a model.
const IMPORTS = `import type { Message, Conversation, Prisma } from '@prisma/client';\n`;
const readsFound: [string, string, string[]][] = [
  [
    'awaited result',
    `const m = await prisma.message.findUnique({ where: { id } });\nif (m?.content) log(m.senderType)`,
    ['Message.content:2', 'Message.senderType:2'],
  ],
  ['destructured result', `const { content, senderType: t } = await prisma.message.findFirstOrThrow();`, ['Message.content:1', 'Message.senderType:1']],
  [
    'list result: map, for-of, index, find',
    `const ms = await prisma.message.findMany();\nms.map((m) => m.content);\nfor (const m of ms) log(m.senderType);\nlog(ms[0].phoneNumber, ms.find((m) => m.id === 'x')?.conversationId, ms.length)`,
    ['Message.content:2', 'Message.conversationId:4', 'Message.id:4', 'Message.phoneNumber:4', 'Message.senderType:3'],
  ],
  ['callback destructuring', `(await prisma.message.findMany()).forEach(({ content }) => log(content))`, ['Message.content:1']],
  ['then', `prisma.message.create({ data: {} }).then((m) => m.content)`, ['Message.content:1']],
  [
    'relations of an included result',
    `const c = await prisma.conversation.findUnique({ include: { messages: true } });\nc.messages.map((m) => m.content); c.messages.length; c.messages[0].senderType`,
    ['Conversation.messages:2', 'Conversation.messages:2', 'Conversation.messages:2', 'Message.content:2', 'Message.senderType:2'],
  ],
  [
    'a local function returning a result',
    `async function load(id) { return prisma.message.findUnique({ where: { id } }) }\nasync function f() { const m = await load('1'); return m.content }`,
    ['Message.content:2'],
  ],
  [
    'let filled later',
    `let m = null;\nif (a) m = await prisma.message.findFirst(); else m = await prisma.message.create({ data: {} });\nm?.content`,
    ['Message.content:3'],
  ],
  [
    'a model type from the client',
    `${IMPORTS}function f(m: Message | null, all: Message[]) { return [m?.content, all[0].senderType] }`,
    ['Message.content:2', 'Message.senderType:2'],
  ],
  [
    'an aliased model type',
    `import { Message as DbMessage } from 'src/generated/prisma/client';\nconst show = (m: DbMessage) => m.content;`,
    ['Message.content:2'],
  ],
  ['GetPayload', `${IMPORTS}function f(c: Prisma.ConversationGetPayload<{ include: { messages: true } }>) { return c.title }`, ['Conversation.title:2']],
  [
    'aggregate and groupBy results',
    `const a = await prisma.message.aggregate({ _max: { id: true } });\nlog(a._max.id, a._count);\nconst g = await prisma.message.groupBy({ by: ['senderType'] });\ng.map((x) => [x.senderType, x._count.content]); g.length`,
    ['Message.content:4', 'Message.id:2', 'Message.senderType:4'],
  ],
  [
    'fp-ts containers',
    `async function one(): Promise<E.Either<string, Message>> { const m = await prisma.message.findFirst(); if (!m) return E.left('none'); return E.right(m) }\nconst r = await one(); log(r.right.content, r.left); const o = O.fromNullable(await prisma.message.findFirst());\nlog(o.value.senderType)\nasync function two() { const m = await prisma.message.findFirst(); if (!m) return O.none; return O.some(m) }\nconst t = await two(); if (O.isSome(t)) log(t.value.phoneNumber)`,
    ['Message.content:2', 'Message.phoneNumber:5', 'Message.senderType:3'],
  ],
  ['a field missing from the schema', `const m = await prisma.message.findFirst();\nreturn m.subject`, ['Message.subject:2']],
  // The application's types built from a model type: its keys, less those omitted or declared anew.
  ['Partial of a model type', `${IMPORTS}function f(m: Partial<Message>) { return m.content }`, ['Message.content:2']],
  [
    'Omit of a model type: the kept keys',
    `${IMPORTS}function f(m: Omit<Message, 'metadata' | 'id'>) { return [m.content, m.senderType] }`,
    ['Message.content:2', 'Message.senderType:2'],
  ],
  ['Pick of a model type', `${IMPORTS}const f = (m: Pick<Message, 'content'>[]) => m.map((x) => x.content);`, ['Message.content:2']],
  [
    'an interface extending Omit of a model type, and Partial of it',
    `${IMPORTS}export interface Msg extends Omit<Message, 'metadata'> {\n  metadata: { tone: string };\n  extra?: number;\n}\nconst f = (m: Partial<Msg>) => [m.content, m.metadata.tone, m.extra];`,
    ['Message.content:6'],
  ],
  [
    'an alias of Pick of a model type',
    `${IMPORTS}export type Preview = Pick<Message, 'content' | 'id'>;\nconst f = (m: Preview) => m.content;`,
    ['Message.content:3'],
  ],
  [
    'useState typed with a model type',
    `${IMPORTS}function C() { const [m, setM] = useState<Partial<Message>>(); const [c] = React.useState<Message | null>(null); return [m.content, c?.senderType] }`,
    ['Message.content:2', 'Message.senderType:2'],
  ],
  [
    'objects written where a model type is expected',
    `${IMPORTS}const m: Partial<Message> = { content: 'x', 'senderType': 'USER', ...rest };\nconst mk = (): Omit<Message, 'subject'> => (a ? { phoneNumber: '', subject: 1 } : { id: '1' });`,
    ['Message.content:2', 'Message.id:3', 'Message.phoneNumber:3', 'Message.senderType:2'],
  ],
  [
    'a record spread into an object by a helper',
    `${IMPORTS}async function attach(m: Message) { return { ...m, shareId: 'x' } }\nasync function load() { const m = await prisma.message.findFirst(); return attach(m) }\nconst r = await load(); log(r.content, r.shareId); const o = { ...r, extra: 1 }; o.senderType; o.extra;`,
    ['Message.content:4', 'Message.senderType:4'],
  ],
  [
    'useRef typed with a model type',
    `${IMPORTS}function C() { const ref = useRef<Partial<Message>>(null); const cur = ref.current; return [cur.content, ref.current.senderType] }`,
    ['Message.content:2', 'Message.senderType:2'],
  ],
];
for (const [name, code, expected] of readsFound) {
  test(`model values, found: ${name}`, () => assert.deepEqual(resultFields(code), expected));
}

const readsNotFound: [string, string][] = [
  [
    'a count, an aggregate, a groupBy',
    `const n = await prisma.message.count(); n.toFixed(); const g = await prisma.message.groupBy({ by: ['content'] }); g[0]._count; (await prisma.message.aggregate({ _max: { id: true } }))._max.id`,
  ],
  ['a name typed with another type', `const m: MessageView = await prisma.message.findFirst(); m.subject;`],
  ['a cast to another type', `const m = (await prisma.message.findFirst()) as any; m.subject;`],
  ['a name assigned something else too', `let m = await prisma.message.findFirst(); m = { subject: 'x' }; m.subject;`],
  ['a promise, not awaited', `const p = prisma.message.findFirst(); p.then(log).catch(log).finally(log)`],
  ['a list and its methods', `const ms = await prisma.message.findMany(); ms.length; ms.at(0); ms.filter(Boolean).length`],
  ['a scalar and a Json field', `const m = await prisma.message.findFirst(); m.content.toUpperCase(); m.metadata.anything;`],
  ['a third-party client', `const s = await stripe.customers.create({}); s.subject; const r = await this.client.files.findMany(); r[0].subject`],
  ['a type of the same name from elsewhere', `import type { Message } from './types';\nconst f = (m: Message) => m.subject;`],
  [
    'a function with another return type',
    `async function load(): Promise<MessageView> { return prisma.message.findFirst() }\nasync function f() { return (await load()).subject }`,
  ],
  [
    'Omit: the omitted key read (the application gives it another type)',
    `${IMPORTS}const f = (m: Omit<Message, 'subject'> & { subject: string }) => m.subject;\nconst g = (m: Omit<Message, 'subject'>) => m.subject;`,
  ],
  ['Pick: a key it does not keep', `${IMPORTS}const f = (m: Pick<Message, 'content'>) => m.subject;`],
  [
    'an interface extending a model type: its own members',
    `${IMPORTS}export interface Msg extends Message {\n  subject: string;\n  'topic'?: string;\n  load(): void;\n}\nconst f = (m: Msg) => [m.subject, m.topic, m.load()];`,
  ],
  [
    'an interface extending a type of the same name from elsewhere',
    `import type { Message } from './types';\ninterface Msg extends Omit<Message, 'id'> {}\nconst f = (m: Msg) => m.subject;`,
  ],
  [
    'objects written where another type or a list is expected',
    `${IMPORTS}const m: MessageView = { subject: 1 };\nconst l = (): Message[] => [{ subject: 1 }];\nconst n: Message = f({ subject: 1 });`,
  ],
  [
    'useRef of another type, and other members of a ref',
    `${IMPORTS}const r = useRef<MessageView>(null); r.current.subject; const q = useRef<Message>(null); q.subject;`,
  ],
  [
    'keys written beside a spread record, or before it',
    `const m = await prisma.message.findFirst(); const a = { ...m, subject: 1 }; a.subject; const b = { subject: 1, ...m }; b.subject; const c = { ...m, ...n }; c.subject;`,
  ],
  ['Omit with keys not written as strings', `${IMPORTS}const f = (m: Omit<Message, Keys>) => m.subject;`],
  [
    'useState of another type, or without one',
    `${IMPORTS}const [m] = useState<MessageView>(); m.subject; const [n] = useState(null); n.subject; const [l] = useState<Message[]>([]); l[0].subject`,
  ],
  [
    'a shared object, field of one model only',
    `const some = { content: 'x' }; prisma.conversation.findMany({ where: q ? { messages: { some } } : { participants: { some } } })`,
  ],
];
for (const [name, code] of readsNotFound) {
  test(`model values, not found: ${name}`, () => assert.deepEqual(findingsOf(code), []));
}

// Values typed with a generated argument type (typed-args.ts), in the file and across files.
test('typed arguments: a where, create data and whole arguments typed with Prisma types', () => {
  assert.deepEqual(fieldNames(`${IMPORTS}const where: Prisma.MessageWhereInput = { content: 'x', OR: [{ senderType: 'USER' }] };`), [
    'Message.content',
    'Message.senderType',
  ]);
  assert.deepEqual(fieldNames(`${IMPORTS}const data: Prisma.ConversationCreateInput = { title: 't', messages: { create: { content: 'c' } } };`), [
    'Conversation.title',
    'Conversation.messages',
    'Message.content',
  ]);
  assert.deepEqual(
    fieldNames(`${IMPORTS}function find(args: Prisma.MessageFindManyArgs) { return run(args) }\nfind({ where: { content: 'x' }, orderBy: { id: 'desc' } })`),
    ['Message.content', 'Message.id'],
  );
  assert.deepEqual(
    fieldNames(
      `${IMPORTS}import MessageFindManyArgs = Prisma.MessageFindManyArgs;\nfunction find(args: MessageFindManyArgs) { return run(args) }\nfind({ where: { content: 'x' } })`,
    ),
    ['Message.content'],
  );
  assert.deepEqual(
    fieldNames(`${IMPORTS}function save(data: Prisma.MessageUpdateInput | Prisma.MessageUncheckedUpdateInput) { return run(data) }\nsave({ content: 'x' })`),
    ['Message.content'],
  );
  // Not Prisma's namespace, or not a model: nothing.
  assert.deepEqual(fieldNames(`import { Prisma } from './mine';\nconst where: Prisma.MessageWhereInput = { subject: 'x' };`), []);
  assert.deepEqual(findingsOf(`${IMPORTS}const where: Prisma.NotAModelWhereInput = { subject: 'x' };`), []);
});

test('typed arguments across files: a helper whose parameter is typed, called from another file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'steward-typed-'));
  try {
    writeFileSync(
      join(dir, 'queries.ts'),
      `${IMPORTS}export async function getMessages(criteria: Prisma.MessageFindManyArgs, page: number) { return pagedQuery('message', criteria, page) }\n`,
    );
    writeFileSync(
      join(dir, 'route.ts'),
      `import { getMessages } from './queries';\nexport const GET = () => getMessages({ where: { content: 'x', subject: 'y' } }, 1);\n`,
    );
    writeFileSync(join(dir, 'other.ts'), `const getMessages = (x) => x;\ngetMessages({ where: { nope: 1 } });\n`);
    // A function returning a model's records, and a caller in another file reading them.
    writeFileSync(join(dir, 'load.ts'), `export const getMessage = (id) => prisma.message.findFirst({ where: { id } });\n`);
    writeFileSync(join(dir, 'use.ts'), `import { getMessage } from './load';\nconst m = await getMessage('1');\nlog(m?.senderType, m.length);\n`);
    // The same name in another file, returning another model, imported through a barrel.
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'lib', 'result.ts'), `export const getMessage = async () => prisma.conversation.findFirst();\n`);
    writeFileSync(join(dir, 'lib', 'index.ts'), `export * from './result';\n`);
    writeFileSync(join(dir, 'use2.ts'), `import { getMessage } from '@/lib';\nconst r = await getMessage();\nlog(r.title);\n`);
    // An alias of a model type in another file.
    writeFileSync(
      join(dir, 'types.ts'),
      `import { Message as PrismaMessage } from '@prisma/client';\nexport type AuthMessage = PrismaMessage;\nexport interface Msg extends Omit<PrismaMessage, 'metadata'> {\n  metadata: { tone: string };\n}\n`,
    );
    writeFileSync(
      join(dir, 'svc.ts'),
      `import { AuthMessage, Msg } from './types';\nexport const f = (m: AuthMessage) => m.content;\nexport const g = (m: Partial<Msg>) => [m.senderType, m.metadata.tone];\nexport function H() { const [m] = useState<Msg>(); return m.phoneNumber }\n`,
    );
    // Records returned into a type named like the model (a GraphQL class), declared in another file.
    writeFileSync(
      join(dir, 'message.model.ts'),
      `export class Message {\n  id: string;\n  content: string;\n  note?: string;\n}\nexport class Other { id: string; nope: string }\n`,
    );
    writeFileSync(
      join(dir, 'svc2.ts'),
      [
        `import { Message, Other } from './message.model';`,
        `export async function get(): Promise<E.Right<Message>> {`,
        `  const m = await prisma.message.findFirst();`,
        `  return E.right(m);`,
        `}`,
        `export async function spread(): Promise<Message> {`,
        `  const m = await prisma.message.findFirst();`,
        `  return { ...m, content: 'x' };`,
        `}`,
        `export async function all(): Promise<Message[]> {`,
        `  const ms = await prisma.message.findMany();`,
        `  return ms;`,
        `}`,
        `export async function other(): Promise<Other> {`,
        `  return prisma.message.findFirst();`,
        `}`,
      ].join('\n'),
    );
    // Injected services (NestJS): a method returning records, called through another service.
    writeFileSync(
      join(dir, 'message.service.ts'),
      `export class MessageService {\n  async all() { const ms = await this.prisma.message.findMany(); return ms; }\n  async one() { const m = await this.prisma.message.findFirst(); return E.right(m); }\n}\n`,
    );
    writeFileSync(
      join(dir, 'admin.service.ts'),
      `import { MessageService } from './message.service';\nexport class AdminService {\n  constructor(private readonly messageService: MessageService) {}\n  async all() { return this.messageService.all(); }\n  async one() { return this.messageService.one(); }\n}\n`,
    );
    writeFileSync(
      join(dir, 'admin.resolver.ts'),
      `import { AdminService } from './admin.service';\nexport class AdminResolver {\n  constructor(private adminService: AdminService) {}\n  async titles() { const ms = await this.adminService.all(); return ms.map((m) => m.senderType); }\n  async one() { const r = await this.adminService.one(); return r.right.content; }\n}\n`,
    );
    // A React context created for a model, a hook returning it, a component reading it.
    writeFileSync(join(dir, 'ctx.ts'), `import type { Message } from '@prisma/client';\nexport const MessageContext = createContext<Message>(null);\n`);
    writeFileSync(
      join(dir, 'use-message.ts'),
      `import { MessageContext } from './ctx';\nexport function useMessage() { return useContext(MessageContext); }\n`,
    );
    writeFileSync(
      join(dir, 'view.tsx'),
      `import { useMessage } from './use-message';\nexport function View() { const m = useMessage(); return m?.phoneNumber; }\n`,
    );
    // A context typed with an interface whose member is the application's type built from a model.
    writeFileSync(
      join(dir, 'msg-ctx.tsx'),
      `import type { Msg } from './types';\nexport interface MsgContextValue {\n  msg: Partial<Msg>;\n  editing: boolean;\n}\nexport const MsgContext = createContext<MsgContextValue>(null);\n`,
    );
    writeFileSync(
      join(dir, 'msg-view.tsx'),
      `import { MsgContext, type MsgContextValue } from './msg-ctx';\nexport function useMsg(): MsgContextValue { return useContext(MsgContext); }\nexport function V() { const { msg, editing } = useMsg(); return [msg.content, msg.metadata, editing]; }\n`,
    );
    const { calls, reads } = extractFiles(
      dir,
      [
        'msg-ctx.tsx',
        'msg-view.tsx',
        'ctx.ts',
        'use-message.ts',
        'view.tsx',
        'message.service.ts',
        'admin.service.ts',
        'admin.resolver.ts',
        'message.model.ts',
        'svc2.ts',
        'queries.ts',
        'route.ts',
        'other.ts',
        'load.ts',
        'use.ts',
        'lib/result.ts',
        'lib/index.ts',
        'use2.ts',
        'types.ts',
        'svc.ts',
      ],
      new Set(['Message', 'Conversation']),
    );
    const claims = resolveCalls(MESSAGING_SCHEMA, calls, undefined, reads).filter((c): c is FieldClaim => c.kind === 'field');
    assert.deepEqual(
      claims.map((c) => `${c.model}.${c.field} ${c.location.file}:${c.location.line}`).sort(),
      [
        'Message.id load.ts:1',
        'Message.content route.ts:2',
        'Message.subject route.ts:2',
        'Message.senderType use.ts:3',
        'Message.length use.ts:3',
        'Conversation.title use2.ts:3',
        'Message.content svc.ts:2',
        'Message.senderType svc.ts:3',
        'Message.phoneNumber svc.ts:4',
        'Message.content msg-view.tsx:3',
        'Message.id svc2.ts:4',
        'Message.content svc2.ts:4',
        'Message.id svc2.ts:8',
        'Message.id svc2.ts:12',
        'Message.content svc2.ts:12',
        'Message.senderType admin.resolver.ts:4',
        'Message.content admin.resolver.ts:5',
        'Message.phoneNumber view.tsx:2',
      ].sort(),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('imports: which file an import names (relative, aliased, through a barrel)', () => {
  const texts = new Map([
    ['src/queries/prisma/index.ts', `export * from './teamUser';\nexport { getBoard } from './board';`],
    ['src/queries/prisma/teamUser.ts', ''],
    ['src/queries/prisma/board.ts', ''],
    ['src/other/teamUser.ts', ''],
  ]);
  assert.deepEqual(namedImports(`import { a, b as c } from './x';\nimport type { T } from '@/y';`), [
    { imported: 'a', local: 'a', specifier: './x' },
    { imported: 'b', local: 'c', specifier: './x' },
    { imported: 'T', local: 'T', specifier: '@/y' },
  ]);
  assert.equal(importsFile('src/permissions/team.ts', '@/queries/prisma', 'src/queries/prisma/teamUser.ts', 'getTeamUser', texts), true);
  assert.equal(importsFile('src/permissions/team.ts', '@/queries/prisma', 'src/queries/prisma/board.ts', 'getBoard', texts), true);
  assert.equal(importsFile('src/permissions/team.ts', '@/queries/prisma', 'src/queries/prisma/board.ts', 'getTeamUser', texts), false);
  assert.equal(importsFile('src/permissions/team.ts', '../other/teamUser', 'src/other/teamUser.ts', 'x', texts), true);
  assert.equal(importsFile('src/permissions/team.ts', '../other/teamUser', 'src/queries/prisma/teamUser.ts', 'x', texts), false);
  assert.equal(importsFile('src/permissions/team.ts', 'lodash', 'src/other/teamUser.ts', 'x', texts), false);
});
