import type { ParseArgsConfig } from 'node:util';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ReportTable } from '../diagnostics/reporters/types.js';
import type { Style } from '../diagnostics/style.js';
import type { ExitCode } from '../errors/index.js';
import type { Progress } from '../progress/progress.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  cwd: string;
  configFile?: string;
  /** --format, or the default chosen for the environment (github on GitHub Actions). */
  format?: string;
  style: Style;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Progress for long work: drawn on a terminal only (never in CI or with --format json). */
  progress: Progress;
  /** Asks the user a question on a terminal; undefined when nobody can answer (CI, pipes). */
  prompt?: (question: string) => Promise<string>;
  /** Loads the configuration once per run. */
  config(): Promise<ResolvedConfig>;
  /**
   * Renders diagnostics with the selected reporter; with --format json, in THE envelope
   * (src/diagnostics/reporters/json.ts) whose `data` is `extra`, the command's own result. The
   * envelope is printed once, after the command returns, its status following the exit code.
   * `envelopeLine`: print the envelope on one line whatever --format is (the last line of a
   * stream of JSON lines, e.g. a fleet's `migrate deploy` in CI).
   */
  report(
    diagnostics: readonly Diagnostic[],
    options?: {
      sources?: Map<string, string>;
      formats?: readonly string[];
      extra?: Record<string, unknown>;
      failed?: boolean;
      envelopeLine?: boolean;
      title?: string;
      table?: ReportTable;
    },
  ): void;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** One CLI command. The command layer is thin: it parses options and calls library functions. */
export interface Command {
  name: string;
  summary: string;
  /** Lines of the command's help after the usage line. */
  help: string;
  usage: string;
  options: OptionSpec;
  /** Output formats the command accepts. */
  formats: readonly string[];
  /** Subcommand names, when the command has them (`migrate create`). */
  allowPositionals?: boolean;
  run(ctx: CommandContext, args: ParsedArgs): Promise<ExitCode>;
}
