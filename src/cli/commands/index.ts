import type { Command } from '../command.js';
import { checkCommand } from './check.js';
import { generateCommand } from './generate.js';
import { lintCommand } from './lint.js';
import { validateCommand } from './validate.js';

/** Every command, in the order `steward --help` lists them. One line per command. */
export const COMMANDS: Command[] = [
  generateCommand,
  validateCommand,
  lintCommand,
  checkCommand,
];
