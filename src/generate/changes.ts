import type { Severity } from '../diagnostics/diagnostic.js';
import type { Span } from '../schema/model.js';

/**
 * The closed list of changes environment generation can make to the master. Each code's
 * severity and meaning is decided here, once.
 */
export const CHANGE_CODES = {
  'provider-set': { severity: 'info', summary: 'datasource provider set for the environment' },
  'datasource-url-moved': { severity: 'info', summary: 'connection URL moved to prisma.<env>.config.ts (Prisma 7)' },
  'datasource-url-set': { severity: 'info', summary: 'connection URL set to the environment variable of the environment' },
  'datasource-property-removed': { severity: 'warning', summary: 'datasource property the provider does not accept was removed' },
  'preview-feature-removed': { severity: 'info', summary: 'preview feature unknown to the target Prisma version or provider was removed' },
  'list-to-json': { severity: 'warning', summary: 'scalar or enum list stored as a JSON-encoded array' },
  'native-type-removed': { severity: 'warning', summary: 'native database type removed; its constraint is lost' },
  'native-type-equivalent': { severity: 'info', summary: 'native database type removed; the provider stores the scalar the same way' },
  'native-type-mapped': { severity: 'info', summary: 'native database type mapped to the provider equivalent' },
  'unsupported-field-removed': { severity: 'warning', summary: 'Unsupported(...) field removed' },
  'default-mapped': { severity: 'info', summary: 'database-generated default mapped to a Prisma default' },
  'default-removed': { severity: 'warning', summary: 'default the provider cannot express was removed' },
  'autoincrement-adapted': { severity: 'warning', summary: 'autoincrement()/sequence() adapted to the provider' },
  'referential-action-adapted': { severity: 'warning', summary: 'referential action the provider cannot emulate was replaced by its nearest equivalent' },
  'index-argument-removed': { severity: 'warning', summary: 'index or constraint argument the provider lacks was removed' },
  'constraint-name-removed': { severity: 'info', summary: 'database constraint name the provider cannot store was removed' },
  'index-removed': { severity: 'warning', summary: 'index or constraint removed' },
  'schema-attribute-removed': { severity: 'info', summary: '@@schema removed (the provider has one schema)' },
  'enum-to-string': { severity: 'warning', summary: 'enum stored as String (the provider has no enums)' },
  'field-removed': { severity: 'warning', summary: 'field removed because the type it refers to is not in this environment' },
  'excluded-by-annotation': { severity: 'info', summary: 'left out by an environment annotation' },
  'attribute-excluded': { severity: 'info', summary: 'attribute left out by an environment annotation' },
  'override-applied': { severity: 'info', summary: 'field type and attributes overridden by an environment annotation' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type ChangeCode = keyof typeof CHANGE_CODES;

declare module '../diagnostics/diagnostic.js' {
  interface DiagnosticCodes {
    'generate-changes': ChangeCode;
  }
}

export interface GenerationChange {
  code: ChangeCode;
  severity: Severity;
  env: string;
  model?: string;
  field?: string;
  /** What happened, in one sentence. */
  message: string;
  /** What it means for the environment's generated Prisma Client types, when anything. */
  typeImpact?: string;
  /** Where in the master. */
  location: Span;
}
