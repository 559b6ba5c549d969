/**
 * The codes of source `migrate`, in one closed list: findings of `migrate create` and
 * `migrate transition` that are not about a migration's safety (that is `migrate-lint`).
 */
export const MIGRATE_CODES = {
  /** A history or master needs an extension PGlite lacks and no `shadowUrl` names a server that has it (scratch-extensions.ts). */
  'scratch-extension-unavailable': 'an extension the scratch database lacks',
  /** A probable rename that `migrate create` will not turn into a drop without a decision (create-migrations.ts). */
  'unconfirmed-rename': 'a drop that is probably a rename, not confirmed',
  /** The contract phase refused: code still uses the old column (transitions/expand-contract.ts). */
  'transition-old-shape-used': 'the old shape of a transition is still used',
  /** The contract phase written anyway with --force. */
  'transition-gate-overridden': 'the usage gate of a contract overridden by --force',
} as const;

export type MigrateCode = keyof typeof MIGRATE_CODES;

declare module '../diagnostics/diagnostic.js' {
  interface DiagnosticCodes {
    migrate: MigrateCode;
  }
}
