import type { Diagnostic } from '../diagnostic.js';
import type { Style } from '../style.js';

export interface ReportContext {
  /** Source texts by file path, for code frames. */
  sources?: Map<string, string>;
  style: Style;
  /** Tool-level title, e.g. "steward check". */
  title?: string;
  /** Working directory, for reporters that need absolute or repository-relative paths. */
  cwd?: string;
  /** A command's own results beside the diagnostics (lint's dry-run fixes): the JSON envelope's `data`. */
  extra?: Record<string, unknown>;
  /** A command's own summary table, shown before the findings by the markdown reporter (drift's databases). */
  table?: ReportTable;
  /** The command that ran (`lint`), for the JSON envelope. */
  command?: string;
  /** steward's version, for the JSON envelope. */
  version?: string;
  /** The command stopped on an error (the diagnostics hold it): the envelope's status is `failed`. */
  failed?: boolean;
  /** The envelope's status when the caller knows it (the CLI: from the exit code); overrides `failed`. */
  status?: 'ok' | 'findings' | 'failed';
}

export interface ReportTable {
  header: readonly string[];
  rows: readonly (readonly string[])[];
  /** A line under the table (a fleet's version skew). */
  footer?: string;
}

/** A reporter renders diagnostics to text. It knows nothing about the features that made them. */
export type Reporter = (diagnostics: readonly Diagnostic[], context: ReportContext) => string;
