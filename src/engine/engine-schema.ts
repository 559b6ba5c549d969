/**
 * The schema text steward's own Prisma 7 engines accept, from an environment schema of any
 * supported major. Prisma 5 and 6 schemas carry datasource URLs (`url`, `directUrl`,
 * `shadowDatabaseUrl`) and may list preview features Prisma 7 no longer knows (`metrics`,
 * `tracing`, `fullTextSearch`...); the engine refuses both. Neither changes what the schema
 * means as database structure (the engine reaches databases through its adapter), so both are
 * blanked, keeping every line and column where it was for the engine's own messages.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ENGINE_MAJOR } from '../prisma/major.js';
import { knownPreviewFeatures } from '../prisma/schema-wasm.js';
import { prepareForValidator } from '../prisma/validator-input.js';
import { lineAt, lineStartsOf } from '../schema/lines.js';

/**
 * A Prisma schema as text, with the path the engine quotes in its error messages. Any supported
 * major's schema may be given: what the Prisma 7 engine refuses (datasource URLs, unknown preview
 * features) is blanked on the way in (schemaForEngine below; callers report its notes).
 */
export interface SchemaSource {
  path: string;
  content: string;
}

export interface EngineSchema {
  schema: SchemaSource;
  /** What was left out, located in the given schema: one info diagnostic each. */
  notes: Diagnostic[];
}

/** The codes of source `engine`: what was not given to the engine (the notes above). */
export type EngineNoteCode = 'engine-url-ignored' | 'engine-preview-feature-ignored';

declare module '../diagnostics/diagnostic.js' {
  interface DiagnosticCodes {
    engine: EngineNoteCode;
  }
}

let enginePreviewFeatures: ReadonlySet<string> | undefined;

export function schemaForEngine(schema: SchemaSource): EngineSchema {
  const text = schema.content;
  // Most Prisma 7 schemas have neither: skip the validator's feature list and the scan.
  const hasUrl = /^[ \t]*(url|directUrl|shadowDatabaseUrl)\b/m.test(text);
  const hasFeatures = /^[ \t]*previewFeatures\b/m.test(text);
  if (!hasUrl && !hasFeatures) return { schema, notes: [] };
  if (hasFeatures) enginePreviewFeatures ??= new Set(knownPreviewFeatures(ENGINE_MAJOR));
  const prepared = prepareForValidator(text, { blankUrls: hasUrl, knownPreviewFeatures: hasFeatures ? enginePreviewFeatures : undefined });
  if (prepared.text === text) return { schema, notes: [] };
  const starts = lineStartsOf(text);
  const at = (offset: number) => {
    const line = lineAt(starts, offset);
    return { file: schema.path, line: line + 1, column: offset - starts[line] + 1 };
  };
  const notes: Diagnostic[] = [
    ...prepared.removedUrls.map(
      (u): Diagnostic => ({
        source: 'engine',
        code: 'engine-url-ignored',
        severity: 'info',
        message: `datasource \`${u.name}\` is not given to Prisma ${ENGINE_MAJOR}'s schema engine (it connects through steward's adapter)`,
        location: at(u.start),
      }),
    ),
    ...prepared.removedPreviewFeatures.map(
      (f): Diagnostic => ({
        source: 'engine',
        code: 'engine-preview-feature-ignored',
        severity: 'info',
        message: `preview feature "${f.name}" is not given to Prisma ${ENGINE_MAJOR}'s schema engine, which does not know it (generally available or removed since)`,
        location: at(f.start),
      }),
    ),
  ];
  return { schema: { path: schema.path, content: prepared.text }, notes };
}
