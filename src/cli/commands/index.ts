import type { Command } from '../command.js';

/**
 * Every command, in the order `steward --help` lists them. One line per command. Commands load
 * on demand: a run pays only for the capability it uses (importing all of them costs ~150 ms).
 */
export interface CommandEntry {
  name: string;
  load(): Promise<Command>;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'init', load: async () => (await import('./init.js')).initCommand },
  { name: 'generate', load: async () => (await import('./generate.js')).generateCommand },
  { name: 'validate', load: async () => (await import('./validate.js')).validateCommand },
  { name: 'lint', load: async () => (await import('./lint.js')).lintCommand },
  { name: 'audit', load: async () => (await import('./audit.js')).auditCommand },
  { name: 'check', load: async () => (await import('./check.js')).checkCommand },
  { name: 'diff', load: async () => (await import('./diff.js')).diffCommand },
  { name: 'changelog', load: async () => (await import('./changelog.js')).changelogCommand },
  { name: 'release', load: async () => (await import('./release.js')).releaseCommand },
  { name: 'docs', load: async () => (await import('./docs.js')).docsCommand },
  { name: 'status', load: async () => (await import('./status.js')).statusCommand },
  { name: 'report', load: async () => (await import('./report.js')).reportCommand },
  { name: 'review', load: async () => (await import('./review.js')).reviewCommand },
  { name: 'verify', load: async () => (await import('./verify.js')).verifyCommand },
  { name: 'migrate', load: async () => (await import('./migrate.js')).migrateCommand },
  { name: 'db', load: async () => (await import('./db.js')).dbCommand },
];

export async function loadCommand(name: string): Promise<Command | undefined> {
  return COMMANDS.find((c) => c.name === name)?.load();
}

export async function loadAllCommands(): Promise<Command[]> {
  return Promise.all(COMMANDS.map((c) => c.load()));
}
