import { SchemaEngineError } from '../engine/engine-error.js';
import { StewardError } from '../errors/index.js';

/** A schema engine failure as a user-facing error: an invalid schema is bad input, anything else a steward defect. */
export function toStewardError(error: unknown, schemaPath: string): unknown {
  if (!(error instanceof SchemaEngineError)) return error;
  if (error.prismaCode === 'P1012') {
    return new StewardError('SCHEMA_INVALID', `Prisma's schema engine rejects ${schemaPath}`, {
      location: { file: schemaPath },
      details: error.message.split('\n'),
      cause: error,
    });
  }
  return new StewardError(
    'INTERNAL',
    `Prisma's schema engine failed (${error.operation}${error.prismaCode ? `, ${error.prismaCode}` : ''}): ${error.message}`,
    { cause: error },
  );
}
