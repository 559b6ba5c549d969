import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * A minimal loader of Prisma's schema engine (wasm) for the oracle test: diffs two datamodels
 * through the driver-adapter mock, without a database. Dev-only (devDependencies).
 */
export interface SchemaEngineDiff {
  /** Prisma's human-readable migration summary from `from` to `to`. */
  diff(from: string, to: string): Promise<string>;
}

export type EngineProvider = 'sqlite' | 'postgres' | 'mysql';

type EngineModule = Record<string, (...args: unknown[]) => unknown> & {
  SchemaEngine: {
    new: (options: unknown, log: unknown, adapter: unknown) => Promise<{ diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }> }>;
  };
};

const engines = new Map<EngineProvider, Promise<SchemaEngineDiff>>();
let wasmModule: Promise<EngineModule> | undefined;

export function loadSchemaEngine(provider: EngineProvider): Promise<SchemaEngineDiff> {
  let e = engines.get(provider);
  if (!e) engines.set(provider, (e = load(provider)));
  return e;
}

async function load(provider: EngineProvider): Promise<SchemaEngineDiff> {
  const bg = await (wasmModule ??= instantiate());
  const utils = await import('@prisma/driver-adapter-utils');
  const adapter = utils.bindMigrationAwareSqlAdapterFactory(utils.mockMigrationAwareAdapterFactory(provider));
  const engine = await bg.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
  const container = (text: string) => ({ tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: text }] });
  return {
    async diff(from, to) {
      const result = await engine.diff({
        from: container(from),
        to: container(to),
        script: false,
        exitCode: null,
        filters: { externalTables: [], externalEnums: [] },
      });
      return result.stdout ?? '';
    },
  };
}

/** The wasm module is instantiated once and shared by the engines of every provider. */
async function instantiate(): Promise<EngineModule> {
  const bg = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as EngineModule;
  const require = createRequire(import.meta.url);
  const wasmPath = join(dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm');
  // The WebAssembly global is not in this project's type libraries (lib ES2023, no DOM).
  const wasm = (
    globalThis as unknown as { WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }> } }
  ).WebAssembly;
  const { instance } = await wasm.instantiate(readFileSync(wasmPath), { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}
