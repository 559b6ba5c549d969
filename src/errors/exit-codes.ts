/**
 * The exit-code contract shared by every command (documented in README.md).
 */
export const ExitCode = {
  /** Nothing to report. */
  Ok: 0,
  /** Findings at error level, or stale generated output. */
  Findings: 1,
  /** Bad usage, configuration or input (a malformed schema, a missing file). */
  Usage: 2,
  /** A database could not be reached. */
  Unreachable: 3,
  /** A defect in steward itself (an unexpected exception, or output Prisma rejects). */
  Internal: 4,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
