import type { Command } from '../command.js';
import { auditCommand } from './audit.js';
import { changelogCommand } from './changelog.js';
import { checkCommand } from './check.js';
import { diffCommand } from './diff.js';
import { generateCommand } from './generate.js';
import { releaseCommand } from './release.js';
import { validateCommand } from './validate.js';
import { verifyCommand } from './verify.js';

/** Every command, in the order `steward --help` lists them. One line per command. */
export const COMMANDS: Command[] = [
  generateCommand,
  validateCommand,
  auditCommand,
  checkCommand,
  diffCommand,
  changelogCommand,
  releaseCommand,
  verifyCommand,
];
