/**
 * Loads Prisma's schema engine (`@prisma/schema-engine-wasm`) as a library.
 *
 * The package's entry imports its `.wasm` file as an ES module, which Node 20 cannot do
 * without `--experimental-wasm-modules`. So we import the JS glue (`schema_engine_bg`)
 * ourselves, instantiate the `.wasm` with that glue as its import object, and start it.
 * The module is a process-wide singleton: instantiating it costs ~20 ms.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';

export type SchemaEngineModule = typeof glue;

interface PanicRegistry {
  get(): string;
  set_message(message: string): void;
}

declare global {
  // The wasm glue writes panic messages here; without it a panic is an opaque `unreachable`.
  // eslint-disable-next-line no-var
  var PRISMA_WASM_PANIC_REGISTRY: PanicRegistry | undefined;
}

class WasmPanicRegistry implements PanicRegistry {
  private message = '';
  get(): string {
    return this.message;
  }
  set_message(message: string): void {
    this.message = message;
  }
}

/** The slice of the WebAssembly global we use (this project's `lib` has no DOM typings). */
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: { exports: unknown } }>;
}

function wasmApi(): WasmApi {
  return (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
}

let loading: Promise<SchemaEngineModule> | undefined;

/** The last panic message reported by the wasm engine, if any. */
export function lastEnginePanic(): string {
  return globalThis.PRISMA_WASM_PANIC_REGISTRY?.get() ?? '';
}

export function loadSchemaEngineModule(): Promise<SchemaEngineModule> {
  loading ??= instantiate().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function instantiate(): Promise<SchemaEngineModule> {
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= new WasmPanicRegistry();
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bytes = await readFile(gluePath.replace(/\.js$/, '.wasm'));
  const { instance } = await wasmApi().instantiate(bytes, { './schema_engine_bg.js': withUnrefTimers(glue) });
  const exports = instance.exports as { __wbindgen_start(): void };
  glue.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  return glue;
}

/**
 * The engine arms 60 s timers (connection pool housekeeping) that would keep a finished CLI
 * process alive for a minute; they are unref'd so they never hold the event loop open.
 */
function withUnrefTimers(module: SchemaEngineModule): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...module };
  for (const [name, value] of Object.entries(module)) {
    if (!name.startsWith('__wbg_setTimeout_') || typeof value !== 'function') continue;
    const arm = value as (...args: unknown[]) => unknown;
    imports[name] = (...args: unknown[]) => {
      const timer = arm(...args) as { unref?: () => void } | undefined;
      timer?.unref?.();
      return timer;
    };
  }
  return imports;
}
