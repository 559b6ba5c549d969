/** Global options that take a value: their value is not the command name. */
const VALUE_OPTIONS = ['--cwd', '--config', '--format'];

/** Index of the command name in the arguments (the first word that is neither an option nor an option's value), or -1. */
export function commandIndex(argv: readonly string[]): number {
  return argv.findIndex((a, i) => !a.startsWith('-') && !(i > 0 && VALUE_OPTIONS.includes(argv[i - 1])));
}
