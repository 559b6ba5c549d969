import type { ErrorRegistry } from '@prisma/driver-adapter-utils';
import { redactSecrets } from './database-url.js';
import { lastEnginePanic } from './wasm-module.js';

/**
 * A failure reported by Prisma's schema engine. `prismaCode` is Prisma's own stable code
 * (P1012 for an invalid schema, P3006 for a migration that fails to apply, ...) when the
 * engine gave one.
 */
export class SchemaEngineError extends Error {
  readonly prismaCode?: string;
  readonly operation: string;

  constructor(operation: string, message: string, options: { prismaCode?: string; cause?: unknown } = {}) {
    // Engines and drivers echo connection strings: nothing they say leaves here with a password.
    super(redactSecrets(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SchemaEngineError';
    this.operation = operation;
    this.prismaCode = options.prismaCode;
  }
}

/**
 * Turns whatever the wasm engine threw into a SchemaEngineError. Panics surface as a
 * `RuntimeError: unreachable`; the real message is in the panic registry.
 */
export function toSchemaEngineError(operation: string, error: unknown, registry?: ErrorRegistry): SchemaEngineError {
  if (error instanceof SchemaEngineError) return error;
  const external = error instanceof Error ? /External error id#(\d+)/.exec(error.message) : null;
  if (external && registry) {
    // A driver adapter failed; the engine only holds an id, the adapter's registry holds the error.
    const record = registry.consumeError(Number(external[1]));
    if (record) return new SchemaEngineError(operation, describeDriverError(record.error), { cause: record.error });
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const isPanic = error.name === 'RuntimeError';
    const message = isPanic ? `schema engine panicked: ${lastEnginePanic() || error.message}` : stripRustBacktrace(error.message);
    return new SchemaEngineError(operation, message, { prismaCode: typeof code === 'string' ? code : undefined, cause: error });
  }
  return new SchemaEngineError(operation, String(error));
}

/** The engine appends a span trace ("   0: schema_engine_wasm::...") that means nothing to users. */
function stripRustBacktrace(message: string): string {
  const trace = message.search(/\n\s+0: schema_engine/);
  return (trace === -1 ? message : message.slice(0, trace)).trimEnd();
}

function describeDriverError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { originalMessage?: string; kind?: string } }).cause;
    return cause?.originalMessage ?? error.message ?? cause?.kind ?? String(error);
  }
  return String(error);
}
