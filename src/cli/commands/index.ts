import type { Command } from '../command.js';
import { auditCommand } from './audit.js';
import { changelogCommand } from './changelog.js';
import { checkCommand } from './check.js';
import { diffCommand } from './diff.js';
import { generateCommand } from './generate.js';
import { lintCommand } from './lint.js';
import { releaseCommand } from './release.js';
import { validateCommand } from './validate.js';

/** Every command, in the order `steward --help` lists them. One line per command. */
export const COMMANDS: Command[] = [
  generateCommand,
  validateCommand,
  auditCommand,
  lintCommand,
  checkCommand,
  diffCommand,
  changelogCommand,
  releaseCommand,
];
