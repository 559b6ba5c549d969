import type { DocsProblemCode } from './update.js';

/**
 * The codes of source `docs`: a broken marker or an unknown model (update.ts), a reference
 * section out of date with the master (project.ts), an ER diagram file out of date (`--diagram`).
 */
export type DocsCode = DocsProblemCode | 'docs-stale' | 'docs-diagram-stale';

declare module '../diagnostics/diagnostic.js' {
  interface DiagnosticCodes {
    docs: DocsCode;
  }
}
