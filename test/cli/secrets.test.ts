/**
 * Property test of the "passwords are never printed" promise: seeded random database URLs of
 * every shape a user writes (with and without `//`, raw `@`, `/`, `:`, `%`, quotes in the
 * password, percent-encoded, in the query string, unsupported schemes) through `db drift`,
 * `migrate status` and `verify` in every output format. No fragment of a password reaches
 * stdout or stderr, in any encoding an output format could give it, and the exit code is 2
 * for a URL steward cannot use and 3 for a database it cannot reach.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { test } from 'node:test';
import { random } from '../helpers/mutants.js';
import { run, tempProject } from '../helpers/project.js';

const SEED = Number(process.env.STEWARD_SECRETS_SEED ?? 0x5eed);
const CASES = Number(process.env.STEWARD_SECRETS_CASES ?? 16);

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const SPECIALS = ['@', '/', ':', '%', '"', "'", '?', '&', '=', '#', '\\', '!', '$', ';', ',', 'é'];

interface Secret {
  password: string;
  /** The password's letter runs: none may appear in any output, whatever the format's escaping. */
  fragments: string[];
}

function secret(next: () => number): Secret {
  const fragments: string[] = [];
  let password = '';
  const parts = 1 + Math.floor(next() * 3);
  for (let i = 0; i < parts; i++) {
    let fragment = '';
    for (let j = 0; j < 6; j++) fragment += LETTERS[Math.floor(next() * LETTERS.length)];
    fragments.push(fragment);
    password += fragment;
    if (i < parts - 1) password += SPECIALS[Math.floor(next() * SPECIALS.length)];
  }
  return { password, fragments };
}

function url(next: () => number, port: number, s: Secret): string {
  const host = `127.0.0.1:${port}`;
  const shapes = [
    () => `postgresql://app:${s.password}@${host}/db`,
    () => `postgresql://app:${encodeURIComponent(s.password)}@${host}/db`,
    () => `postgres://app:${encodeURIComponent(s.password)}@${host}/db?schema=public`,
    () => `postgresql:/app:${s.password}@${host}/db`,
    () => `postgresql:app:${s.password}@${host}/db`,
    () => `app:${s.password}@${host}/db`,
    () => `postgresql://${host}/db?user=app&password=${encodeURIComponent(s.password)}`,
    () => `mysql://root:${s.password}@${host}/db`,
  ];
  return shapes[Math.floor(next() * shapes.length)]();
}

const MASTER = `datasource db {
  provider = "postgresql"
}

model Owner {
  id    Int    @id @default(autoincrement())
  email String @unique
}
`;

const COMMANDS = [
  ['db', 'drift', '--env', 'production', '--timeout', '2000'],
  ['migrate', 'status', '--env', 'production', '--timeout', '2000'],
  ['verify', '--skip-typecheck'],
];
const FORMATS = ['text', 'json', 'github', 'markdown'];

test('no fragment of a password is printed, whatever the URL and the output format', async () => {
  const dir = tempProject({
    'prisma/schema.master.prisma': MASTER,
    'steward.config.json': JSON.stringify({ master: 'prisma/schema.master.prisma', environments: { production: { provider: 'postgresql' } } }),
  });
  // A server that accepts and hangs up at once (the driver reports it), and a closed port.
  const rude = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => rude.listen(0, '127.0.0.1', resolve));
  const closed = net.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const closedPort = (closed.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const ports = [(rude.address() as net.AddressInfo).port, closedPort];
  const next = random(SEED);
  try {
    for (let i = 0; i < CASES; i++) {
      const s = secret(next);
      const databaseUrl = url(next, ports[i % ports.length], s);
      for (const command of COMMANDS) {
        for (const format of FORMATS) {
          const result = await run(dir, ...command, '--url', databaseUrl, '--format', format);
          const output = result.stdout + result.stderr;
          for (const fragment of s.fragments) {
            assert.ok(
              !output.includes(fragment),
              `seed ${SEED} case ${i}: '${command.join(' ')} --format ${format}' printed a fragment of the password of ${JSON.stringify(databaseUrl)}:\n${output}`,
            );
          }
          assert.ok(result.code === 2 || result.code === 3, `seed ${SEED} case ${i}: ${command.join(' ')} exits 2 or 3, not ${result.code}:\n${output}`);
          assert.ok(!/\n\s+at .+:\d+:\d+\)?\n/.test(output), `no stack trace:\n${output}`);
        }
      }
    }
  } finally {
    rude.close();
  }
});
