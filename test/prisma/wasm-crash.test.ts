import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load.js';
import { prismaFormat, prismaValidate } from '../../src/prisma/schema-wasm.js';
import { generateProject } from '../../src/project/environments.js';
import { PG_MASTER, tempProject } from '../helpers/project.js';

const require = createRequire(import.meta.url);
const WasmRuntimeError = (globalThis as unknown as { WebAssembly: { RuntimeError: new (message?: string) => Error } }).WebAssembly.RuntimeError;
const VALID = 'datasource db {\n  provider = "sqlite"\n}\n\nmodel A {\n  id Int @id\n}\n';

/** Makes the loaded instance of Prisma 7's validator trap on its next `method` call, as a Rust panic does. */
function crashNext(method: 'validate' | 'format'): object {
  const wasm = require('@prisma/prisma-schema-wasm') as Record<string, unknown>;
  wasm[method] = () => {
    throw new WasmRuntimeError('unreachable');
  };
  return wasm;
}

describe('a crashed Prisma wasm instance is recreated', () => {
  it('validate: the trap is INTERNAL, the next call runs on a fresh instance', () => {
    assert.deepEqual(prismaValidate([{ path: 's.prisma', text: VALID }]), []);
    const crashed = crashNext('validate');
    assert.throws(
      () => prismaValidate([{ path: 's.prisma', text: VALID }]),
      (e: Error & { code?: string }) => e.code === 'INTERNAL' && /crashed \(unreachable\)/.test(e.message),
    );
    assert.deepEqual(prismaValidate([{ path: 's.prisma', text: VALID }]), []);
    const refused = prismaValidate([{ path: 's.prisma', text: VALID.replace('Int @id', 'Intt @id') }]);
    assert.equal(refused[0]?.severity, 'error');
    assert.notEqual(require('@prisma/prisma-schema-wasm'), crashed, 'a new module instance');
  });

  it('generate (as --watch runs it after each change): fails once, then works again', async () => {
    const dir = tempProject({ 'prisma/schema.master.prisma': PG_MASTER });
    const config = await loadConfig({ cwd: dir });
    prismaFormat(VALID); // loaded
    crashNext('format');
    await assert.rejects(generateProject(config), (e: Error & { code?: string }) => e.code === 'INTERNAL');
    const report = await generateProject(config);
    assert.equal(report.written.length, 4);
  });
});
